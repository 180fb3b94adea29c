/**
 * Source of an ESM loader-hooks module that lets a worker thread import this package's `.ts`
 * sources directly (development and tests; the built package ships `.js` and needs no loader).
 *
 * `resolve` maps a missing relative `./x.js` to `./x.ts`; `load` strips types with esbuild (or
 * TypeScript's `transpileModule` when esbuild is absent). The transpiler's path comes through the
 * `initialize` data.
 */
export const TS_LOADER_SOURCE = `
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
let transform;
export async function initialize(data) {
  if (data.esbuild) {
    const esbuild = await import(pathToFileURL(data.esbuild).href);
    const api = esbuild.transformSync ? esbuild : esbuild.default;
    transform = (src, file) => api.transformSync(src, { loader: "ts", format: "esm", target: "es2022", sourcefile: file }).code;
  } else {
    const tsMod = await import(pathToFileURL(data.typescript).href);
    const ts = tsMod.default ?? tsMod;
    transform = (src) => ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } }).outputText;
  }
}
export async function resolve(specifier, context, next) {
  if (specifier.endsWith(".js") && context.parentURL && context.parentURL.endsWith(".ts") &&
      (specifier.startsWith("./") || specifier.startsWith("../"))) {
    const url = new URL(specifier, context.parentURL);
    if (!existsSync(fileURLToPath(url))) {
      return next(url.href.slice(0, -3) + ".ts", context);
    }
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (url.startsWith("file:") && url.endsWith(".ts")) {
    const file = fileURLToPath(url);
    return { format: "module", source: transform(readFileSync(file, "utf8"), file), shortCircuit: true };
  }
  return next(url, context);
}
`;

/** Source of the worker bootstrap (CommonJS, run with `eval: true`). */
export const WORKER_BOOTSTRAP_SOURCE = `
const { workerData } = require("node:worker_threads");
if (workerData.loader) {
  const { register } = require("node:module");
  register("data:text/javascript," + encodeURIComponent(workerData.loader.source), {
    data: workerData.loader.data,
  });
}
import(workerData.entry).catch((e) => {
  require("node:worker_threads").parentPort.postMessage({ type: "error", message: String(e && e.stack || e) });
});
`;
