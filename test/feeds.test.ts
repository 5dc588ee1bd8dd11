// Feeds and sitemaps, read the way aggregators and crawlers read them: generated with `feed`, parsed
// here with another library (feedsmith for RSS and Atom, fast-xml-parser for the sitemaps), with
// their validators (ETag, Last-Modified, 304), their bounds (50 items, 48 hours, 1,000 URLs) and what
// must never show (drafts, scheduled, unpublished and deleted articles).
import { randomUUID } from "node:crypto";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseRssFeed } from "feedsmith";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { articles } from "../src/db/schema.ts";
import { seedArticles } from "../src/db/seed-content.ts";
import type { FeedSettings } from "../src/modules/feeds/feeds.settings.ts";
import { withMediaBase } from "../src/modules/media/media.urls.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";

const FeedCreate = graphql(`
  mutation FeedCreate($input: CreateArticleInput!) {
    createArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { id slug version } }
      ... on ValidationError { issues { field message } }
    }
  }
`);
const FeedPublish = graphql(`
  mutation FeedPublish($input: PublishArticleInput!) {
    publishArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { version } } }
  }
`);
const FeedUpdate = graphql(`
  mutation FeedUpdate($input: UpdateArticleInput!) {
    updateArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { version } } }
  }
`);
const FeedUnpublish = graphql(`
  mutation FeedUnpublish($input: UnpublishArticleInput!) {
    unpublishArticle(input: $input) { __typename }
  }
`);
const FeedSchedule = graphql(`
  mutation FeedSchedule($input: ScheduleArticleInput!) {
    scheduleArticle(input: $input) { __typename }
  }
`);
const FeedDelete = graphql(`
  mutation FeedDelete($input: DeleteArticleInput!) {
    deleteArticle(input: $input) { __typename }
  }
`);
const FeedArticleBody = graphql(`
  query FeedArticleBody($slug: String!) {
    article(slug: $slug) { bodyHtml }
  }
`);

const settings: FeedSettings = {
  siteName: "Le Fil & <Tech>",
  siteUrl: "https://news.example.com",
  articleUrl: "https://news.example.com/{language}/articles/{slug}",
  tagUrl: "https://news.example.com/tags/{slug}",
  authorUrl: "https://news.example.com/authors/{slug}",
  mediaBase: "https://cdn.example.com/media",
  publicUrl: "https://lede.example.com",
  sitemapPageSize: 50_000,
};

let clock = new Date("2026-11-20T09:00:00Z").getTime();
const now = () => new Date(clock);
const HOUR = 3_600_000;

let t: TestApp;
let editor: string;
beforeAll(async () => {
  t = await createTestApp({ now, feeds: settings });
  editor = await staffToken(t, "editor");
});
afterAll(() => t.close());

const get = async (path: string, headers: Record<string, string> = {}, app = t.app): Promise<Response> =>
  app.fetch(`http://lede.test${path}`, { headers });

async function xmlOf(path: string): Promise<string> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  const xml = await response.text();
  expect(XMLValidator.validate(xml), path).toBe(true);
  return xml;
}

const rssOf = async (path: string) => parseRssFeed(await xmlOf(path));
const atomOf = async (path: string) => parseAtomFeed(await xmlOf(path));

const sitemapParser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["url", "sitemap"].includes(name),
});
type UrlEntry = {
  loc: string;
  lastmod?: string;
  "news:news"?: {
    "news:publication": { "news:name": string; "news:language": string };
    "news:publication_date": string;
    "news:title": string;
  };
};
const urlsOf = async (path: string): Promise<UrlEntry[]> =>
  sitemapParser.parse(await xmlOf(path)).urlset.url ?? [];

/** Atom titles are escaped HTML (type="html"): what a reader shows. */
const decodeHtml = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

const linkOf = (article: { slug: string; language: string }) =>
  `https://news.example.com/${article.language}/articles/${article.slug}`;

const publishedSeeds = seedArticles
  .filter((a) => a.status === "published")
  .sort((a, b) => (b.publishedAt as string).localeCompare(a.publishedAt as string));

let counter = 0;
/** An article made through the API (a draft unless `publish`); returns its row id, slug and version. */
async function article(
  input: { title?: string; language?: "FR" | "EN"; tagSlugs?: string[]; authorSlugs?: string[] } = {},
  publish = true,
) {
  counter += 1;
  clock += 60_000;
  const created = await t.execute(
    FeedCreate,
    {
      input: {
        title: input.title ?? `Feed test article ${counter}`,
        language: input.language ?? "EN",
        lede: `Lede ${counter}`,
        body: `Body **${counter}**.`,
        authorSlugs: input.authorSlugs ?? ["priya-nair"],
        tagSlugs: input.tagSlugs ?? ["space"],
      },
    },
    { token: editor },
  );
  const payload = created.data?.createArticle;
  if (payload?.__typename !== "ArticleMutationSuccess") throw new Error(JSON.stringify(created));
  let version = payload.article.version;
  if (publish) {
    clock += 60_000;
    const published = await t.execute(
      FeedPublish,
      { input: { articleId: payload.article.id } },
      { token: editor },
    );
    if (published.data?.publishArticle.__typename !== "ArticleMutationSuccess")
      throw new Error(JSON.stringify(published));
    version = published.data.publishArticle.article.version;
  }
  return {
    globalId: payload.article.id,
    id: decodeGlobalID(payload.article.id).id,
    slug: payload.article.slug,
    version,
  };
}

describe("RSS and Atom feeds", () => {
  it("serve the newest public articles in full: content, byline, tags, cover, links from the template", async () => {
    const rss = await rssOf("/feeds/rss.xml");
    expect(rss.title).toBe("Le Fil & <Tech>");
    expect(rss.link).toBe("https://news.example.com/");
    const items = rss.items ?? [];
    expect(items.map((item) => item.link)).toEqual(publishedSeeds.slice(0, 50).map(linkOf));
    const newest = publishedSeeds[0] as (typeof publishedSeeds)[number];
    const [first] = items;
    expect(first?.title).toBe(newest.title);
    expect(decodeHtml(first?.description ?? "")).toBe(newest.lede);
    expect(first?.dc?.creators).toHaveLength(newest.authorSlugs.length);
    expect(first?.dc?.languages).toEqual([newest.language]);
    expect(first?.pubDate && new Date(first.pubDate).toISOString()).toBe(
      new Date(newest.publishedAt as string).toISOString(),
    );
    expect((first?.categories ?? []).length).toBe(newest.tagSlugs.length);
    const [enclosure] = first?.enclosures ?? [];
    expect(enclosure?.url).toMatch(
      /^https:\/\/cdn\.example\.com\/media\/[0-9a-f-]{36}\/\d+\.(jpeg|png|gif)$/,
    );
    expect(enclosure?.type).toBe(`image/${enclosure?.url?.split(".").pop()}`);
    // The body is the API's bodyHtml, its images made absolute.
    const api = await t.execute(FeedArticleBody, { slug: newest.slug });
    expect(first?.content?.encoded).toBe(
      withMediaBase(api.data?.article?.bodyHtml as string, settings.mediaBase),
    );

    const atom = await atomOf("/feeds/atom.xml");
    const entries = atom.entries ?? [];
    expect(entries.map((entry) => entry.links?.find((link) => !link.rel)?.href)).toEqual(
      publishedSeeds.slice(0, 50).map(linkOf),
    );
    const [entry] = entries;
    expect(decodeHtml(entry?.title?.value ?? "")).toBe(newest.title);
    expect(entry?.authors?.map((a) => a.uri)).toEqual(
      newest.authorSlugs.map((slug) => `https://news.example.com/authors/${slug}`),
    );
    expect(entry?.authors?.map((a) => a.name)).toEqual(first?.dc?.creators);
    expect(entry?.categories?.map((c) => c.term).sort()).toEqual(
      first?.categories?.map((c) => c.name).sort(),
    );
    expect(entry?.links?.find((link) => link.rel === "enclosure")).toMatchObject({
      href: enclosure?.url,
      type: enclosure?.type,
    });
    expect(entry?.content).toMatchObject({ type: "html", value: first?.content?.encoded });
    expect(entry?.published && new Date(entry.published).toISOString()).toBe(
      new Date(newest.publishedAt as string).toISOString(),
    );
  });

  it("have one feed per tag and per author (co-bylines included), per language, and 404 for unknown ones", async () => {
    const tagged = (await rssOf("/feeds/tags/cloud/rss.xml")).items ?? [];
    const cloud = publishedSeeds.filter((a) => a.tagSlugs.includes("cloud"));
    expect(tagged.map((item) => item.link)).toEqual(cloud.map(linkOf));
    expect((await atomOf("/feeds/tags/cloud/atom.xml")).title?.value).toBe("Le Fil & <Tech> — Cloud");

    const byTheo = publishedSeeds.filter((a) => a.authorSlugs.includes("theo-garnier"));
    expect(byTheo.some((a) => a.authorSlugs[0] !== "theo-garnier")).toBe(true); // a co-byline among them
    const authorFeed = await atomOf("/feeds/authors/theo-garnier/atom.xml");
    expect(authorFeed.entries?.map((e) => e.links?.[0]?.href)).toEqual(byTheo.map(linkOf));

    const french = await rssOf("/feeds/fr/rss.xml");
    expect(french.language).toBe("fr");
    expect(french.items?.map((item) => item.link)).toEqual(
      publishedSeeds
        .filter((a) => a.language === "fr")
        .slice(0, 50)
        .map(linkOf),
    );
    const englishSpace = await atomOf("/feeds/en/tags/space/atom.xml");
    expect(englishSpace.xml?.lang).toBe("en");
    expect(englishSpace.entries?.map((e) => e.links?.[0]?.href)).toEqual(
      publishedSeeds.filter((a) => a.language === "en" && a.tagSlugs.includes("space")).map(linkOf),
    );

    for (const path of [
      "/feeds/tags/no-such-tag/rss.xml",
      "/feeds/authors/nobody-here/atom.xml",
      "/feeds/de/rss.xml",
      "/feeds/tags/Bad%20Slug/rss.xml",
      "/feeds/json.xml",
    ]) {
      const { result } = await t.countStatements(() => get(path));
      expect(result.status, path).toBe(404);
    }
    const unknown = await t.countStatements(() => get("/feeds/tags/no-such-tag/rss.xml"));
    expect(unknown.statements).toHaveLength(1);
    expect((await t.app.fetch("http://lede.test/feeds/rss.xml", { method: "POST" })).status).toBe(405);
    const head = await t.app.fetch("http://lede.test/feeds/atom.xml", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toMatch(/^"/);
    expect(await head.text()).toBe("");
    // Counted under one label, whatever the slug: a stranger cannot add series.
    const metrics = await (await get("/metrics")).text();
    expect(metrics).toMatch(/lede_http_requests_total\{method="GET",route="\/feeds\/\*",status="404"\}/);
    expect(metrics).not.toContain("no-such-tag");
  });

  it("keep a title with &, < and emoji valid XML, in both formats and the news sitemap", async () => {
    const title = `Fish & <chips> "quoted" 🚀 ${randomUUID().slice(0, 6)}`;
    const made = await article({ title, tagSlugs: ["energy"] });
    const rss = await rssOf("/feeds/tags/energy/rss.xml");
    expect(rss.items?.[0]?.title).toBe(title);
    const atom = await atomOf("/feeds/tags/energy/atom.xml");
    expect(decodeHtml(atom.entries?.[0]?.title?.value ?? "")).toBe(title);
    const news = await urlsOf("/sitemap-news.xml");
    expect(
      news.find((u) => u.loc === linkOf({ slug: made.slug, language: "en" }))?.["news:news"]?.["news:title"],
    ).toBe(title);
  });
});

describe("what never shows", () => {
  it("leaves drafts, scheduled, unpublished and deleted articles out of every feed and sitemap", async () => {
    const draft = await article({ tagSlugs: ["startups"] }, false);
    const scheduled = await article({ tagSlugs: ["startups"] }, false);
    await t.execute(
      FeedSchedule,
      { input: { articleId: scheduled.globalId, at: new Date(clock + 2 * HOUR).toISOString() } },
      { token: editor },
    );
    const unpublished = await article({ tagSlugs: ["startups"] });
    await t.execute(FeedUnpublish, { input: { articleId: unpublished.globalId } }, { token: editor });
    const deleted = await article({ tagSlugs: ["startups"] });
    await t.execute(FeedDelete, { input: { articleId: deleted.globalId } }, { token: editor });
    const hidden = [draft, scheduled, unpublished, deleted].map((a) =>
      linkOf({ slug: a.slug, language: "en" }),
    );

    const seen = [
      ...((await rssOf("/feeds/rss.xml")).items ?? []).map((i) => i.link),
      ...((await rssOf("/feeds/tags/startups/rss.xml")).items ?? []).map((i) => i.link),
      ...((await atomOf("/feeds/authors/priya-nair/atom.xml")).entries ?? []).map((e) => e.links?.[0]?.href),
      ...(await urlsOf("/sitemap-news.xml")).map((u) => u.loc),
    ];
    const index = sitemapParser.parse(await xmlOf("/sitemap.xml")).sitemapindex.sitemap as { loc: string }[];
    for (const page of index) seen.push(...(await urlsOf(new URL(page.loc).pathname)).map((u) => u.loc));
    expect(seen.length).toBeGreaterThan(publishedSeeds.length);
    for (const link of hidden) expect(seen).not.toContain(link);
  });
});

describe("caching", () => {
  it("answers 304 to If-None-Match and If-Modified-Since for one statement, and a new ETag after publish, edit and unpublish", async () => {
    const path = "/feeds/tags/semiconductors/atom.xml";
    const first = await t.countStatements(() => get(path));
    expect(first.result.status).toBe(200);
    expect(first.statements).toHaveLength(2); // the version, then the items
    expect(first.result.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(first.result.headers.get("cache-control")).toMatch(/^public, .*s-maxage=\d+/);
    const etag = first.result.headers.get("etag") as string;
    const lastModified = first.result.headers.get("last-modified") as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await t.countStatements(() => get(path));
    expect(again.statements).toHaveLength(1); // the XML rendered for this version is kept
    expect(await again.result.text()).toBe(await first.result.text());
    const byEtag = await t.countStatements(() => get(path, { "if-none-match": etag }));
    expect(byEtag.result.status).toBe(304);
    expect(byEtag.statements).toHaveLength(1);
    expect(byEtag.result.headers.get("etag")).toBe(etag);
    expect((await get(path, { "if-modified-since": lastModified })).status).toBe(304);
    expect((await get(path, { "if-none-match": '"something-else"' })).status).toBe(200);

    const etags = [etag];
    const expectNewVersion = async (what: string) => {
      clock += 5_000;
      const response = await get(path, {
        "if-none-match": etags.at(-1) as string,
        "if-modified-since": lastModified,
      });
      expect(response.status, what).toBe(200);
      const next = response.headers.get("etag") as string;
      // Unpublished again, the feed is what it was before: the first ETag would do, the last must not.
      expect(next, what).not.toBe(etags.at(-1));
      etags.push(next);
      // A client holding only the date is told too.
      const previousDate = response.headers.get("last-modified") as string;
      expect(new Date(previousDate).getTime(), what).toBeGreaterThan(new Date(lastModified).getTime());
      return response.text();
    };
    const made = await article({ tagSlugs: ["semiconductors"], title: "A new chip arrives" });
    expect(await expectNewVersion("publish")).toContain("A new chip arrives");
    await t.execute(
      FeedUpdate,
      { input: { articleId: made.globalId, expectedVersion: made.version, title: "A new chip, renamed" } },
      { token: editor },
    );
    expect(await expectNewVersion("edit")).toContain("A new chip, renamed");
    await t.execute(FeedUnpublish, { input: { articleId: made.globalId } }, { token: editor });
    expect(await expectNewVersion("unpublish")).not.toContain("A new chip");
    expect(etags.at(-1)).toBe(etag);
  });

  it("shares rendered documents between processes through Redis", async (context) => {
    if (!process.env.TEST_REDIS_URL) context.skip();
    const redis = new Redis(process.env.TEST_REDIS_URL as string);
    // Each app is a process of its own: its own memory, the same database and Redis.
    const siteName = `Shared ${randomUUID()}`;
    const options = { db: t.db, now, feeds: { ...settings, siteName }, cacheRedis: redis };
    try {
      const one = await t.countStatements(() => get("/feeds/en/rss.xml", {}, createApp(options)));
      expect(one.statements).toHaveLength(2);
      const two = await t.countStatements(() => get("/feeds/en/rss.xml", {}, createApp(options)));
      expect(two.statements).toHaveLength(1);
      expect(two.result.headers.get("etag")).toBe(one.result.headers.get("etag"));
      expect(await two.result.text()).toBe(await one.result.text());
    } finally {
      await redis.quit();
    }
  });
});

describe("sitemaps", () => {
  it("index every public article once, in monthly pages split past the page size, with lastmod", async () => {
    const small = createApp({ db: t.db, now, feeds: { ...settings, sitemapPageSize: 3 } });
    const index = await small.fetch("http://lede.test/sitemap.xml");
    expect(index.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const xml = await index.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const pages = sitemapParser.parse(xml).sitemapindex.sitemap as { loc: string; lastmod: string }[];
    expect(pages.map((p) => p.loc)).toContain("https://lede.example.com/sitemaps/articles-2026-09-2.xml");
    // Counting the months reads every public article: a process does it at most once a minute.
    const again = await t.countStatements(async () => small.fetch("http://lede.test/sitemap.xml"));
    expect(again.statements).toHaveLength(0);
    clock += 61_000;
    const later = await t.countStatements(async () => small.fetch("http://lede.test/sitemap.xml"));
    expect(later.statements).toHaveLength(1);
    expect(await later.result.text()).toBe(xml);
    const seen: string[] = [];
    for (const page of pages) {
      const { result, statements } = await t.countStatements(() =>
        get(new URL(page.loc).pathname, {}, small),
      );
      expect(statements).toHaveLength(1);
      const urls: UrlEntry[] = sitemapParser.parse(await result.text()).urlset.url;
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(3);
      for (const url of urls) expect(Number.isNaN(Date.parse(url.lastmod as string))).toBe(false);
      seen.push(...urls.map((u) => u.loc));
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const seed of publishedSeeds) expect(seen).toContain(linkOf(seed));
    expect((await get("/sitemaps/articles-1999-01.xml")).status).toBe(404);
    expect((await get("/sitemaps/articles-2026-13.xml")).status).toBe(404);
    expect((await get("/sitemaps/articles-2026-09-1.xml")).status).toBe(404);
  });

  it("give Google News the articles of the last 48 hours with their publication, date and title", async () => {
    clock += HOUR;
    const recent = await article({ language: "FR", title: "Publié il y a peu" });
    const publishedAt = clock;
    clock = publishedAt + 47 * HOUR;
    const urls = await urlsOf("/sitemap-news.xml");
    const entry = urls.find((u) => u.loc === linkOf({ slug: recent.slug, language: "fr" }));
    expect(entry?.["news:news"]).toEqual({
      "news:publication": { "news:name": "Le Fil & <Tech>", "news:language": "fr" },
      "news:publication_date": new Date(publishedAt).toISOString(),
      "news:title": "Publié il y a peu",
    });
    for (const url of urls) {
      const news = url["news:news"];
      expect(news?.["news:publication"]["news:name"]).toBeTruthy();
      expect(["fr", "en"]).toContain(news?.["news:publication"]["news:language"]);
      expect(clock - Date.parse(news?.["news:publication_date"] as string)).toBeLessThanOrEqual(48 * HOUR);
      expect(news?.["news:title"]).toBeTruthy();
    }
    // The seeds are weeks old.
    expect(urls.map((u) => u.loc)).not.toContain(
      linkOf(publishedSeeds[0] as (typeof publishedSeeds)[number]),
    );
    clock = publishedAt + 49 * HOUR;
    expect((await urlsOf("/sitemap-news.xml")).map((u) => u.loc)).not.toContain(entry?.loc);
  });

  it("stop at 1,000 news URLs, newest first, and feeds at 50 items", async () => {
    const base = clock - 10 * HOUR;
    const rows = Array.from({ length: 1005 }, (_, i) => ({
      slug: `bulk-news-${i}`,
      language: "en" as const,
      title: `Bulk ${i}`,
      body: "Bulk.",
      bodyHtml: "<p>Bulk.</p>",
      status: "published" as const,
      publishedAt: new Date(base + i * 1000),
      updatedAt: new Date(base + i * 1000),
    }));
    await t.db.insert(articles).values(rows);
    const { result, statements } = await t.countStatements(() => get("/sitemap-news.xml"));
    expect(statements).toHaveLength(1);
    const urls: UrlEntry[] = sitemapParser.parse(await result.text()).urlset.url;
    expect(urls).toHaveLength(1000);
    expect(urls[0]?.loc).toBe(linkOf({ slug: "bulk-news-1004", language: "en" }));
    expect(urls.map((u) => u.loc)).not.toContain(linkOf({ slug: "bulk-news-4", language: "en" }));
    expect((await rssOf("/feeds/rss.xml")).items).toHaveLength(50);
    expect((await atomOf("/feeds/en/atom.xml")).entries).toHaveLength(50);
  });
});
