import type { Namespace } from "../store/namespace.js";
import type { Store } from "../store/store.js";
import type { AsMsg } from "../wire/as-msg.js";
import { FieldType } from "../wire/as-msg-constants.js";
import type { Particle } from "../wire/particle.js";
import { ResultCode } from "../wire/result-codes.js";

/** The key-addressing fields of a single-record request, validated. */
export interface KeyedRequest {
  readonly msg: AsMsg;
  readonly ns: Namespace;
  /** SET field: undefined when absent, "" when sent empty. */
  readonly setName: string | undefined;
  readonly digest: Buffer;
  /** KEY field: particle type + key bytes. */
  readonly key: Particle | undefined;
  /** FILTER field: packed expression. */
  readonly filter: Buffer | undefined;
}

/** Either a parsed request or the result code to reject it with. */
export type ParseResult = { ok: true; req: KeyedRequest } | { ok: false; code: number };

/**
 * Extracts namespace, set, digest, key and filter from a single-record as_msg.
 *
 * Missing namespace or a digest that is not 20 bytes → PARAMETER; unknown namespace → NAMESPACE.
 */
export function parseKeyedRequest(msg: AsMsg, store: Store): ParseResult {
  let nsName: string | undefined;
  let setName: string | undefined;
  let digest: Buffer | undefined;
  let key: Particle | undefined;
  let filter: Buffer | undefined;
  for (const f of msg.fields) {
    switch (f.type) {
      case FieldType.NAMESPACE:
        nsName = f.data.toString("utf8");
        break;
      case FieldType.SET:
        setName = f.data.toString("utf8");
        break;
      case FieldType.DIGEST:
        digest = f.data;
        break;
      case FieldType.KEY:
        if (f.data.length < 1) return { ok: false, code: ResultCode.PARAMETER };
        key = { type: f.data[0] as number, data: f.data.subarray(1) };
        break;
      case FieldType.FILTER:
        filter = f.data;
        break;
    }
  }
  if (nsName === undefined || nsName === "") return { ok: false, code: ResultCode.PARAMETER };
  if (digest === undefined || digest.length !== 20)
    return { ok: false, code: ResultCode.PARAMETER };
  const ns = store.namespace(nsName);
  if (ns === undefined) return { ok: false, code: ResultCode.NAMESPACE };
  return { ok: true, req: { msg, ns, setName, digest, key, filter } };
}

/** Whether two stored/sent keys are equal (same particle type and bytes). */
export function sameKey(a: Particle, b: Particle): boolean {
  return a.type === b.type && a.data.equals(b.data);
}
