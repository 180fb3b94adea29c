/**
 * The wire layer of the embedded server: proto framing, zlib frames, the as_msg codec, the
 * Aerospike msgpack flavour and the particle value model. Pure code, no I/O.
 */
export * from "./as-msg.js";
export * from "./as-msg-constants.js";
export * from "./compression.js";
export * from "./errors.js";
export * from "./geojson-particle.js";
export * from "./msgpack-compare.js";
export * from "./msgpack-decode.js";
export * from "./msgpack-encode.js";
export * from "./msgpack-value.js";
export * from "./particle.js";
export * from "./proto.js";
export * from "./result-codes.js";
export * from "./s2-cell.js";
