// The scheduler: publishes scheduled articles when their time comes. The schedule is the article
// row itself (status 'scheduled', published_at in the future), so nothing is lost on a restart,
// and any number of processes may run it: each due article is published through the service's own
// publishing path, under its row lock, where a row another process published first is no longer
// due (see publishDueArticle).
import type { Database } from "../../db/client.ts";
import { type CacheInvalidation, noInvalidation } from "../../infra/cache-invalidation.ts";
import { type PeriodicLoop, startPeriodic } from "../../infra/periodic.ts";
import type { LedePubSub } from "../../infra/pubsub.ts";
import { defaultNewsletterSettings } from "../newsletter/newsletter.settings.ts";
import { publishDueArticle } from "./article.service.ts";
import { findDueArticleIds } from "./article.writes.ts";

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
 * Publishes what is due now, each as an editor's publication would be (a version, a revision by no
 * staff member, a webhook event, the caches told, `articlePublished` announced) but at its
 * scheduled time. Returns the ids it published.
 */
export async function runSchedulerOnce(options: SchedulerOptions): Promise<string[]> {
  const at = (options.now ?? (() => new Date()))();
  const services = {
    db: options.db,
    now: () => at,
    cache: options.cache ?? noInvalidation,
    pubsub: options.pubsub,
    actor: null,
    articleUrl: options.articleUrl ?? defaultNewsletterSettings.articleUrl,
  };
  const published: string[] = [];
  for (const id of await findDueArticleIds(options.db, at)) {
    if (await publishDueArticle(services, id)) published.push(id);
  }
  return published;
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
