import { parentPort, workerData } from "node:worker_threads";
import { defaultExtensions } from "../default-extensions.js";
import { startInlineServer } from "./inline-server.js";
import type { WorkerOptions } from "./threaded-server.js";

// Runs inside the worker thread: starts the server, reports the port, closes on request.
const options = (workerData as { options: WorkerOptions }).options;
const port = parentPort;
if (port !== null) {
  startInlineServer({ ...options, extensions: defaultExtensions() })
    .then((server) => {
      port.on("message", (m: { type: string }) => {
        if (m.type === "close") {
          void server.close().then(() => {
            port.postMessage({ type: "closed" });
            port.close();
          });
        }
      });
      port.postMessage({ type: "ready", port: server.port, nodeName: server.nodeName });
    })
    .catch((e: unknown) => {
      port.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) });
    });
}
