import { type Clock, systemClock } from "./clock.js";
import { Namespace, type NamespaceConfig } from "./namespace.js";

/** The in-memory record store: every configured namespace. */
export class Store {
  readonly clock: Clock;
  private readonly namespaces = new Map<string, Namespace>();

  constructor(configs: readonly NamespaceConfig[], clock: Clock = systemClock) {
    this.clock = clock;
    for (const c of configs) this.namespaces.set(c.name, new Namespace(c));
  }

  /** The namespace called `name`, if configured. */
  namespace(name: string): Namespace | undefined {
    return this.namespaces.get(name);
  }

  /** All namespaces in configuration order. */
  all(): Namespace[] {
    return [...this.namespaces.values()];
  }

  /** Removes expired records from every namespace; returns how many. */
  sweep(): number {
    const now = this.clock();
    let n = 0;
    for (const ns of this.namespaces.values()) n += ns.sweep(now);
    return n;
  }
}
