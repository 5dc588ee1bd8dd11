// The one shape of lede's background loops (the publishing scheduler, the digest scheduler, the
// outbox and webhook dispatchers): run at once, then again after a pause, one run at a time,
// until stopped; a failed run is logged and the loop goes on.
import { errorMessage } from "./errors.ts";

export interface PeriodicLoop {
  /** Wakes a pausing loop, lets the run in progress finish, and resolves once it has. */
  stop(): Promise<void>;
}

export interface PeriodicOptions {
  /** For logs: "scheduler", "digest". */
  name: string;
  /** The pause after a run that found nothing more to do. */
  intervalMs: number;
  /**
   * One run. `true` means more work may be due at once (a backlog): run again without pausing.
   * `stopping()` turns true when stop() is called, for a run that can hand its work back early.
   */
  run: (stopping: () => boolean) => Promise<boolean>;
  log: (line: string) => void;
}

export function startPeriodic(options: PeriodicOptions): PeriodicLoop {
  let stopping = false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = async () => {
    while (!stopping) {
      let backlog = false;
      try {
        backlog = await options.run(() => stopping);
      } catch (error) {
        options.log(`${options.name}: ${errorMessage(error)}`);
      }
      if (!stopping && !backlog) await pause(options.intervalMs);
    }
  };
  const running = loop();
  return {
    async stop() {
      stopping = true;
      (wake as (() => void) | null)?.();
      await running;
    },
  };
}
