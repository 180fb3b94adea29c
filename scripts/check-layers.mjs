#!/usr/bin/env node
// Enforces the layer rule of docs/style.md: only src/transport imports grpc-js, only src/aerospike
// imports the aerospike client, and src/embedded imports nothing from the gateway.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const src = join(root, "src");

/** Lists every .ts file below a directory. */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const importRe =
  /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gs;
const problems = [];
for (const file of walk(src)) {
  const rel = relative(root, file);
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith("@grpc/grpc-js") && !rel.startsWith("src/transport/")) {
      problems.push(`${rel}: imports ${spec}; only src/transport/ may import grpc-js`);
    }
    if (
      (spec === "aerospike" || spec.startsWith("aerospike/")) &&
      !rel.startsWith("src/aerospike/")
    ) {
      problems.push(`${rel}: imports ${spec}; only src/aerospike/ may import the aerospike client`);
    }
    if (rel.startsWith("src/embedded/") && spec.startsWith(".")) {
      const target = relative(root, resolve(dirname(file), spec));
      if (!target.startsWith("src/embedded/")) {
        problems.push(`${rel}: imports ${spec}; src/embedded/ must not import from the gateway`);
      }
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("layers: ok");
