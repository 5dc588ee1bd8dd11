// Feeds (RSS 2.0 and Atom: the site, a tag, an author; all languages or one) and sitemaps (an index
// over monthly pages of every public article, and the Google News sitemap of the last 48 hours).
//
// Every document is answered the same way: one statement computes its version from the database
// (for a feed without reading a body), the ETag is derived from it, and a client that holds that
// ETag gets "not modified" at the cost of that one statement. Otherwise the XML rendered for that
// ETag is served from the store, or read (one more statement for a feed) and rendered once. Because
// the version comes from the rows themselves, a publication, an edit, an unpublication, a deletion
// or the scheduler's work shows at the next request in every process, with nothing to invalidate.
import { createHash } from "node:crypto";
import type { Executor } from "../../db/client.ts";
import type { Language } from "../../db/schema.ts";
import { pageUrl } from "../article/article.url.ts";
import type { RenderedStore, VersionClock } from "./feeds.cache.ts";
import {
  type FeedFormat,
  renderFeed,
  renderNewsSitemap,
  renderSitemapIndex,
  renderSitemapPage,
} from "./feeds.render.ts";
import {
  type FeedQuery,
  type FeedScope,
  feedArticles,
  feedVersion,
  recentArticles,
  type SitemapArticle,
  type SitemapMonth,
  sitemapArticles,
  sitemapMonths,
} from "./feeds.repo.ts";
import type { FeedSettings } from "./feeds.settings.ts";

/** Items in a feed. */
export const FEED_SIZE = 50;
/** Google News: articles of the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;
export const NEWS_MAX_URLS = 1000;

/** Bump when the XML written for the same rows changes (a new element, a fix): every ETag changes. */
const FORMAT_VERSION = "1";

export interface FeedServices {
  /** Where reads go (the read replica, if there is one). */
  db: Executor;
  now: () => Date;
  feeds: FeedSettings;
  rendered: RenderedStore;
  versions: VersionClock;
}

/** A document's validators. */
export interface Validators {
  etag: string;
  lastModified: Date;
}

/** Whether the client already holds the version with these validators (a conditional request's answer). */
export type IsFresh = (validators: Validators) => boolean;

export type XmlKind = "rss" | "atom" | "sitemap";

export type Answer =
  | { status: "not-found" }
  | (Validators & { status: "not-modified"; kind: XmlKind })
  | (Validators & { status: "ok"; kind: XmlKind; xml: string });

export interface FeedRequest {
  format: FeedFormat;
  scope: FeedScope;
  language: Language | null;
}

/** Where a feed lives: /feeds[/{language}][/tags|authors/{slug}]/{rss|atom}.xml */
export function feedPath(request: FeedRequest): string {
  const language = request.language ? `/${request.language}` : "";
  const scope = request.scope.kind === "site" ? "" : `/${request.scope.kind}s/${request.scope.slug}`;
  return `/feeds${language}${scope}/${request.format}.xml`;
}

const settingsFingerprints = new WeakMap<FeedSettings, string>();
function fingerprintOf(settings: FeedSettings): string {
  let fingerprint = settingsFingerprints.get(settings);
  if (!fingerprint) {
    fingerprint = JSON.stringify(settings);
    settingsFingerprints.set(settings, fingerprint);
  }
  return fingerprint;
}

/** A strong ETag: the document, its rows' version, the settings its links come from, the format. */
function etagOf(services: FeedServices, document: string, version: string): string {
  const digest = createHash("sha256")
    .update(`${FORMAT_VERSION}\n${fingerprintOf(services.feeds)}\n${document}\n${version}`)
    .digest("base64url")
    .slice(0, 32);
  return `"${digest}"`;
}

/** The shared tail of every document: validators, freshness, then the store or a render. */
async function answer(
  services: FeedServices,
  kind: XmlKind,
  document: string,
  version: string,
  isFresh: IsFresh,
  render: () => Promise<string> | string,
): Promise<Answer> {
  const etag = etagOf(services, document, version);
  const lastModified = services.versions.lastModified(document, etag, services.now());
  if (isFresh({ etag, lastModified })) return { status: "not-modified", kind, etag, lastModified };
  let xml = await services.rendered.get(etag);
  if (xml === null) {
    xml = await render();
    await services.rendered.set(etag, xml);
  }
  return { status: "ok", kind, etag, lastModified, xml };
}

type Texts = Record<Language, (name: string) => string>;
const descriptions: Record<FeedScope["kind"], Texts> = {
  site: {
    en: (site) => `The latest articles from ${site}`,
    fr: (site) => `Les derniers articles de ${site}`,
  },
  tag: {
    en: (tag) => `The latest articles tagged ${tag}`,
    fr: (tag) => `Les derniers articles du sujet ${tag}`,
  },
  author: {
    en: (author) => `The latest articles by ${author}`,
    fr: (author) => `Les derniers articles de ${author}`,
  },
};

/** A feed: the newest FEED_SIZE public articles of its scope, in full. Not found: an unknown tag or author. */
export async function serveFeed(
  services: FeedServices,
  request: FeedRequest,
  isFresh: IsFresh,
): Promise<Answer> {
  const query: FeedQuery = { scope: request.scope, language: request.language, limit: FEED_SIZE };
  const version = await feedVersion(services.db, query);
  if (request.scope.kind !== "site" && version.ownerName === null) return { status: "not-found" };
  const path = feedPath(request);
  const { siteName, siteUrl } = services.feeds;
  const owner = version.ownerName ?? siteName;
  return answer(services, request.format, path, `${version.hash}:${owner}`, isFresh, async () => {
    const articles = await feedArticles(services.db, query);
    const scope = request.scope;
    const link =
      scope.kind === "site"
        ? siteUrl
        : pageUrl(scope.kind === "tag" ? services.feeds.tagUrl : services.feeds.authorUrl, scope.slug);
    return renderFeed(services.feeds, {
      format: request.format,
      title:
        [siteName, scope.kind === "site" ? null : owner].filter(Boolean).join(" — ") +
        (request.language ? ` (${request.language})` : ""),
      description: descriptions[scope.kind][request.language ?? "en"](owner),
      link,
      selfUrl: `${services.feeds.publicUrl}${path}`,
      language: request.language,
      // An empty feed keeps a fixed date, so that its XML (and ETag) stays the same.
      updated: new Date(version.lastChange ?? 0),
      articles,
    });
  });
}

/** What a list of sitemap rows shows, as a version: their ids and last changes, in order. */
const rowsVersion = (rows: readonly Pick<SitemapArticle, "id" | "updatedAt">[]) =>
  createHash("sha256")
    .update(rows.map((row) => `${row.id}@${row.updatedAt.getTime()}`).join("\n"))
    .digest("base64url");

/**
 * How long a process reuses the sitemap index's months: counting them reads every public article
 * (about 0.3 s for 200,000 on PostgreSQL 15), and a new month or page showing a minute late is
 * harmless, whereas a crawler (or anyone) asking again and again must not cost that each time.
 */
export const SITEMAP_INDEX_REUSE_MS = 60_000;
const monthsRead = new WeakMap<FeedServices, { at: number; months: SitemapMonth[] }>();

/** The sitemap index: one entry per month of public articles (several past the page size). */
export async function serveSitemapIndex(services: FeedServices, isFresh: IsFresh): Promise<Answer> {
  const at = services.now().getTime();
  let read = monthsRead.get(services);
  if (!read || at - read.at >= SITEMAP_INDEX_REUSE_MS || at < read.at) {
    read = { at, months: await sitemapMonths(services.db) };
    monthsRead.set(services, read);
  }
  const { months } = read;
  const version = months.map((m) => `${m.month}:${m.count}:${m.lastChange}`).join(",");
  return answer(services, "sitemap", "/sitemap.xml", version, isFresh, () =>
    renderSitemapIndex(services.feeds, months),
  );
}

/** `2026-09` and part 1, 2…: the public articles published that month (UTC), a page of them. */
export async function serveSitemapPage(
  services: FeedServices,
  page: { month: string; part: number },
  isFresh: IsFresh,
): Promise<Answer> {
  const match = /^(\d{4})-(\d{2})$/.exec(page.month);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12 || page.part < 1) return { status: "not-found" };
  const size = services.feeds.sitemapPageSize;
  const rows = await sitemapArticles(services.db, {
    from: new Date(Date.UTC(year, month - 1, 1)),
    to: new Date(Date.UTC(year, month, 1)),
    offset: (page.part - 1) * size,
    limit: size,
  });
  if (!rows.length) return { status: "not-found" };
  const document = `/sitemaps/${page.month}/${page.part}`;
  return answer(services, "sitemap", document, rowsVersion(rows), isFresh, () =>
    renderSitemapPage(services.feeds, rows),
  );
}

/** Google News: the public articles published in the last 48 hours, newest first, at most 1,000. */
export async function serveNewsSitemap(services: FeedServices, isFresh: IsFresh): Promise<Answer> {
  const now = services.now();
  const rows = await recentArticles(services.db, {
    since: new Date(now.getTime() - NEWS_WINDOW_MS),
    until: now,
    limit: NEWS_MAX_URLS,
  });
  return answer(services, "sitemap", "/sitemap-news.xml", rowsVersion(rows), isFresh, () =>
    renderNewsSitemap(services.feeds, rows),
  );
}
