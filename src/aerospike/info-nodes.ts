import type Aerospike from "aerospike";
import { AerospikeFailure, toFailure } from "./failure.js";
import { infoValue } from "./job-show.js";

/** The aerospike client instance the gateway talks through. */
type AerospikeClient = InstanceType<typeof Aerospike.Client>;

/** The info calls used here, with loose types (the package's typings vary by version). */
interface InfoClient {
  getNodes(): { name: string }[];
  infoNode(request: string, node: { name: string }, policy?: unknown): Promise<string>;
  infoAny(request: string, policy?: unknown): Promise<string>;
}

/** One node's answer to an info command: its value, or the error it answered with. */
export type NodeAnswer =
  | { readonly node: string; readonly ok: true; readonly value: string }
  | { readonly node: string; readonly ok: false; readonly failure: AerospikeFailure };

function infoClient(client: AerospikeClient): InfoClient {
  return client as unknown as InfoClient;
}

/** The info policy for a command with a total timeout. */
function infoPolicy(timeoutMs: number): Record<string, unknown> {
  return { timeout: Math.max(1, Math.floor(timeoutMs)) };
}

/**
 * Sends one info command to every node of the cluster at once and returns each node's answer
 * (value without the command echo, or its error: `ERROR:<code>:<message>` replies become failures
 * with that code).
 */
export async function infoAllNodes(
  client: AerospikeClient,
  command: string,
  timeoutMs: number,
): Promise<NodeAnswer[]> {
  const c = infoClient(client);
  const nodes = c.getNodes();
  if (nodes.length === 0) throw new AerospikeFailure(-8, "no Aerospike node is connected", false);
  return Promise.all(
    nodes.map(async (node): Promise<NodeAnswer> => {
      try {
        const value = infoValue(await c.infoNode(command, node, infoPolicy(timeoutMs)));
        const error = parseInfoError(value);
        if (error !== undefined) return { node: node.name, ok: false, failure: error };
        return { node: node.name, ok: true, value };
      } catch (e) {
        return { node: node.name, ok: false, failure: toFailure(e) };
      }
    }),
  );
}

/** Sends one info command to any node and returns its value; `ERROR:` replies reject. */
export async function infoOneNode(
  client: AerospikeClient,
  command: string,
  timeoutMs: number,
): Promise<string> {
  let value: string;
  try {
    value = infoValue(await infoClient(client).infoAny(command, infoPolicy(timeoutMs)));
  } catch (e) {
    throw toFailure(e);
  }
  const error = parseInfoError(value);
  if (error !== undefined) throw error;
  return value;
}

/** Turns an `ERROR:<code>:<message>` (or `error=…`) info value into a failure; undefined otherwise. */
export function parseInfoError(value: string): AerospikeFailure | undefined {
  const m = /^ERROR:(-?\d+)(?::(.*))?$/s.exec(value.trim());
  if (m !== null) return new AerospikeFailure(Number(m[1]), (m[2] ?? "").trim(), false);
  if (/^ERROR\b/i.test(value.trim())) return new AerospikeFailure(1, value.trim(), false);
  return undefined;
}

/** Strips the " from <host:port>" suffix the client appends to server messages. */
export function serverMessage(message: string): string {
  return message.replace(/\s+from\s+\S+$/, "").trim();
}
