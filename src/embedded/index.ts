/**
 * The embedded Aerospike-compatible server: a single node speaking the Aerospike wire protocol,
 * so any Aerospike client (and the gateway) can use it for development and CI.
 */
export type {
  Extensions,
  FilterEvaluator,
  OpContext,
  OpHandler,
  OpOutcome,
} from "./commands/extensions.js";
export { emptyExtensions } from "./commands/extensions.js";
export {
  type EmbeddedServer,
  type EmbeddedServerOptions,
  startEmbeddedServer,
} from "./server/embedded-server.js";
export type { NamespaceOption } from "./server/inline-server.js";
