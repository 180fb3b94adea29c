/**
 * One shared poller per watched task, however many watchers it has. Each watcher receives the
 * latest snapshot when it joins, then every changed snapshot, and its stream ends after a
 * terminal snapshot. Polling runs about once per interval while at least one watcher is
 * subscribed and stops when the last one leaves.
 */

/** How the hub learns about a task. */
export interface WatchSource<S> {
  /**
   * Reads the task's current snapshot; `last` is the previous one this poller saw, `signal`
   * aborts when nobody watches any more.
   */
  poll(key: string, last: S | undefined, signal: AbortSignal): Promise<S>;
  /** Whether a snapshot ends the watch (the job finished, failed or was cancelled). */
  isTerminal(snapshot: S): boolean;
  /** Whether two snapshots are the same for watchers (no event when they are). */
  same(a: S, b: S): boolean;
}

/** Options of a {@link TaskWatchHub}. */
export interface WatchHubOptions {
  /** Time between the starts of two polls of one task, ms. */
  readonly intervalMs: number;
  /** Consecutive failed polls after which watchers receive the error; default 3. */
  readonly maxFailures?: number;
  /** Told +1/-1 as watchers come and go (for a gauge). */
  readonly onWatchers?: (delta: number) => void;
  /** Told +1/-1 as pollers start and stop (for a gauge). */
  readonly onPollers?: (delta: number) => void;
}

interface Subscriber<S> {
  /** Snapshots not yet delivered; at most one non-terminal one is kept (the latest). */
  queue: S[];
  error: unknown;
  ended: boolean;
  wake: (() => void) | undefined;
}

interface Entry<S> {
  readonly subscribers: Set<Subscriber<S>>;
  readonly stop: AbortController;
  last: S | undefined;
  polls: number;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Shares one poller per task key among all its watchers. */
export class TaskWatchHub<S> {
  readonly #source: WatchSource<S>;
  readonly #intervalMs: number;
  readonly #maxFailures: number;
  readonly #onWatchers: (delta: number) => void;
  readonly #onPollers: (delta: number) => void;
  readonly #entries = new Map<string, Entry<S>>();

  constructor(source: WatchSource<S>, options: WatchHubOptions) {
    this.#source = source;
    this.#intervalMs = options.intervalMs;
    this.#maxFailures = options.maxFailures ?? 3;
    this.#onWatchers = options.onWatchers ?? (() => {});
    this.#onPollers = options.onPollers ?? (() => {});
  }

  /** How many tasks are being polled right now. */
  activePollers(): number {
    return this.#entries.size;
  }

  /** How many watchers a task has right now. */
  watcherCount(key: string): number {
    return this.#entries.get(key)?.subscribers.size ?? 0;
  }

  /**
   * Watches a task: yields its current snapshot, then each change, and returns after a terminal
   * one. Returns early (without error) when `signal` aborts; rethrows a persistent poll error.
   */
  async *watch(key: string, signal: AbortSignal): AsyncGenerator<S, void, undefined> {
    if (signal.aborted) return;
    const sub: Subscriber<S> = { queue: [], error: undefined, ended: false, wake: undefined };
    const entry = this.#join(key, sub);
    this.#onWatchers(1);
    const onAbort = () => sub.wake?.();
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        const next = sub.queue.shift();
        if (next !== undefined) {
          yield next;
          if (this.#source.isTerminal(next)) return;
          continue;
        }
        if (sub.error !== undefined) throw sub.error;
        if (sub.ended || signal.aborted) return;
        await new Promise<void>((resolve) => {
          sub.wake = resolve;
        });
        sub.wake = undefined;
      }
    } finally {
      signal.removeEventListener("abort", onAbort);
      this.#leave(key, entry, sub);
      this.#onWatchers(-1);
    }
  }

  #join(key: string, sub: Subscriber<S>): Entry<S> {
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      entry = { subscribers: new Set(), stop: new AbortController(), last: undefined, polls: 0 };
      this.#entries.set(key, entry);
      entry.subscribers.add(sub);
      void this.#run(key, entry);
    } else {
      entry.subscribers.add(sub);
      if (entry.last !== undefined) sub.queue.push(entry.last);
    }
    return entry;
  }

  #leave(key: string, entry: Entry<S>, sub: Subscriber<S>): void {
    entry.subscribers.delete(sub);
    if (entry.subscribers.size === 0) this.#close(key, entry);
  }

  #close(key: string, entry: Entry<S>): void {
    entry.stop.abort();
    if (this.#entries.get(key) === entry) this.#entries.delete(key);
  }

  #publish(entry: Entry<S>, snapshot: S): void {
    const terminal = this.#source.isTerminal(snapshot);
    for (const sub of entry.subscribers) {
      const tail = sub.queue.at(-1);
      // A slow watcher only needs the latest progress, never a backlog.
      if (!terminal && tail !== undefined && !this.#source.isTerminal(tail)) {
        sub.queue[sub.queue.length - 1] = snapshot;
      } else sub.queue.push(snapshot);
      sub.wake?.();
    }
  }

  #fail(entry: Entry<S>, error: unknown): void {
    for (const sub of entry.subscribers) {
      sub.error = error;
      sub.wake?.();
    }
  }

  async #run(key: string, entry: Entry<S>): Promise<void> {
    this.#onPollers(1);
    try {
      await this.#pollUntilDone(key, entry);
    } finally {
      this.#onPollers(-1);
    }
  }

  async #pollUntilDone(key: string, entry: Entry<S>): Promise<void> {
    const signal = entry.stop.signal;
    let failures = 0;
    while (!signal.aborted) {
      const started = Date.now();
      try {
        entry.polls++;
        const snapshot = await this.#source.poll(key, entry.last, signal);
        failures = 0;
        if (signal.aborted) return;
        if (entry.last === undefined || !this.#source.same(entry.last, snapshot)) {
          entry.last = snapshot;
          this.#publish(entry, snapshot);
        }
        if (this.#source.isTerminal(snapshot)) {
          // Watchers drain their queues and leave; new watchers start a fresh poller.
          this.#close(key, entry);
          return;
        }
      } catch (error) {
        if (signal.aborted) return;
        failures++;
        if (failures >= this.#maxFailures || entry.last === undefined) {
          this.#fail(entry, error);
          this.#close(key, entry);
          return;
        }
      }
      // Start the next poll early by this poll's duration, so that successive reads of the
      // server's state are at most one interval apart *including* the round trip: a job's end is
      // then seen within one interval.
      // A floor keeps a slow cluster from being polled back to back.
      const took = Date.now() - started;
      await pause(Math.max(this.#intervalMs / 10, this.#intervalMs - 2 * took), signal);
    }
  }

  /** How many polls the current poller of a task has made (for tests and benchmarks). */
  pollCount(key: string): number {
    return this.#entries.get(key)?.polls ?? 0;
  }
}
