// Prometheus metrics at GET /metrics: HTTP requests, GraphQL operations, the database pool and
// its retries, the outbox (read from the database at each scrape), and the process's own. Each app
// has its own registry, so tests can build many apps in one process.

import { inArray, sql } from "drizzle-orm";
import { getOperationAST } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { type Database, databasePoolStats } from "../db/client.ts";
import { retryStats } from "../db/retry.ts";
import { outbox, webhookDeliveries } from "../db/schema.ts";
import type { LiveFeeds } from "../graphql/live-feeds.ts";
import { webhookAttemptStats } from "../modules/webhooks/webhook.dispatcher.ts";

export interface MetricsOptions {
  db: Database;
  /** The Node.js process's own metrics (CPU, memory, event loop, GC); on unless false. */
  processMetrics?: boolean;
  /** The longest a scrape waits for the outbox counts before leaving them out. */
  databaseTimeoutMs?: number;
  /** The app's subscriptions: how many are live, dropped and refused. */
  subscriptions?: Pick<LiveFeeds, "active" | "stats">;
}

export interface Metrics {
  registry: Registry;
  /** Serves /metrics and counts requests and operations. */
  plugin: Plugin;
}

/** The paths lede serves; anything else is counted as "other", so a scanner cannot add series. */
const ROUTES = new Set([
  "/graphql",
  "/health",
  "/ready",
  "/metrics",
  "/newsletter/confirm",
  "/newsletter/unsubscribe",
  "/newsletter/manage",
  "/sitemap.xml",
  "/sitemap-news.xml",
]);
/** Families of paths counted under one label each: a feed per tag must not be a series per tag. */
const ROUTE_PREFIXES = ["/feeds/", "/sitemaps/"];
/** The route label of a path: one of lede's own, or "other". */
export const routeOf = (path: string): string => {
  if (ROUTES.has(path)) return path;
  const prefix = ROUTE_PREFIXES.find((start) => path.startsWith(start));
  return prefix ? `${prefix}*` : "other";
};

/** Operation names are the client's to choose: past this many distinct ones, the rest are "other". */
const MAX_OPERATION_NAMES = 200;

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const httpRequests = new Counter({
    name: "lede_http_requests_total",
    help: "HTTP requests answered, by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    registers,
  });
  const httpDuration = new Histogram({
    name: "lede_http_request_duration_seconds",
    help: "Time to answer an HTTP request (to the response head; streams run on)",
    labelNames: ["method", "route"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const operations = new Counter({
    name: "lede_graphql_operations_total",
    help: "GraphQL operations, by type, name and outcome (success, partial, error, invalid)",
    labelNames: ["type", "name", "outcome"] as const,
    registers,
  });
  const operationDuration = new Histogram({
    name: "lede_graphql_operation_duration_seconds",
    help: "Time to execute a GraphQL operation, by type, name and outcome",
    labelNames: ["type", "name", "outcome"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });

  // The pool's gauges exist on PostgreSQL only: embedded PGlite has no pool.
  const pool = databasePoolStats(options.db);
  if (pool) {
    const stats = pool;
    new Gauge({
      name: "lede_db_pool_max_connections",
      help: "Connections the PostgreSQL pool may open",
      registers,
      collect() {
        this.set(stats.max);
      },
    });
    new Gauge({
      name: "lede_db_pool_in_flight",
      help: "Statements and transactions running or waiting for a connection; above the maximum, work queues",
      registers,
      collect() {
        this.set(stats.inFlight);
      },
    });
    new Gauge({
      name: "lede_db_pool_waiting_transactions",
      help: "Transactions waiting for a free connection",
      registers,
      collect() {
        this.set(stats.waitingTransactions);
      },
    });
    new Counter({
      name: "lede_db_pool_wait_timeouts_total",
      help: "Statements and transactions refused because no connection became free in time",
      registers,
      collect() {
        this.reset();
        this.inc(stats.busyTimeouts);
      },
    });
  }
  new Counter({
    name: "lede_db_retries_total",
    help: "Idempotent database work run again after a lost connection (all databases of the process)",
    registers,
    collect() {
      this.reset();
      this.inc(retryStats.retried);
    },
  });
  new Counter({
    name: "lede_db_retries_exhausted_total",
    help: "Idempotent database work that still failed on a lost connection at its last attempt",
    registers,
    collect() {
      this.reset();
      this.inc(retryStats.exhausted);
    },
  });

  const subscriptions = options.subscriptions;
  if (subscriptions) {
    new Gauge({
      name: "lede_subscriptions_active",
      help: "Live subscriptions (SSE and WebSocket) in this process",
      registers,
      collect() {
        this.set(subscriptions.active);
      },
    });
    new Counter({
      name: "lede_subscriptions_dropped_total",
      help: "Subscriptions ended because their client stopped reading (its queue was full)",
      registers,
      collect() {
        this.reset();
        this.inc(subscriptions.stats.dropped);
      },
    });
    new Counter({
      name: "lede_subscriptions_refused_total",
      help: "Subscriptions refused over a limit: per client address (ip) or per WebSocket connection",
      labelNames: ["limit"] as const,
      registers,
      collect() {
        this.reset();
        for (const [limit, count] of Object.entries(subscriptions.stats.refused)) this.inc({ limit }, count);
      },
    });
  }

  // Both outbox gauges come from one statement per scrape.
  const timeoutMs = options.databaseTimeoutMs ?? 1000;
  let snapshot: { at: number; rows: Promise<OutboxCounts | null> } | null = null;
  const outboxCounts = () => {
    if (!snapshot || performance.now() - snapshot.at > 500) {
      snapshot = { at: performance.now(), rows: readOutbox(options.db, timeoutMs) };
    }
    return snapshot.rows;
  };
  new Gauge({
    name: "lede_outbox_messages",
    help: "Outbox messages waiting to be sent (pending) and given up (dead)",
    labelNames: ["status"] as const,
    registers,
    async collect() {
      this.reset();
      const counts = await outboxCounts();
      if (!counts) return;
      this.set({ status: "pending" }, counts.pending);
      this.set({ status: "dead" }, counts.dead);
    },
  });
  new Gauge({
    name: "lede_outbox_oldest_pending_age_seconds",
    help: "Age of the oldest outbox message still pending (0 when none)",
    registers,
    async collect() {
      this.reset();
      const counts = await outboxCounts();
      if (counts) this.set(counts.oldestPendingAgeSeconds);
    },
  });

  new Gauge({
    name: "lede_webhook_deliveries",
    help: "Webhook deliveries by status: pending, sent (delivered) and dead (failed)",
    labelNames: ["status"] as const,
    registers,
    async collect() {
      this.reset();
      for (const row of (await readWebhookDeliveries(options.db, timeoutMs)) ?? []) {
        this.set({ status: row.status }, row.count);
      }
    },
  });
  new Gauge({
    name: "lede_webhook_delivery_lag_seconds",
    help: "How long the most overdue pending webhook delivery has been due (0 when none): the dispatcher's lag",
    registers,
    async collect() {
      this.reset();
      const rows = await readWebhookDeliveries(options.db, timeoutMs);
      if (rows) this.set(rows.find((row) => row.status === "pending")?.lagSeconds ?? 0);
    },
  });
  new Counter({
    name: "lede_webhook_attempts_total",
    help: "Webhook requests made by this process, by outcome: success (2xx), failure, gone (410)",
    labelNames: ["outcome"] as const,
    registers,
    collect() {
      this.reset();
      for (const [outcome, stats] of Object.entries(webhookAttemptStats)) this.inc({ outcome }, stats.count);
    },
  });
  new Counter({
    name: "lede_webhook_attempt_seconds_total",
    help: "Time spent on webhook requests by this process, by outcome (divide by the attempts for the latency)",
    labelNames: ["outcome"] as const,
    registers,
    collect() {
      this.reset();
      for (const [outcome, stats] of Object.entries(webhookAttemptStats))
        this.inc({ outcome }, stats.seconds);
    },
  });

  const operationNames = new Set<string>();
  const nameLabel = (name: string | undefined) => {
    if (!name) return "anonymous";
    if (operationNames.has(name)) return name;
    if (operationNames.size >= MAX_OPERATION_NAMES) return "other";
    operationNames.add(name);
    return name;
  };
  const started = new WeakMap<Request, number>();
  const record = (labels: { type: string; name: string }, outcome: string, since?: number) => {
    operations.inc({ ...labels, outcome });
    if (since !== undefined)
      operationDuration.observe({ ...labels, outcome }, (performance.now() - since) / 1000);
  };
  const outcomeOf = (result: { data?: unknown; errors?: readonly unknown[] }) =>
    !result.errors?.length ? "success" : result.data ? "partial" : "error";

  const plugin: Plugin = {
    instrumentation: {
      request: ({ request }, wrapped) => {
        started.set(request, performance.now());
        return wrapped();
      },
    },
    onRequest: async ({ request, url, endResponse, fetchAPI }) => {
      if (url.pathname !== "/metrics" || request.method !== "GET") return;
      endResponse(
        new fetchAPI.Response(await registry.metrics(), {
          headers: { "content-type": registry.contentType, "cache-control": "no-store" },
        }),
      );
    },
    onResponse: ({ request, response }) => {
      const path = new URL(request.url, "http://localhost").pathname;
      const route = routeOf(path);
      const method = ["GET", "POST", "HEAD", "OPTIONS"].includes(request.method) ? request.method : "other";
      httpRequests.inc({ method, route, status: String(response.status) });
      const since = started.get(request);
      if (since !== undefined) httpDuration.observe({ method, route }, (performance.now() - since) / 1000);
    },
    onParse:
      () =>
      ({ result }) => {
        if (result instanceof Error) record({ type: "unknown", name: "unknown" }, "invalid");
      },
    onValidate: ({ params, context }) => {
      return ({ valid }) => {
        if (valid) return;
        const name = (context as { params?: { operationName?: string } }).params?.operationName;
        const operation = getOperationAST(params.documentAST, name);
        record(
          { type: operation?.operation ?? "unknown", name: nameLabel(operation?.name?.value) },
          "invalid",
        );
      };
    },
    onExecute: ({ args }) => {
      const operation = getOperationAST(args.document, args.operationName);
      const labels = { type: operation?.operation ?? "unknown", name: nameLabel(operation?.name?.value) };
      const since = performance.now();
      return {
        onExecuteDone: ({ result }) => {
          if (!isAsyncIterable(result)) {
            record(labels, outcomeOf(result), since);
            return;
          }
          // @defer and @stream: the outcome is known at the end of the stream.
          let outcome = "success";
          return {
            onNext: ({ result: part }) => {
              if (part.errors?.length) outcome = "partial";
            },
            onEnd: () => record(labels, outcome, since),
          };
        },
      };
    },
    onSubscribe: ({ args }) => {
      const operation = getOperationAST(args.document, args.operationName);
      const labels = { type: "subscription", name: nameLabel(operation?.name?.value) };
      const since = performance.now();
      return {
        onSubscribeResult: ({ result }) => {
          // How long it took to subscribe; the stream's own life is not an operation's duration.
          record(labels, isAsyncIterable(result) ? "success" : outcomeOf(result), since);
        },
        onSubscribeError: () => record(labels, "error", since),
      };
    },
  };
  return { registry, plugin };
}

interface OutboxCounts {
  pending: number;
  dead: number;
  oldestPendingAgeSeconds: number;
}

/** The outbox counts, or null when the database does not answer in time (the scrape goes on without them). */
async function readOutbox(db: Database, timeoutMs: number): Promise<OutboxCounts | null> {
  const rows = await withinTimeout(
    db
      .select({
        status: outbox.status,
        count: sql<number>`count(*)::int`.mapWith(Number),
        ageSeconds:
          sql<number>`coalesce(extract(epoch from now() - min(${outbox.createdAt})), 0)::float8`.mapWith(
            Number,
          ),
      })
      .from(outbox)
      .where(inArray(outbox.status, ["pending", "dead"]))
      .groupBy(outbox.status),
    timeoutMs,
  );
  if (!rows) return null;
  const pending = rows.find((row) => row.status === "pending");
  return {
    pending: pending?.count ?? 0,
    dead: rows.find((row) => row.status === "dead")?.count ?? 0,
    oldestPendingAgeSeconds: pending?.ageSeconds ?? 0,
  };
}

/** Webhook deliveries by status, and how long the most overdue pending one has been due. */
async function readWebhookDeliveries(db: Database, timeoutMs: number) {
  const d = webhookDeliveries;
  return withinTimeout(
    db
      .select({
        status: d.status,
        count: sql<number>`count(*)::int`.mapWith(Number),
        lagSeconds:
          sql<number>`coalesce(extract(epoch from now() - min(${d.nextAttemptAt}) filter (where ${d.nextAttemptAt} <= now())), 0)::float8`.mapWith(
            Number,
          ),
      })
      .from(d)
      .groupBy(d.status),
    timeoutMs,
  );
}

/** `work`'s result, or null when it fails or takes longer than `timeoutMs`: a scrape never hangs. */
async function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
      }),
    ]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
