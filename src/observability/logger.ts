// Structured logs: one JSON object a line (pino), with the request id on every line written while
// a request is handled. Each request gets an id (the caller's `x-request-id` when it is sane, else
// a new one), echoed in the response, and one line when it is answered. Nothing personal is
// logged in clear: paths without their query (confirmation links carry tokens), no emails, no
// tokens, no IPs but their keyed hash; the redaction below is a second guard for what slips by.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { getOperationAST } from "graphql";
import type { Plugin, YogaLogger } from "graphql-yoga";
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";
import { isDatabaseUnavailable } from "../db/retry.ts";

export type { Logger };

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Where lines go: stdout unless given (tests collect them). */
  destination?: DestinationStream;
}

/** Keys whose values never reach a log, wherever they sit (one level deep). */
const REDACTED_KEYS = ["email", "authorEmail", "token", "password", "authorization", "cookie", "ip"];

/**
 * An error as logged: type, message, code, stack, and the same of its causes. Never the other
 * properties: a driver error's `detail` quotes the row ("Key (email)=(…) already exists") and its
 * parameters may be anything a reader typed.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, cause } = error as Error & { code?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === "string" && { code }),
    stack: error.stack,
    ...(cause !== undefined && depth < 5 && { cause: safeError(cause, depth + 1) }),
  };
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      serializers: { err: safeError },
      base: { service: "lede", pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`)],
        censor: "[redacted]",
      },
    },
    options.destination,
  );
}

interface RequestLogState {
  requestId: string;
  started: number;
  /** The GraphQL operations run (more than one in a batch). */
  operations: { type: string; name: string }[];
  /** The operation name the client sent, for a request that never ran one (it did not validate). */
  requestedName?: string | undefined;
}

const requestState = new AsyncLocalStorage<RequestLogState>();

/** The id of the request being handled, if any (for lines logged deep inside it). */
export const currentRequestId = (): string | undefined => requestState.getStore()?.requestId;

const SANE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The caller's id when it is a reasonable token (a load balancer's or a client's), else a new one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Probes: answered often and uneventfully, logged only at debug level when they succeed. */
const PROBES = new Set(["/health", "/ready", "/metrics"]);

export interface RequestLogOptions {
  /** The keyed hash of the client's IP (src/infra/client-info.ts). */
  ipHash(request: Request, serverContext: unknown): string | null;
}

/** A yoga plugin: request ids, and one line for each request answered. */
export function requestLogPlugin(logger: Logger, options: RequestLogOptions): Plugin {
  const noteOperation = (document: Parameters<typeof getOperationAST>[0], name?: string | null) => {
    const state = requestState.getStore();
    const operation = getOperationAST(document, name);
    if (state && operation)
      state.operations.push({ type: operation.operation, name: operation.name?.value ?? "anonymous" });
  };
  return {
    instrumentation: {
      request: ({ request }, wrapped) =>
        requestState.run(
          { requestId: requestIdFrom(request.headers), started: performance.now(), operations: [] },
          wrapped,
        ),
    },
    onParams: ({ params }) => {
      const state = requestState.getStore();
      if (state && typeof params.operationName === "string")
        state.requestedName = params.operationName.slice(0, 100);
    },
    onExecute: ({ args }) => noteOperation(args.document, args.operationName),
    onSubscribe: ({ args }) => noteOperation(args.document, args.operationName),
    onResponse: ({ request, response, serverContext, setResponse, fetchAPI }) => {
      const state = requestState.getStore();
      if (!state) return;
      try {
        response.headers.set("x-request-id", state.requestId);
      } catch {
        // Immutable headers (a response made by fetch): copy it.
        const headers = new fetchAPI.Headers(response.headers);
        headers.set("x-request-id", state.requestId);
        setResponse(
          new fetchAPI.Response(response.body, {
            status: response.status,
            statusText: response.statusText,
            headers,
          }),
        );
      }
      const path = new URL(request.url, "http://localhost").pathname;
      const status = response.status;
      const level = status >= 500 ? "warn" : PROBES.has(path) && status < 400 ? "debug" : "info";
      if (!logger.isLevelEnabled(level)) return;
      const [operation] = state.operations;
      logger[level](
        {
          requestId: state.requestId,
          method: request.method,
          path,
          status,
          durationMs: Math.round((performance.now() - state.started) * 10) / 10,
          ...(operation
            ? { operationType: operation.type, operationName: operation.name }
            : state.requestedName && { operationName: state.requestedName }),
          ...(state.operations.length > 1 && { operations: state.operations.length }),
          ipHash: options.ipHash(request, serverContext),
        },
        `${request.method} ${path} ${status}`,
      );
    },
  };
}

/** A GraphQL error's own error (what a resolver threw), with the field it came from. */
function describeError(error: unknown): { err: unknown; field?: string } {
  const { originalError, path } = (error ?? {}) as { originalError?: unknown; path?: readonly unknown[] };
  return { err: originalError ?? error, ...(path && { field: path.join(".") }) };
}

/**
 * yoga's logger, on pino: yoga logs here every error it masks for the client, with its stack.
 * A database that is down or busy is a warning with its message, not a stack per request.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const child = () => {
    const requestId = currentRequestId();
    return requestId ? logger.child({ requestId }) : logger;
  };
  const write =
    (level: "trace" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const error = args.find((arg) => arg instanceof Error);
      if (!error) {
        // yoga says a few things at debug level on every request: cheap when nobody listens.
        if (!logger.isLevelEnabled(level)) return;
        child()[level](args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
        return;
      }
      if (isDatabaseUnavailable(error)) {
        child().warn({ reason: error.message }, "database unavailable; the client was told to retry");
        return;
      }
      child()[level === "trace" ? "error" : level](describeError(error), `masked error: ${error.message}`);
    };
  return { debug: write("trace"), info: write("info"), warn: write("warn"), error: write("error") };
}
