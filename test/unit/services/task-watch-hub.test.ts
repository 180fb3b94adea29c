import { describe, expect, it } from "vitest";
import { TaskWatchHub, type WatchSource } from "../../../src/services/task-watch-hub.js";

interface Snap {
  readonly state: "running" | "done";
  readonly progress: number;
}

/** A fake job: each poll returns the next scripted snapshot (the last one repeats). */
class FakeJob implements WatchSource<Snap> {
  polls = 0;
  readonly keys: string[] = [];
  failNext = 0;
  gate: Promise<void> | undefined;
  constructor(readonly script: readonly Snap[]) {}
  async poll(key: string): Promise<Snap> {
    this.polls++;
    this.keys.push(key);
    if (this.gate !== undefined) await this.gate;
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error("transient");
    }
    const i = Math.min(this.polls - 1, this.script.length - 1);
    return this.script[i] as Snap;
  }
  isTerminal(s: Snap): boolean {
    return s.state === "done";
  }
  same(a: Snap, b: Snap): boolean {
    return a.state === b.state && a.progress === b.progress;
  }
}

const run = (p: number): Snap => ({ state: "running", progress: p });
const done: Snap = { state: "done", progress: 100 };

async function collect(it: AsyncIterable<Snap>): Promise<Snap[]> {
  const out: Snap[] = [];
  for await (const s of it) out.push(s);
  return out;
}

describe("TaskWatchHub", () => {
  it("gives one watcher every change, without repeats, ending after the terminal snapshot", async () => {
    const job = new FakeJob([run(0), run(0), run(10), run(10), run(60), done]);
    const hub = new TaskWatchHub(job, { intervalMs: 1 });
    const events = await collect(hub.watch("t", new AbortController().signal));
    expect(events).toEqual([run(0), run(10), run(60), done]);
    expect(job.polls).toBe(6);
    expect(hub.activePollers()).toBe(0);
  });

  it("shares one poller among many watchers of the same task", async () => {
    const job = new FakeJob([run(0), run(20), run(40), run(80), done]);
    const hub = new TaskWatchHub(job, { intervalMs: 2 });
    const watchers = Array.from({ length: 25 }, () =>
      collect(hub.watch("t", new AbortController().signal)),
    );
    expect(hub.activePollers()).toBe(1);
    expect(hub.watcherCount("t")).toBe(25);
    const results = await Promise.all(watchers);
    // Every poll is shared: five snapshots need five polls, whatever the number of watchers.
    expect(job.polls).toBe(5);
    for (const r of results) expect(r.at(-1)).toEqual(done);
    expect(results[0]).toEqual([run(0), run(20), run(40), run(80), done]);
    expect(hub.activePollers()).toBe(0);
  });

  it("polls different tasks separately", async () => {
    const job = new FakeJob([run(0), done]);
    const hub = new TaskWatchHub(job, { intervalMs: 1 });
    const signal = new AbortController().signal;
    await Promise.all([collect(hub.watch("a", signal)), collect(hub.watch("b", signal))]);
    expect(new Set(job.keys)).toEqual(new Set(["a", "b"]));
  });

  it("gives a late watcher the latest snapshot first", async () => {
    const job = new FakeJob([run(5), run(5), run(5), run(5), run(50), done]);
    const hub = new TaskWatchHub(job, { intervalMs: 1 });
    const signal = new AbortController().signal;
    const first = hub.watch("t", signal);
    const firstEvent = await first.next();
    expect(firstEvent.value).toEqual(run(5));
    const late = await collect(hub.watch("t", signal));
    expect(late[0]).toEqual(run(5));
    expect(late.at(-1)).toEqual(done);
    await collect({ [Symbol.asyncIterator]: () => first });
  });

  it("stops polling when the last watcher leaves", async () => {
    const job = new FakeJob([run(1)]);
    const hub = new TaskWatchHub(job, { intervalMs: 1 });
    const a = new AbortController();
    const b = new AbortController();
    const wa = collect(hub.watch("t", a.signal));
    const wb = collect(hub.watch("t", b.signal));
    while (job.polls < 3) await new Promise((r) => setTimeout(r, 1));
    a.abort();
    expect(await wa).toEqual([run(1)]);
    expect(hub.activePollers()).toBe(1);
    const before = job.polls;
    while (job.polls < before + 2) await new Promise((r) => setTimeout(r, 1));
    b.abort();
    expect(await wb).toEqual([run(1)]);
    expect(hub.activePollers()).toBe(0);
    const stoppedAt = job.polls;
    await new Promise((r) => setTimeout(r, 20));
    expect(job.polls).toBe(stoppedAt);
  });

  it("ends a watch at once when its signal is already aborted", async () => {
    const job = new FakeJob([run(1)]);
    const hub = new TaskWatchHub(job, { intervalMs: 1 });
    const c = new AbortController();
    c.abort();
    expect(await collect(hub.watch("t", c.signal))).toEqual([]);
    expect(job.polls).toBe(0);
  });

  it("fails every watcher when the first poll fails", async () => {
    const job = new FakeJob([run(1)]);
    job.failNext = 1;
    const hub = new TaskWatchHub(job, { intervalMs: 1 });
    const signal = new AbortController().signal;
    const results = await Promise.allSettled([
      collect(hub.watch("t", signal)),
      collect(hub.watch("t", signal)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(hub.activePollers()).toBe(0);
  });

  it("rides out a transient poll failure once it has a snapshot", async () => {
    const job = new FakeJob([run(1), run(1), run(2), done]);
    const hub = new TaskWatchHub(job, { intervalMs: 1, maxFailures: 3 });
    const it = hub.watch("t", new AbortController().signal);
    expect((await it.next()).value).toEqual(run(1));
    job.failNext = 2;
    const rest = await collect({ [Symbol.asyncIterator]: () => it });
    expect(rest.at(-1)).toEqual(done);
  });

  it("keeps only the latest progress for a slow watcher, never a backlog", async () => {
    const job = new FakeJob([run(1), run(2), run(3), run(4), run(5), run(6), done]);
    const hub = new TaskWatchHub(job, { intervalMs: 1 });
    const it = hub.watch("t", new AbortController().signal);
    expect((await it.next()).value).toEqual(run(1));
    while (hub.activePollers() > 0) await new Promise((r) => setTimeout(r, 2));
    const rest = await collect({ [Symbol.asyncIterator]: () => it });
    expect(rest).toEqual([run(6), done]);
  });
});
