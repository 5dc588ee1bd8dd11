// The scheduler: publishes scheduled articles when their time comes. The schedule is the article
// row itself (status 'scheduled', published_at in the future), so nothing is lost on a restart,
// and any number of processes may run it: one UPDATE claims the due rows, and a row claimed by
// one process is no longer 'scheduled' for another (see publishDueArticles).
import type { Database } from "../../db/client.ts";
import type { CacheInvalidation } from "../../graphql/plugins/response-cache.ts";
import { type PeriodicLoop, startPeriodic } from "../../infra/periodic.ts";
import type { LedePubSub } from "../../infra/pubsub.ts";
import { defaultNewsletterSettings } from "../newsletter/newsletter.settings.ts";
import { articleEvent, recordWebhookEvent } from "../webhooks/webhook.events.ts";
import { announcePublished } from "./article.service.ts";
import { insertRevisions, publishDueArticles, snapshotsOf } from "./article.writes.ts";

export const SCHEDULER_INTERVAL_MS = 30_000;

export interface SchedulerOptions {
  db: Database;
  pubsub: LedePubSub;
  /** The response cache to tell: a published article changes every public list. */
  cache?: CacheInvalidation;
  now?: () => Date;
  /** An article's public URL with `{slug}` in it, for webhook payloads. */
  articleUrl?: string;
}

/**
 * Publishes what is due now, each with a revision (by no staff member: the schedule was set by
 * whoever scheduled it, in an earlier revision), then announces each on `articlePublished`.
 * Returns the ids it published.
 */
export async function runSchedulerOnce(options: SchedulerOptions): Promise<string[]> {
  const now = (options.now ?? (() => new Date()))();
  const published = await options.db.transaction(async (tx) => {
    const rows = await publishDueArticles(tx, now);
    const snapshots = await snapshotsOf(tx, rows);
    await insertRevisions(
      tx,
      rows.map((row) => ({
        articleId: row.id,
        version: row.version,
        staffId: null,
        changedFields: ["status"],
        snapshot: snapshots.get(row.id) as NonNullable<ReturnType<typeof snapshots.get>>,
        createdAt: now,
      })),
    );
    const articleUrl = options.articleUrl ?? defaultNewsletterSettings.articleUrl;
    for (const row of rows)
      await recordWebhookEvent(tx, articleEvent("article.published", row, articleUrl), now);
    return rows;
  });
  if (published.length) await options.cache?.articleListsChanged();
  for (const row of published) await announcePublished(options.pubsub, row.id);
  return published.map((row) => row.id);
}

export type RunningScheduler = PeriodicLoop;

export function startArticleScheduler(
  options: SchedulerOptions & { intervalMs?: number; log?: (line: string) => void },
): RunningScheduler {
  const log = options.log ?? (() => {});
  return startPeriodic({
    name: "scheduler",
    intervalMs: options.intervalMs ?? SCHEDULER_INTERVAL_MS,
    log,
    run: async () => {
      const ids = await runSchedulerOnce(options);
      if (ids.length) log(`scheduler: published ${ids.length} article${ids.length === 1 ? "" : "s"}`);
      return false;
    },
  });
}
