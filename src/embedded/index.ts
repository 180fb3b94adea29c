/**
 * The embedded Aerospike-compatible server: a single node speaking the Aerospike wire protocol,
 * so any Aerospike client (and the gateway) can use it for development and CI.
 */
export type { Extensions, FilterEvaluator, OpHandler } from "./commands/extensions.js";
export { emptyExtensions } from "./commands/extensions.js";
export {
  type EmbeddedServer,
  type EmbeddedServerOptions,
  type NamespaceOption,
  startEmbeddedServer,
} from "./server/embedded-server.js";
