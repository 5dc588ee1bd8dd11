// lede's server as a process of its own, as an operator starts it (Node 24 from the project), with
// its JSON log lines parsed as they come.
import { type ChildProcess, spawn } from "node:child_process";
import type { LogLine } from "./logs.ts";

export interface ServerProcess {
  child: ChildProcess;
  logs: ChildLogs;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts `entry` (`npm start`'s) with only PATH, HOME and `env` in its environment. */
export function startServerProcess(env: Record<string, string>, entry = "src/server.ts"): ServerProcess {
  // process.execPath is the Node running vitest: the project's Node 24.
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, logs: childLogs(child), exited };
}

export interface ChildLogs {
  lines: LogLine[];
  stderr(): string;
  /** Resolves at the first line that passes `test`; rejects past `timeoutMs` or when the process ends. */
  waitFor(test: (line: LogLine) => boolean, timeoutMs: number): Promise<void>;
}

/** The JSON lines a child writes on stdout, parsed as they come. */
export function childLogs(child: ChildProcess): ChildLogs {
  const lines: LogLine[] = [];
  const waiters = new Set<{
    test: (line: LogLine) => boolean;
    resolve: () => void;
    fail: (why: string) => void;
  }>();
  let rest = "";
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdout?.on("data", (chunk) => {
    rest += chunk;
    const complete = rest.split("\n");
    rest = complete.pop() ?? "";
    for (const text of complete) {
      if (!text.trim()) continue;
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { level: "?", msg: text };
      }
      lines.push(line);
      for (const waiter of waiters) if (waiter.test(line)) waiter.resolve();
    }
  });
  child.on("close", (code) => {
    for (const waiter of waiters) waiter.fail(`the process exited (${code})`);
  });
  const output = () => `stdout:\n${lines.map((l) => l.msg).join("\n")}\nstderr:\n${stderr}`;
  return {
    lines,
    stderr: () => stderr,
    waitFor(test, timeoutMs) {
      if (lines.some(test)) return Promise.resolve();
      if (child.exitCode !== null) return Promise.reject(new Error(`the process exited; ${output()}`));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => waiter.fail(`no such log line within ${timeoutMs} ms`), timeoutMs);
        const waiter = {
          test,
          resolve: () => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve();
          },
          fail: (why: string) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            reject(new Error(`${why}; ${output()}`));
          },
        };
        waiters.add(waiter);
      });
    },
  };
}
