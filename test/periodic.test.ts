// The one shape of lede's background loops (infra/periodic.ts): the scheduler, the digest and the
// dispatchers all run on it.
import { describe, expect, it } from "vitest";
import { startPeriodic } from "../src/infra/periodic.ts";
import { signal } from "./setup/signals.ts";

describe("startPeriodic", () => {
  it("runs at once, again at once while a run reports a backlog, then pauses until stopped", async () => {
    let runs = 0;
    const idle = signal();
    const loop = startPeriodic({
      name: "test",
      // An hour: only stop() ends this pause within the test.
      intervalMs: 3_600_000,
      log: () => {},
      run: async () => {
        runs++;
        if (runs === 3) idle.fire();
        return runs < 3;
      },
    });
    await idle.fired;
    await loop.stop();
    expect(runs).toBe(3);
  });

  it("logs a failed run under its name and goes on after the pause", async () => {
    const lines: string[] = [];
    const second = signal();
    let runs = 0;
    const loop = startPeriodic({
      name: "digest",
      intervalMs: 1,
      log: (line) => lines.push(line),
      run: async () => {
        runs++;
        if (runs === 1) throw new Error("the database is down");
        second.fire();
        return false;
      },
    });
    await second.fired;
    await loop.stop();
    expect(lines).toEqual(["digest: the database is down"]);
    expect(runs).toBeGreaterThanOrEqual(2);
  });

  it("stop() lets the run in progress finish, tells it to stop early, and resolves after it", async () => {
    const started = signal();
    const finish = signal();
    const seen: boolean[] = [];
    let finished = false;
    const loop = startPeriodic({
      name: "queue",
      intervalMs: 3_600_000,
      log: () => {},
      run: async (stopping) => {
        seen.push(stopping());
        started.fire();
        await finish.fired;
        seen.push(stopping());
        finished = true;
        return true;
      },
    });
    await started.fired;
    const stopped = loop.stop();
    finish.fire();
    await stopped;
    expect(finished).toBe(true);
    // Told to stop while it ran; not run again although it reported more work.
    expect(seen).toEqual([false, true]);
  });
});
