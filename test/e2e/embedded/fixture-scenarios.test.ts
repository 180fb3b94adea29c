import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, stopHarness } from "./client-harness.js";
import {
  digestsOf,
  needsPlugin,
  normalizeTtls,
  readSteps,
  runStep,
  type Step,
} from "./fixture-steps.js";

// Steps whose recorded result depends on when it was recorded: exp.voidTime is an absolute time.
const SKIP_STEPS = new Set<string>(["operate read expression ttl/voidTime"]);

function plan(scenario: string): { steps: Step[]; skipped: Set<number> } {
  const steps = readSteps(scenario).filter((s) => s.call !== "Aerospike.connect");
  const tainted = new Set<string>();
  const skipped = new Set<number>();
  for (const s of steps) {
    const keys = digestsOf(s);
    if (needsPlugin(s) || SKIP_STEPS.has(s.step) || keys.some((k) => tainted.has(k))) {
      skipped.add(s.n);
      for (const k of keys) tainted.add(k);
    }
  }
  return { steps, skipped };
}

describe.each(["kv-types", "write-policies", "operate", "batch", "info", "hll"])(
  "fixture scenario %s through the official client",
  (scenario) => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await stopHarness(h);
    });
    const { steps, skipped } = plan(scenario);
    for (const step of steps) {
      const run = skipped.has(step.n) ? it.skip : it;
      run(`${step.n} ${step.step}`, async () => {
        const got = await runStep(h.client, step);
        if (step.result.error !== undefined) {
          expect(got.error?.code, JSON.stringify(got)).toBe(step.result.error.code);
        } else if (step.call.startsWith("client.info")) {
          expect(got.error, JSON.stringify(got)).toBeUndefined();
        } else {
          expect(normalizeTtls(got.ok)).toEqual(normalizeTtls(step.result.ok));
        }
      });
    }
  },
);
