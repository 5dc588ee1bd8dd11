// Plain HTTP for news readers and search engines:
//   GET /feeds/rss.xml, /feeds/atom.xml                       the whole site, every language
//   GET /feeds/{fr|en}/rss.xml …                              one language
//   GET /feeds[/{fr|en}]/tags/{slug}/{rss|atom}.xml           a tag's articles
//   GET /feeds[/{fr|en}]/authors/{slug}/{rss|atom}.xml        an author's articles (co-bylines too)
//   GET /sitemap.xml                                          the index of the monthly sitemaps
//   GET /sitemaps/articles-{YYYY-MM}[-{part}].xml             a month's articles
//   GET /sitemap-news.xml                                     Google News: the last 48 hours
// Each answer carries a strong ETag and Last-Modified, answers 304 to a conditional GET that
// still holds, and may be kept by a CDN for a few minutes (feeds) or an hour (sitemaps).
import type { Plugin } from "graphql-yoga";
import type { Language } from "../../db/schema.ts";
import { SLUG_PATTERN } from "../article/article.slug.ts";
import {
  type Answer,
  type FeedRequest,
  type FeedServices,
  type IsFresh,
  serveFeed,
  serveNewsSitemap,
  serveSitemapIndex,
  serveSitemapPage,
  type XmlKind,
} from "./feeds.service.ts";

const FEED_PATH = /^\/feeds(?:\/(fr|en))?(?:\/(tags|authors)\/([^/]{1,200}))?\/(rss|atom)\.xml$/;
const SITEMAP_PAGE_PATH = /^\/sitemaps\/articles-(\d{4}-\d{2})(?:-(\d{1,4}))?\.xml$/;

const contentTypes: Record<XmlKind, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  sitemap: "application/xml; charset=utf-8",
};

// Readers and browsers check again within a minute (a 304 costs one small statement); a CDN keeps a
// feed five minutes and may serve it stale while it checks, or while lede is down.
const FEED_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400";
// Search engines read sitemaps every few hours: an hour at the CDN is plenty fresh.
const SITEMAP_CACHE = "public, max-age=3600, stale-while-revalidate=86400, stale-if-error=86400";
const NOT_FOUND_CACHE = "public, max-age=60";

/** The route a path names, or null for none of ours; "not-found" for ours with a bad part. */
function route(
  path: string,
): ((services: FeedServices, isFresh: IsFresh) => Promise<Answer>) | null | "not-found" {
  if (path === "/sitemap.xml") return serveSitemapIndex;
  if (path === "/sitemap-news.xml") return serveNewsSitemap;
  if (path.startsWith("/sitemaps/")) {
    const page = SITEMAP_PAGE_PATH.exec(path);
    if (!page) return "not-found";
    const month = page[1] as string;
    const part = page[2] === undefined ? 1 : Number(page[2]);
    // `-1` is written without the suffix: one URL per page.
    if (page[2] !== undefined && part < 2) return "not-found";
    return (services, isFresh) => serveSitemapPage(services, { month, part }, isFresh);
  }
  if (!path.startsWith("/feeds/")) return null;
  const feed = FEED_PATH.exec(path);
  if (!feed) return "not-found";
  const [, language, kind, slug, format] = feed;
  if (slug !== undefined && !SLUG_PATTERN.test(slug)) return "not-found";
  const request: FeedRequest = {
    format: format as FeedRequest["format"],
    language: (language as Language | undefined) ?? null,
    scope:
      kind === undefined
        ? { kind: "site" }
        : { kind: kind === "tags" ? "tag" : "author", slug: slug as string },
  };
  return (services, isFresh) => serveFeed(services, request, isFresh);
}

/** RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since. */
function conditions(request: Request): IsFresh {
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = Date.parse(request.headers.get("if-modified-since") ?? "");
  return ({ etag, lastModified }) => {
    if (ifNoneMatch !== null) {
      return ifNoneMatch.split(",").some((tag) => {
        const value = tag.trim();
        return value === "*" || value.replace(/^W\//, "") === etag;
      });
    }
    return Number.isFinite(ifModifiedSince) && lastModified.getTime() <= ifModifiedSince;
  };
}

function plain(status: number, text: string, headers: Record<string, string>): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  });
}

export function feedsHttpPlugin(services: FeedServices, log: (error: unknown) => void): Plugin {
  return {
    onRequest: async ({ request, url, endResponse }) => {
      const handler = route(url.pathname);
      if (handler === null) return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(plain(405, "Method Not Allowed", { allow: "GET, HEAD", "cache-control": "no-store" }));
        return;
      }
      if (handler === "not-found") {
        endResponse(plain(404, "Not Found", { "cache-control": NOT_FOUND_CACHE }));
        return;
      }
      let result: Answer;
      try {
        result = await handler(services, conditions(request));
      } catch (error) {
        log(error);
        endResponse(
          plain(503, "The feed cannot be served right now", {
            "retry-after": "5",
            "cache-control": "no-store",
          }),
        );
        return;
      }
      if (result.status === "not-found") {
        endResponse(plain(404, "Not Found", { "cache-control": NOT_FOUND_CACHE }));
        return;
      }
      const headers = {
        etag: result.etag,
        "last-modified": result.lastModified.toUTCString(),
        "cache-control": result.kind === "sitemap" ? SITEMAP_CACHE : FEED_CACHE,
      };
      if (result.status === "not-modified") {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      const body = Buffer.from(result.xml);
      endResponse(
        new Response(request.method === "HEAD" ? null : body, {
          status: 200,
          headers: {
            ...headers,
            "content-type": contentTypes[result.kind],
            "content-length": String(body.byteLength),
            "x-content-type-options": "nosniff",
          },
        }),
      );
    },
  };
}
