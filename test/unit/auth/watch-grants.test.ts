import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allows } from "../../../src/auth/grants.js";
import { watchGrants } from "../../../src/auth/index.js";
import { createLogger } from "../../../src/log.js";

const dir = mkdtempSync(join(tmpdir(), "aerogate-grants-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Waits until `check` holds, polling every 10 ms for at most 5 s. */
async function until(check: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe("watchGrants", () => {
  it("applies an edited grants file and keeps the last good one when the edit does not parse", async () => {
    const file = join(dir, "grants.json");
    writeFileSync(file, JSON.stringify({ principals: { a: { read: ["test"] } } }));
    const lines: string[] = [];
    const watch = watchGrants(
      file,
      20,
      createLogger({ level: "debug", write: (l) => lines.push(l) }),
    );
    try {
      const canWrite = () =>
        allows(watch.current().get("a") ?? { read: [], write: [], admin: [], tasks: [], udf: [] }, {
          right: "write",
          namespace: "test",
          set: "",
        });
      expect(canWrite()).toBe(false);
      writeFileSync(file, JSON.stringify({ principals: { a: { write: ["test"] } } }));
      await until(canWrite);
      expect(lines.some((l) => l.includes("grants reloaded"))).toBe(true);
      writeFileSync(file, "{ broken");
      await until(() => lines.some((l) => l.includes("grants file not reloaded")));
      expect(canWrite()).toBe(true);
    } finally {
      watch.close();
    }
  });
});
