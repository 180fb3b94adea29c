#!/usr/bin/env node
// `npm test`: every check CI runs, in order, with one closing line of test counts.
// Steps: type check, lint (Biome + layer rule), Dockerfile and manifest lint, buf lint/format, generated-code freshness, build,
// unit + end-to-end tests (Vitest), and the Go/Python/Java client suites.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const tmp = join(root, ".tmp");
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2);

/** Runs one named step with inherited output; returns true when it exits 0. */
function step(name, cmd, args) {
  if (only.length > 0 && !only.includes(name)) return true;
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? "ok" : `FAILED (exit ${r.status ?? r.signal})`} in ${secs}s`);
  return ok;
}

/** Reads {passed, failed, skipped} from a JSON summary file a step wrote, if present. */
function counts(file, pick) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  try {
    return pick(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

const bin = (name) => join(root, "node_modules", ".bin", name);
const vitestJson = join(tmp, "vitest.json");
const clientsJson = join(tmp, "test-clients.json");
rmSync(vitestJson, { force: true });
rmSync(clientsJson, { force: true });

const results = [
  ["typecheck", step("typecheck", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"])],
  ["lint", step("lint", "npm", ["run", "--silent", "lint"])],
  ["deploy-lint", step("deploy-lint", "node", ["scripts/lint-deploy.mjs"])],
  ["buf-lint", step("buf-lint", bin("buf"), ["lint"])],
  [
    "buf-format",
    step("buf-format", bin("buf"), ["format", "--diff", "--exit-code", "--path", "proto/aerogate"]),
  ],
  [
    "gen-fresh",
    existsSync(join(root, "scripts/check-gen.mjs"))
      ? step("gen-fresh", "node", ["scripts/check-gen.mjs"])
      : true,
  ],
  ["build", step("build", "npm", ["run", "--silent", "build"])],
  [
    "vitest",
    step("vitest", bin("vitest"), [
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestJson}`,
    ]),
  ],
  [
    "clients",
    existsSync(join(root, "scripts/test-clients.mjs"))
      ? step("clients", "node", ["scripts/test-clients.mjs", "--summary", clientsJson])
      : true,
  ],
];

const vt = counts(vitestJson, (j) => ({
  passed: j.numPassedTests ?? 0,
  failed: j.numFailedTests ?? 0,
  skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
}));
const cl = counts(clientsJson, (j) => ({
  passed: j.passed ?? 0,
  failed: j.failed ?? 0,
  skipped: j.skipped ?? 0,
}));
const failedSteps = results.filter(([, ok]) => !ok).map(([name]) => name);
console.log("\n=== summary");
for (const [name, ok] of results) console.log(`${ok ? "ok    " : "FAILED"} ${name}`);
console.log(`vitest: ${vt.passed} passed, ${vt.failed} failed, ${vt.skipped} skipped`);
console.log(`clients: ${cl.passed} passed, ${cl.failed} failed, ${cl.skipped} skipped`);
const passed = vt.passed + cl.passed;
const failed = vt.failed + cl.failed + failedSteps.length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);
