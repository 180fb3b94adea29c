#!/usr/bin/env node
// Regenerates gen/ from proto/: TypeScript with protoc-gen-es through buf (more languages are added here).
import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");

/** Runs a command in the repository root, inheriting stdio, and throws when it fails. */
function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
}

run("node", ["node_modules/@bufbuild/buf/bin/buf", "generate"]);
