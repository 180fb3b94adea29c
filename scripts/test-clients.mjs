#!/usr/bin/env node
// Runs the Go, Python and Java client suites in test/clients/ against a gateway each suite starts
// itself (`node bin/aerogate.js serve --listen 127.0.0.1:0`), installing what they need from the
// registries: Go modules through the module proxy (as go build needs them), pytest & co. into .venv,
// Maven artifacts into ~/.m2.
//
// Usage: node scripts/test-clients.mjs [go] [python] [java] [xlang] [--build] [--summary FILE]
//   xlang           the cross-language check (scripts/test-clients-xlang.mjs): Go, Python, Java and
//                   TypeScript each write every Value type and read back every other's record
//   --build         run `npm run build` first (it also runs when dist/ has no compiled CLI)
//   --summary FILE  write {"passed","failed","skipped","languages":{...}} as JSON (read by scripts/test.mjs)
// With AEROGATE_ADDRESS=HOST:PORT every suite calls that running gateway instead of starting its own.
// Prints one line per language, `LANG: N passed, N failed, N skipped`, and exits 1 on any failure.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runCrossLanguage } from "./test-clients-xlang.mjs";
import { ensureVenv, root, run, venvPython } from "./toolchain.mjs";

const SUITE_TIMEOUT_MS = 20 * 60_000;

/** Parses the command line into the selected languages and flags. */
function parseArgs(argv) {
  const opts = { languages: [], build: false, summary: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--build") opts.build = true;
    else if (arg === "--summary") opts.summary = argv[++i];
    else if (["go", "python", "java", "xlang"].includes(arg)) opts.languages.push(arg);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (opts.languages.length === 0) opts.languages = ["go", "python", "java", "xlang"];
  return opts;
}

/** Prints an output line unless it is blank once colour codes are removed (Maven's -q leaves those). */
function printLine(line) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences on purpose.
  if (line.replace(/\x1b\[[0-9;]*m/g, "").trim() !== "") console.log(line);
}

/**
 * Runs a command, passing each output line through `onLine` (which prints it, or not), and resolves
 * with the exit code. Kills the command when it outlives SUITE_TIMEOUT_MS.
 */
function stream(cmd, args, cwd, onLine = printLine) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      // Imports from gen/python would otherwise leave __pycache__ directories in the generated tree.
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });
    const timer = setTimeout(() => {
      console.error(`test-clients: ${cmd} ${args.join(" ")} timed out; killing it`);
      child.kill("SIGKILL");
    }, SUITE_TIMEOUT_MS);
    for (const source of [child.stdout, child.stderr]) {
      let pending = "";
      source.setEncoding("utf8");
      source.on("data", (chunk) => {
        pending += chunk;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) onLine(line);
      });
      source.on("end", () => {
        if (pending) onLine(pending);
      });
    }
    child.on("error", (err) => {
      console.error(`test-clients: cannot run ${cmd}: ${err.message}`);
      clearTimeout(timer);
      resolvePromise(127);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise(code ?? 1);
    });
  });
}

/** Makes sure a failing run never reports zero failures. */
function settle(counts, exitCode) {
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

/** Builds and vets gen/go, then runs `go test -json` in test/clients/go and counts the tests. */
async function runGo() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const gen = join(root, "gen", "go");
  // No `go mod download`: it fetches every module of the graph, tests of dependencies included, while
  // build and test fetch only the packages they compile.
  for (const args of [
    ["build", "./..."],
    ["vet", "./..."],
  ]) {
    if ((await stream("go", args, gen)) !== 0) return settle(counts, 1);
  }
  const dir = join(root, "test", "clients", "go");
  const code = await stream("go", ["test", "-json", "-count=1", "./..."], dir, (line) => {
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      printLine(line);
      return;
    }
    if (event.Output) process.stdout.write(event.Output);
    // Count top-level tests only: subtests are part of their parent's result.
    if (!event.Test || event.Test.includes("/")) return;
    if (event.Action === "pass") counts.passed++;
    else if (event.Action === "fail") counts.failed++;
    else if (event.Action === "skip") counts.skipped++;
  });
  return settle(counts, code);
}

/** Installs the Python suite's requirements into .venv and runs pytest, counting from its summary. */
async function runPython() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const requirements = readFileSync(
    join(root, "test", "clients", "python", "requirements.txt"),
    "utf8",
  )
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
  ensureVenv(requirements);
  const code = await stream(
    venvPython,
    ["-m", "pytest", "-p", "no:cacheprovider", "-v", "test/clients/python"],
    root,
    (line) => {
      printLine(line);
      // pytest's closing line, e.g. "==== 2 passed, 1 skipped in 0.52s ====".
      if (/^=+ .* in [\d.]+s/.test(line)) {
        const n = (word) => Number(line.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
        counts.passed = n("passed");
        counts.failed = n("failed") + n("errors?");
        counts.skipped = n("skipped");
      }
    },
  );
  return settle(counts, code);
}

/** Sums Surefire's XML reports below `dir`. */
function surefireCounts(dir) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(dir)) return counts;
  for (const file of readdirSync(dir).filter((f) => /^TEST-.*\.xml$/.test(f))) {
    const head = readFileSync(join(dir, file), "utf8").match(/<testsuite\b[^>]*>/)?.[0] ?? "";
    const attr = (name) => Number(head.match(new RegExp(`\\b${name}="(\\d+)"`))?.[1] ?? 0);
    const failed = attr("failures") + attr("errors");
    const skipped = attr("skipped");
    counts.failed += failed;
    counts.skipped += skipped;
    counts.passed += attr("tests") - failed - skipped;
  }
  return counts;
}

/** Installs gen/java into the local Maven repository and runs the JUnit suite in test/clients/java. */
async function runJava() {
  const mvn = ["-B", "-ntp", "-Dstyle.color=never"];
  const gen = join(root, "gen", "java", "pom.xml");
  if ((await stream("mvn", [...mvn, "-q", "-f", gen, "install"], root)) !== 0) {
    return settle({ passed: 0, failed: 0, skipped: 0 }, 1);
  }
  const dir = join(root, "test", "clients", "java");
  const code = await stream(
    "mvn",
    [...mvn, "-f", join(dir, "pom.xml"), "clean", "test"],
    root,
    (line) => {
      // Keep Surefire's results and errors; drop Maven's plugin chatter.
      if (/Tests run:|FAIL|ERROR|Error|Exception|expected|at dev\.aerogate|BUILD/.test(line)) {
        console.log(line);
      }
    },
  );
  return settle(surefireCounts(join(dir, "target", "surefire-reports")), code);
}

const opts = parseArgs(process.argv.slice(2));
// With AEROGATE_ADDRESS set the suites call that gateway instead of starting one, so nothing is built.
const external = Boolean(process.env.AEROGATE_ADDRESS);
if (!external && (opts.build || !existsSync(join(root, "dist", "src", "cli.js")))) {
  run("npm", ["run", "--silent", "build"]);
}

const suites = { go: runGo, python: runPython, java: runJava, xlang: runCrossLanguage };
const results = {};
for (const language of opts.languages) {
  const started = Date.now();
  console.log(`\n=== clients/${language}`);
  try {
    results[language] = await suites[language]();
  } catch (err) {
    // A failed install (pip, Maven) is a failed suite, not a crash that loses the other counts.
    console.error(`test-clients: ${language}: ${err instanceof Error ? err.message : err}`);
    results[language] = { passed: 0, failed: 1, skipped: 0 };
  }
  results[language].seconds = Math.round((Date.now() - started) / 100) / 10;
}

const total = { passed: 0, failed: 0, skipped: 0 };
const times = Object.entries(results).map(([language, c]) => `${language} ${c.seconds}s`);
console.log(`\ntest-clients: ${times.join(", ")}`);
for (const [language, c] of Object.entries(results)) {
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
  console.log(`${language}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
}
if (opts.summary) {
  mkdirSync(dirname(opts.summary), { recursive: true });
  writeFileSync(opts.summary, `${JSON.stringify({ ...total, languages: results }, null, 2)}\n`);
}
process.exit(total.failed > 0 ? 1 : 0);
