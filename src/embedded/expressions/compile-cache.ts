import { buildExpression, type CompiledExpression } from "./build.js";
import { ExpBuildError } from "./types.js";

const MAX_ENTRIES = 512;
const cache = new Map<string, CompiledExpression | ExpBuildError>();

/**
 * Compiles expression bytes, remembering recent results so a scan or batch that repeats the same
 * filter compiles it once. Throws the cached `ExpBuildError` for invalid expressions.
 */
export function compileCached(buf: Buffer): CompiledExpression {
  const key = buf.toString("base64");
  let hit = cache.get(key);
  if (hit === undefined) {
    try {
      hit = buildExpression(buf);
    } catch (e) {
      if (!(e instanceof ExpBuildError)) throw e;
      hit = e;
    }
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, hit);
  }
  if (hit instanceof ExpBuildError) throw hit;
  return hit;
}
