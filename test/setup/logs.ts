// A logger whose lines a test can read: each JSON line, parsed, in the order written.
import type { LevelWithSilent } from "pino";
import { createLogger, type Logger } from "../../src/observability/logger.ts";

export type LogLine = Record<string, unknown> & { level: string; msg: string };

export function collectLogs(level: LevelWithSilent = "debug"): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  });
  return { logger, lines };
}
