// The cross-language check, run by scripts/test-clients.mjs after the language suites: against one
// gateway (with the embedded server), the Go, Python, Java and TypeScript clients each write the
// canonical record of test/clients/shared/canonical-record.json (one bin per Value type) under their
// own key, then each client reads every language's key and compares it with the canonical values.
// Every (writer, reader) pair is one check; the matrix is printed and the counts returned.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { createInterface } from "node:readline";
import { ensureVenv, root, venvPython } from "./toolchain.mjs";

const LANGUAGES = ["go", "python", "java", "ts"];
const START_TIMEOUT_MS = 60_000;

/** Runs a command to completion and returns its exit code and output. */
function runQuiet(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 10 * 60_000 });
  return { code: r.status ?? 1, out: `${r.stdout ?? ""}${r.stderr ?? ""}`, error: r.error };
}

/** Starts the gateway on a free loopback port; resolves with the child and its address. */
function startGateway() {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["bin/aerogate.js", "serve", "--listen", "127.0.0.1:0"], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error('no "listening" log line within 60s'));
    }, START_TIMEOUT_MS);
    child.on("exit", () => reject(new Error('the gateway exited before logging "listening"')));
    createInterface({ input: child.stdout }).on("line", (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.msg === "listening" && entry.address) {
          clearTimeout(timer);
          resolve({ child, address: entry.address });
        }
      } catch {
        // Not a JSON log line.
      }
    });
  });
}

/** Stops the gateway with SIGTERM, killing it when it outlives the grace period. */
async function stopGateway(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Prepares each language's participant and returns, per language, a function that builds the command
 * for `write ADDRESS` / `read ADDRESS LANG...`, or an error message when it cannot be prepared.
 */
function prepare(scratch) {
  const participants = {};
  // Go: one build of test/clients/go/cmd/xlang.
  const goBin = join(scratch, "xlang-go");
  const go = runQuiet("go", ["build", "-o", goBin, "./cmd/xlang"], join(root, "test/clients/go"));
  participants.go =
    go.code === 0 ? { run: (args) => [goBin, args, root] } : { error: `go build: ${go.out}` };

  // Python: the suite's requirements in .venv.
  const requirements = readFileSync(join(root, "test/clients/python/requirements.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
  try {
    ensureVenv(requirements);
    participants.python = {
      run: (args) => [venvPython, ["test/clients/python/xlang.py", ...args], root],
    };
  } catch (e) {
    participants.python = { error: `venv: ${e.message}` };
  }

  // Java: the compiled test classes and the classpath file the suite's Maven build writes.
  const javaDir = join(root, "test/clients/java");
  const cpFile = join(javaDir, "target/test-classpath.txt");
  if (!existsSync(cpFile) || !existsSync(join(javaDir, "target/test-classes"))) {
    const mvn = ["-B", "-ntp", "-q", "-Dstyle.color=never"];
    const install = runQuiet("mvn", [...mvn, "-f", "gen/java/pom.xml", "install"], root);
    const compile =
      install.code === 0
        ? runQuiet("mvn", [...mvn, "-f", "test/clients/java/pom.xml", "test-compile"], root)
        : install;
    if (compile.code !== 0) participants.java = { error: `mvn: ${compile.out}` };
  }
  if (!participants.java) {
    const classpath = `target/test-classes${delimiter}${readFileSync(cpFile, "utf8").trim()}`;
    participants.java = {
      run: (args) => [
        "java",
        ["-cp", classpath, "dev.aerogate.clients.CrossLanguage", ...args],
        javaDir,
      ],
    };
  }

  // TypeScript: test/clients/ts/xlang.ts through vite-node (installed with vitest).
  participants.ts = {
    run: (args) => [
      join(root, "node_modules/.bin/vite-node"),
      ["test/clients/ts/xlang.ts", ...args],
      root,
    ],
  };
  return participants;
}

/** Formats the reader × writer matrix. */
function formatMatrix(matrix) {
  const width = 8;
  const pad = (s) => String(s).padEnd(width);
  const lines = [`${pad("read by")}${LANGUAGES.map((w) => pad(`${w}→`)).join("")}(written by →)`];
  for (const reader of LANGUAGES) {
    lines.push(`${pad(reader)}${LANGUAGES.map((w) => pad(matrix[reader][w])).join("")}`);
  }
  return lines.join("\n");
}

/**
 * Runs the cross-language check and resolves with {passed, failed, skipped, matrix}; every
 * (writer, reader) pair counts once. With AEROGATE_ADDRESS set it uses that gateway.
 */
export async function runCrossLanguage() {
  const scratch = mkdtempSync(join(tmpdir(), "aerogate-xlang-"));
  const matrix = Object.fromEntries(
    LANGUAGES.map((r) => [r, Object.fromEntries(LANGUAGES.map((w) => [w, "-"]))]),
  );
  let gateway;
  try {
    const participants = prepare(scratch);
    let address = process.env.AEROGATE_ADDRESS;
    if (!address) {
      gateway = await startGateway();
      address = gateway.address;
    }
    const call = (language, args) => {
      const [cmd, argv, cwd] = participants[language].run(args);
      return runQuiet(cmd, argv, cwd);
    };
    const written = [];
    for (const writer of LANGUAGES) {
      if (participants[writer].error) {
        console.log(`xlang: ${writer} cannot run: ${participants[writer].error}`);
        for (const reader of LANGUAGES) matrix[reader][writer] = "FAIL";
        continue;
      }
      const r = call(writer, ["write", address]);
      if (r.code === 0) written.push(writer);
      else {
        console.log(`xlang: ${writer} could not write:\n${r.out}`);
        for (const reader of LANGUAGES) matrix[reader][writer] = "FAIL";
      }
    }
    for (const reader of LANGUAGES) {
      if (participants[reader].error) {
        for (const writer of LANGUAGES) matrix[reader][writer] = "FAIL";
        continue;
      }
      const r = call(reader, ["read", address, ...written]);
      for (const line of r.out.split("\n")) {
        const m = line.match(/^(go|python|java|ts) (ok|FAIL)\b(.*)$/);
        if (!m) continue;
        matrix[reader][m[1]] = m[2];
        if (m[2] === "FAIL") console.log(`xlang: ${reader} reading ${m[1]}'s record:${m[3]}`);
      }
      for (const writer of written) {
        if (matrix[reader][writer] === "-") {
          matrix[reader][writer] = "FAIL";
          console.log(`xlang: ${reader} gave no verdict on ${writer}'s record:\n${r.out}`);
        }
      }
    }
  } catch (e) {
    console.log(`xlang: ${e.message}`);
  } finally {
    if (gateway) await stopGateway(gateway.child);
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(formatMatrix(matrix));
  const cells = LANGUAGES.flatMap((r) => LANGUAGES.map((w) => matrix[r][w]));
  const passed = cells.filter((c) => c === "ok").length;
  return { passed, failed: cells.length - passed, skipped: 0, matrix };
}
