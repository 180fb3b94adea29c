import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { NamespaceOption } from "./inline-server.js";
import { TS_LOADER_SOURCE, WORKER_BOOTSTRAP_SOURCE } from "./ts-loader.js";

/** The serialisable options passed to the server's worker thread. */
export interface WorkerOptions {
  readonly port?: number;
  readonly host?: string;
  readonly namespaces?: readonly NamespaceOption[];
  readonly clusterName?: string;
  readonly sweepIntervalMs?: number;
}

/** A server running in its own worker thread. */
export interface ThreadedServer {
  readonly port: number;
  readonly host: string;
  readonly nodeName: string;
  close(): Promise<void>;
}

function loaderFor(entry: string): { source: string; data: Record<string, string> } | undefined {
  if (!entry.endsWith(".ts")) return undefined;
  const req = createRequire(entry);
  for (const [name, key] of [
    ["esbuild", "esbuild"],
    ["typescript", "typescript"],
  ] as const) {
    try {
      return { source: TS_LOADER_SOURCE, data: { [key]: req.resolve(name) } };
    } catch {
      // try the next transpiler
    }
  }
  throw new Error("running the embedded server from .ts sources needs esbuild or typescript");
}

/**
 * Starts the server in a worker thread.
 *
 * The official Node client blocks its JavaScript thread while it connects (and for its synchronous
 * info calls), so a server sharing that thread could never answer; a worker keeps them apart.
 */
export function startThreadedServer(options: WorkerOptions): Promise<ThreadedServer> {
  const here = new URL(import.meta.url);
  const ext = here.pathname.endsWith(".ts") ? ".ts" : ".js";
  const entry = new URL(`./worker-entry${ext}`, here).href;
  const worker = new Worker(WORKER_BOOTSTRAP_SOURCE, {
    eval: true,
    workerData: { entry, options, loader: loaderFor(new URL(entry).pathname) },
  });
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    worker.once("error", onError);
    worker.on(
      "message",
      (m: { type: string; port?: number; nodeName?: string; message?: string }) => {
        if (m.type === "error") {
          worker.off("error", onError);
          void worker.terminate();
          reject(new Error(`embedded server failed to start: ${m.message}`));
          return;
        }
        if (m.type !== "ready") return;
        worker.off("error", onError);
        resolve({
          port: m.port as number,
          host: options.host ?? "127.0.0.1",
          nodeName: m.nodeName as string,
          close: () =>
            new Promise<void>((done) => {
              const timer = setTimeout(() => void worker.terminate().then(() => done()), 2000);
              worker.once("exit", () => {
                clearTimeout(timer);
                done();
              });
              worker.postMessage({ type: "close" });
            }),
        });
      },
    );
  });
}
