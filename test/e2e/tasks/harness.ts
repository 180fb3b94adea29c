import { create } from "@bufbuild/protobuf";
import Aerospike from "aerospike";
import { type TaskEvent, TaskEventType, TaskState } from "../../../gen/ts/aerogate/v1/task_pb.js";
import { type Value, ValueSchema } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import type { GrpcCallError } from "../../helpers/grpc-client.js";

/** The poll interval the e2e gateways run with, ms. */
export const POLL_MS = 50;

/** Two gateways over one embedded server (the second with its own client), plus a direct client. */
export interface TaskWorld {
  readonly g1: TestGateway;
  readonly g2: TestGateway;
  readonly db: Aerospike.Client;
  stop(): Promise<void>;
}

/** Starts the first gateway (with its embedded server), a second one on the same cluster, and a client. */
export async function startWorld(): Promise<TaskWorld> {
  process.env.AEROGATE_TASK_POLL_INTERVAL_MS = String(POLL_MS);
  const g1 = await startTestGateway();
  const seed = g1.gateway.aerospikeHosts[0];
  if (seed === undefined) throw new Error("the first gateway has no Aerospike host");
  const g2 = await startTestGateway(["--aerospike-hosts", `${seed.host}:${seed.port}`]);
  const db = await Aerospike.connect({
    hosts: [{ addr: seed.host, port: seed.port }],
    log: { level: Aerospike.log.OFF },
  } as never);
  return {
    g1,
    g2,
    db,
    async stop() {
      db.close(false);
      await g2.stop();
      await g1.stop();
    },
  };
}

/** Writes `n` records `k0…k<n-1>` into `set` with bins `bins(i)`, 64 at a time (the client caps async connections). */
export async function seed(
  db: Aerospike.Client,
  set: string,
  n: number,
  bins: (i: number) => Record<string, unknown> = (i) => ({ n: i }),
): Promise<void> {
  const chunk = 64;
  for (let start = 0; start < n; start += chunk) {
    const puts: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(n, start + chunk); i++) {
      puts.push(db.put(new Aerospike.Key("test", set, `k${i}`) as never, bins(i) as never));
    }
    await Promise.all(puts);
  }
}

/** Reads one seeded record's bins, or undefined when it does not exist. */
export async function readSeeded(
  db: Aerospike.Client,
  set: string,
  i: number,
): Promise<{ bins: Record<string, unknown>; ttl: number } | undefined> {
  try {
    const r = await db.get(new Aerospike.Key("test", set, `k${i}`) as never);
    return { bins: r.bins as Record<string, unknown>, ttl: r.ttl };
  } catch (e) {
    if ((e as { code?: number }).code === 2) return undefined;
    throw e;
  }
}

/** A unique set name per test. */
export function freshSet(name: string): string {
  return `${name}_${process.pid % 10000}_${Date.now() % 100000}`;
}

/** Value builders. */
export const val = {
  int: (n: number | bigint): Value =>
    create(ValueSchema, { kind: { case: "intValue", value: BigInt(n) } }),
  str: (s: string): Value => create(ValueSchema, { kind: { case: "stringValue", value: s } }),
};

/** The event types of a stream, by name, e.g. ["STARTED", "PROGRESS", "COMPLETED"]. */
export function typesOf(events: readonly TaskEvent[]): string[] {
  return events.map((e) => TaskEventType[e.type]);
}

/** The names of states, for readable assertions. */
export function stateName(s: TaskState | undefined): string {
  return s === undefined ? "undefined" : TaskState[s];
}

/** Awaits a call that must fail and returns its error (the shared test helper). */
export { expectCallError as callFailure } from "../../helpers/grpc-client.js";

/** The first field violation of a failed call. */
export function violationOf(e: GrpcCallError): string | undefined {
  return e.statusDetails()?.badRequest?.fieldViolations[0]?.field;
}
