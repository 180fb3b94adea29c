#!/usr/bin/env node
// Generated-code freshness check: regenerates every language into a temporary directory with
// scripts/gen.mjs and compares the generated trees with the working tree's gen/. Exits 1, listing the
// files that differ, when `npm run gen` would change gen/ (added, removed or changed files).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { GENERATED_DIRS, root } from "./toolchain.mjs";

/** Lists every file below `dir` as paths relative to `base`; an absent directory has none. */
function listFiles(base, dir) {
  const abs = join(base, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        // Bytecode caches appear when the Python package is imported in place; they are not generated.
        if (name !== "__pycache__") walk(p);
      } else {
        out.push(relative(base, p));
      }
    }
  };
  walk(abs);
  return out;
}

/** Compares the generated trees of two roots and returns the differences, one line each. */
function diffTrees(expectedRoot, actualRoot) {
  const lines = [];
  for (const dir of GENERATED_DIRS) {
    const expected = new Set(listFiles(expectedRoot, dir));
    const actual = new Set(listFiles(actualRoot, dir));
    for (const file of [...expected].sort()) {
      if (!actual.has(file)) lines.push(`missing   ${file}`);
      else if (
        !readFileSync(join(expectedRoot, file)).equals(readFileSync(join(actualRoot, file)))
      ) {
        lines.push(`changed   ${file}`);
      }
    }
    for (const file of [...actual].sort()) {
      if (!expected.has(file)) lines.push(`extra     ${file}`);
    }
  }
  return lines;
}

const scratch = mkdtempSync(join(tmpdir(), "aerogate-gen-"));
try {
  execFileSync("node", [join(root, "scripts", "gen.mjs"), "--out", scratch], {
    cwd: root,
    stdio: "inherit",
  });
  const diffs = diffTrees(scratch, root);
  if (diffs.length > 0) {
    console.error(
      `\ncheck-gen: gen/ is stale — ${diffs.length} generated file(s) differ from a fresh generation:`,
    );
    for (const line of diffs.slice(0, 50)) console.error(`  ${line}`);
    if (diffs.length > 50) console.error(`  … and ${diffs.length - 50} more`);
    console.error("Run `npm run gen` and commit gen/.");
    process.exit(1);
  }
  console.log(`check-gen: gen/ is up to date (${GENERATED_DIRS.join(", ")})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
