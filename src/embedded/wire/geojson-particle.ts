import { WireError } from "./errors.js";
import { ResultCode } from "./result-codes.js";
import { s2LeafCellId } from "./s2-cell.js";

/** Header size of a GEOJSON particle: flags (1) + cell count (2). */
const HEADER = 3;

function invalid(): never {
  throw new WireError(ResultCode.GEO_INVALID_GEOJSON, "invalid GeoJSON");
}

/**
 * Normalises a GEOJSON particle received in a write the way the server stores it: the text must
 * be a JSON object with a `type`; a Point gets its S2 leaf cell id in front of the text (flags 0,
 * one cell). Other shapes keep the cells the client sent (none): the server's region coverings
 * are not reproduced. Invalid GeoJSON throws {@link WireError} GEO_INVALID_GEOJSON (160).
 */
export function normalizeGeojsonParticle(data: Buffer): Buffer {
  if (data.length < HEADER) invalid();
  const ncells = data.readUInt16BE(1);
  const textStart = HEADER + 8 * ncells;
  if (textStart > data.length) invalid();
  const text = data.subarray(textStart);
  let json: unknown;
  try {
    json = JSON.parse(text.toString("utf8"));
  } catch {
    invalid();
  }
  if (
    typeof json !== "object" ||
    json === null ||
    typeof (json as { type?: unknown }).type !== "string"
  ) {
    invalid();
  }
  const shape = json as { type: string; coordinates?: unknown };
  if (shape.type !== "Point") return data;
  const c = shape.coordinates;
  if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== "number" || typeof c[1] !== "number")
    invalid();
  const out = Buffer.allocUnsafe(HEADER + 8 + text.length);
  out[0] = 0;
  out.writeUInt16BE(1, 1);
  out.writeBigUInt64BE(s2LeafCellId(c[0], c[1]), HEADER);
  text.copy(out, HEADER + 8);
  return out;
}
