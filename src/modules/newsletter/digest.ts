// The morning digest: at NEWSLETTER_SEND_AT in NEWSLETTER_TZ, every active subscriber gets the
// articles published since the previous digest (24 hours, 23 or 25 across a clock change) that
// match their topics and language. No match, no email.
//
// The window hangs on the scheduled time, not on when the job happens to run, so every run for a
// date picks the same articles; and each email is queued under `digest:<subscriber>:<date>`, so
// running twice, or on two processes at once, queues each one once.
import type { Database, Executor } from "../../db/client.ts";
import type { Language } from "../../db/schema.ts";
import { type PeriodicLoop, startPeriodic } from "../../infra/periodic.ts";
import { addDays, localDate, zonedInstant } from "../../infra/zoned-time.ts";
import { enqueueEmails } from "../../mail/outbox.ts";
import { DIGEST_COLUMN_WIDTH, type DigestArticle, type RenderedEmail } from "../../mail/templates.ts";
import { articleUrl } from "../article/article.url.ts";
import { mailImage } from "../media/media.urls.ts";
import { digestMessage } from "./newsletter.emails.ts";
import {
  activeSubscribersAfter,
  countActiveSubscribers,
  type DigestSourceArticle,
  digestRunCompleted,
  ensureManageToken,
  publishedArticlesBetween,
  recordDigestRun,
} from "./newsletter.repo.ts";
import type { NewsletterSettings } from "./newsletter.settings.ts";
import { deriveManageToken } from "./newsletter.tokens.ts";

export interface DigestWindow {
  /** The digest's local date, YYYY-MM-DD. */
  date: string;
  /** The previous digest's send time (inclusive). */
  from: Date;
  /** This digest's send time (exclusive). */
  to: Date;
}

export function digestWindow(
  date: string,
  settings: Pick<NewsletterSettings, "sendAt" | "timeZone">,
): DigestWindow {
  return {
    date,
    from: zonedInstant(addDays(date, -1), settings.sendAt, settings.timeZone),
    to: zonedInstant(date, settings.sendAt, settings.timeZone),
  };
}

/** The articles a reader with these preferences gets: their language, and any of their topics (none: all). */
export function pickArticles(
  articles: readonly DigestSourceArticle[],
  reader: { topics: readonly string[]; language: Language },
): DigestSourceArticle[] {
  return articles.filter(
    (article) =>
      article.language === reader.language &&
      (reader.topics.length === 0 || article.tags.some((tag) => reader.topics.includes(tag.slug))),
  );
}

const toDigestArticle = (settings: NewsletterSettings, article: DigestSourceArticle): DigestArticle => ({
  title: article.title,
  lede: article.lede,
  url: articleUrl(settings.articleUrl, article),
  tags: article.tags.map((tag) => tag.name),
  cover: article.cover && {
    ...mailImage(settings.mediaBase, article.cover, DIGEST_COLUMN_WIDTH),
    alt: article.cover.decorative ? "" : (article.cover.alt ?? ""),
  },
});

export interface DigestRunReport {
  date: string;
  /** Articles published in the window, all languages. */
  articles: number;
  /** Active subscribers (looked at one by one only when there are articles). */
  subscribers: number;
  /** Digests queued by this run (a second run of a date queues none). */
  queued: number;
  /** Subscribers with nothing to read today. */
  withoutArticles: number;
}

export interface DigestOptions {
  db: Database;
  settings: NewsletterSettings;
  secret: string;
  now?: () => Date;
  /** Subscribers read and queued per statement. */
  batchSize?: number;
}

/** Queues the digest of `date` for every active subscriber who has something to read. */
export async function runDigest(options: DigestOptions & { date: string }): Promise<DigestRunReport> {
  const { db, settings, secret, date } = options;
  const clock = options.now ?? (() => new Date());
  const window = digestWindow(date, settings);
  const articles = await publishedArticlesBetween(db, window.from, window.to);
  const report: DigestRunReport = {
    date,
    articles: articles.length,
    subscribers: 0,
    queued: 0,
    withoutArticles: 0,
  };
  // Nobody gets mail then, but the report says how many readers went without.
  if (!articles.length) report.subscribers = await countActiveSubscribers(db);

  let afterId: string | null = null;
  while (articles.length) {
    const page = await activeSubscribersAfter(db, afterId, options.batchSize ?? 500);
    if (!page.length) break;
    afterId = page.at(-1)?.id ?? null;
    const messages = [];
    for (const reader of page) {
      report.subscribers += 1;
      const picked = pickArticles(articles, reader);
      if (!picked.length) {
        report.withoutArticles += 1;
        continue;
      }
      const manageToken = reader.manageTokenId
        ? deriveManageToken(secret, reader.id, reader.manageTokenId)
        : await ensureManageToken(db, { subscriberId: reader.id, secret, now: clock() });
      messages.push(
        digestMessage(settings, {
          subscriberId: reader.id,
          email: reader.email,
          language: reader.language,
          date,
          articles: picked.map((article) => toDigestArticle(settings, article)),
          manageToken,
        }),
      );
    }
    report.queued += (await enqueueEmails(db, messages, clock())).length;
  }
  await recordDigestRun(db, {
    date,
    completedAt: clock(),
    subscribers: report.subscribers,
    emails: report.queued,
  });
  return report;
}

export interface DigestPreview extends DigestWindow {
  articles: DigestSourceArticle[];
  /** What a subscriber with these preferences would get; null when nothing matches (no email). */
  email: RenderedEmail | null;
}

/** The digest of `date` for a reader with these preferences, with placeholder links. */
/** One line for the logs and the CLI, saying why nothing was queued when nothing was. */
export function describeDigestRun(report: DigestRunReport, settings: NewsletterSettings): string {
  if (!report.articles) {
    const window = digestWindow(report.date, settings);
    return (
      `digest ${report.date}: no articles published from ${window.from.toISOString()} to ${window.to.toISOString()}; ` +
      `nothing sent to ${report.subscribers} active subscribers`
    );
  }
  return (
    `digest ${report.date}: ${report.queued} queued for ${report.subscribers} active subscribers ` +
    `(${report.articles} articles in the window, ${report.withoutArticles} subscribers with nothing to read)`
  );
}

export async function previewDigest(
  db: Executor,
  settings: NewsletterSettings,
  reader: { date: string; topics: readonly string[]; language: Language },
): Promise<DigestPreview> {
  const window = digestWindow(reader.date, settings);
  const articles = pickArticles(
    await publishedArticlesBetween(db, window.from, window.to, reader.language),
    reader,
  );
  if (!articles.length) return { ...window, articles, email: null };
  const message = digestMessage(settings, {
    subscriberId: "preview",
    email: "preview@localhost",
    language: reader.language,
    date: reader.date,
    articles: articles.map((article) => toDigestArticle(settings, article)),
    manageToken: "PREVIEW",
  });
  return {
    ...window,
    articles,
    email: { subject: message.subject, text: message.text, html: message.html ?? "" },
  };
}

export type RunningScheduler = PeriodicLoop;

/**
 * Checks every minute whether today's digest (the local date in NEWSLETTER_TZ) is due and not yet
 * done, and runs it. A process that starts after the send time runs that day's digest late; a
 * day when no process ran is skipped (its news would be a day old).
 */
export function startDigestScheduler(
  options: DigestOptions & { intervalMs?: number; log?: (line: string) => void },
): RunningScheduler {
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  return startPeriodic({
    name: "digest",
    intervalMs: options.intervalMs ?? 60_000,
    log,
    run: async () => {
      const now = clock();
      const date = localDate(now, options.settings.timeZone);
      const due = zonedInstant(date, options.settings.sendAt, options.settings.timeZone);
      if (now.getTime() < due.getTime() || (await digestRunCompleted(options.db, date))) return false;
      log(describeDigestRun(await runDigest({ ...options, date }), options.settings));
      return false;
    },
  });
}
