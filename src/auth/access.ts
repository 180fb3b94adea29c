import type { DescMethod } from "@bufbuild/protobuf";
import { decodeTaskId } from "../services/task-id.js";
import type { Access, Right } from "./grants.js";

/** The part of a `aerogate.v1.Key` that authorization reads. */
interface KeyLike {
  readonly namespace?: string;
  readonly set?: string;
}

/** Request fields read by {@link requiredAccess}; every request is a protobuf-es message. */
interface RequestLike {
  readonly key?: KeyLike;
  readonly entries?: readonly { readonly key?: KeyLike; readonly verb?: number }[];
  readonly namespace?: string;
  readonly set?: string;
  readonly taskId?: string;
  readonly start?: { readonly namespace?: string; readonly set?: string };
}

/** `aerogate.v1.Verb` values that only read: READ (1) and EXISTS (2). */
const READ_VERBS: ReadonlySet<number> = new Set([1, 2]);

/** RecordService RPCs that only read. */
const RECORD_READS: ReadonlySet<string> = new Set(["Get", "Exists"]);

/** Services whose RPCs need no namespace right, only an authenticated caller. */
const OPEN_SERVICES: ReadonlySet<string> = new Set(["aerogate.v1.ExpressionService"]);

/** Makes an access over a key's namespace and set (the null set counts as the set ""). */
function keyAccess(right: Right, key: KeyLike | undefined): Access {
  return { right, namespace: key?.namespace ?? "", set: key?.set ?? "" };
}

/** Makes an access over a namespace, or over every namespace when it is empty. */
function namespaceAccess(right: Right, namespace: string | undefined, set?: string): Access {
  if (namespace === undefined || namespace === "") return { right, namespace: "*" };
  return set === undefined || set === "" ? { right, namespace } : { right, namespace, set };
}

/** The access a task-id RPC needs: tasks over the namespace the id names (every namespace if it names none). */
function taskIdAccess(taskId: string | undefined): Access {
  const ref = taskId === undefined ? undefined : decodeTaskId(taskId);
  return ref === undefined
    ? { right: "tasks", namespace: "*" }
    : namespaceAccess("tasks", ref.namespace, ref.set);
}

/** What tells two accesses apart. */
function accessId(a: Access): string {
  return `${a.right}\u0000${a.namespace}\u0000${a.set ?? "\u0001"}`;
}

interface EntryLike {
  readonly key?: KeyLike;
  readonly verb?: number;
}

/** What authorization needs of a lazily read batch request (see BatchRequestView). */
interface EntryViewLike {
  readonly entryCount: number;
  entry(i: number): EntryLike;
  entries(start: number, end: number): EntryLike[];
}

function isEntryView(req: unknown): req is EntryViewLike {
  const v = req as Partial<EntryViewLike>;
  return (
    typeof v.entryCount === "number" &&
    typeof v.entry === "function" &&
    typeof v.entries === "function"
  );
}

/**
 * The entries of a batch request, decoded or a lazy view (decoded a chunk at a time). An entry
 * whose bytes do not decode is skipped: validation rejects the request before it could run.
 */
function* batchEntries(req: RequestLike): Generator<EntryLike> {
  if (!isEntryView(req)) {
    yield* req.entries ?? [];
    return;
  }
  for (let start = 0; start < req.entryCount; start += 1024) {
    const end = Math.min(req.entryCount, start + 1024);
    let chunk: EntryLike[];
    try {
      chunk = req.entries(start, end);
    } catch {
      chunk = [];
      for (let i = start; i < end; i++) {
        try {
          chunk.push(req.entry(i));
        } catch {
          // Malformed: never runs.
        }
      }
    }
    yield* chunk;
  }
}

/** The accesses a batch needs: read or write over each entry's key, each distinct one once. */
function batchAccess(req: RequestLike): Access[] {
  const seen = new Map<string, Access>();
  for (const e of batchEntries(req)) {
    const a = keyAccess(READ_VERBS.has(e.verb ?? 0) ? "read" : "write", e.key);
    seen.set(accessId(a), a);
  }
  return [...seen.values()];
}

/**
 * Lists what a call needs, read from its request before any database work: reads and writes over each key's
 * namespace and set, `tasks` over a background job's namespace, `udf` for module management and record UDFs.
 * RPCs of services it does not know need `admin` over every namespace.
 */
export function requiredAccess(method: DescMethod, request: unknown): Access[] {
  const req = (request ?? {}) as RequestLike;
  const service = method.parent.typeName;
  const name = method.name;
  if (OPEN_SERVICES.has(service)) return [];
  switch (service) {
    case "aerogate.v1.RecordService":
      return [keyAccess(RECORD_READS.has(name) ? "read" : "write", req.key)];
    case "aerogate.v1.BatchService":
      return batchAccess(req);
    case "aerogate.v1.TaskService":
      switch (name) {
        case "StartTask":
        case "ListTasks":
          return [namespaceAccess("tasks", req.namespace, req.set)];
        case "RunTask":
          return [namespaceAccess("tasks", req.start?.namespace, req.start?.set)];
        default:
          return [taskIdAccess(req.taskId)];
      }
    case "aerogate.v1.UdfService":
      return name === "Apply" ? [keyAccess("udf", req.key)] : [{ right: "udf", namespace: "*" }];
    default:
      return [{ right: "admin", namespace: "*" }];
  }
}

/** Formats an access for messages and logs: `write on test/users`, `tasks on *`. */
export function describeAccess(access: Access): string {
  const scope = access.set === undefined ? access.namespace : `${access.namespace}/${access.set}`;
  return `${access.right} on ${scope}`;
}
