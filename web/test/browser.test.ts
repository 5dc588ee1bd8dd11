// The reader site in headless Chromium, against lede run with PERSISTED_DOCUMENTS_ONLY=true on the
// demo content: what a reader sees and does, with JavaScript and without.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type Browser, launch, type Page } from "puppeteer-core";
import { type SeedComment, seedArticles } from "../../src/db/seed-content.ts";
import {
  CHROMIUM,
  decodeQuotedPrintable,
  RESULTS_DIR,
  staffDocuments,
  startWorld,
  type World,
} from "./setup.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// The article the page was modelled on: quotes with speaker and role, sources, threaded comments.
const featured = seedArticles[0] as (typeof seedArticles)[number];
const approvedCount = (comments: SeedComment[]): number =>
  comments.reduce((n, c) => n + (c.status === "approved" ? 1 + approvedCount(c.replies ?? []) : 0), 0);

let world: World;
let browser: Browser;
let readers = 0;

before(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  world = await startWorld();
  browser = await launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close();
  await world?.stop();
});

/** A page for a new reader: its own address (as a CDN in front of the site would forward it). */
async function readerPage(options: { javaScript: boolean }): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  readers += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${readers}` });
  await page.setJavaScriptEnabled(options.javaScript);
  await page.setViewport({ width: 1280, height: 900 });
  return page;
}

const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element.textContent ?? "").replace(/\s+/g, " ").trim());
const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) => elements.map((e) => (e.textContent ?? "").replace(/\s+/g, " ").trim()));

async function pendingComments(articleId: string) {
  const data = await world.staff<{
    moderationQueue: { nodes: { id: string; body: string; status: string }[] };
  }>(staffDocuments.moderationQueue, { articleId });
  return data.moderationQueue.nodes;
}

async function articleIdOf(page: Page): Promise<string> {
  return page.$eval("live-comments", (element) => (element as HTMLElement).dataset.articleId ?? "");
}

async function fillCommentForm(page: Page, values: { body: string; name: string; email: string }) {
  await page.type("#comment-body", values.body);
  await page.type("#comment-name", values.name);
  await page.type("#comment-email", values.email);
  await Promise.all([page.waitForNavigation(), page.click("#comment-form button[type=submit]")]);
}

async function newestEml(before: Set<string>): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const fresh = readdirSync(world.mailDir).filter((name) => name.endsWith(".eml") && !before.has(name));
    if (fresh.length === 1) return readFileSync(join(world.mailDir, fresh[0] as string), "utf8");
    assert.ok(fresh.length <= 1, `one email expected, got ${fresh.length}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("no confirmation email was written");
}

describe("the reader site", () => {
  it("runs against lede in persisted-documents-only mode", async () => {
    const refused = await world.sendText(staffDocuments.notPersisted);
    const body = await refused.text();
    assert.match(body, /PERSISTED|persisted/i, "lede should refuse a document that is not persisted");
  });

  it("front page -> article page: title, lede, quotes with speaker and role, (Source), comments as counted", async () => {
    const page = await readerPage({ javaScript: true });
    const response = await page.goto(`${world.site}/`);
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()["cache-control"] ?? "", /s-maxage=\d+.*stale-while-revalidate=\d+/);
    assert.ok((await page.$$(".card")).length >= 5, "the front page lists articles");
    assert.ok(
      (await page.$$(".card picture source[type='image/avif']")).length > 0,
      "cards show their covers",
    );
    await page.screenshot({ path: join(RESULTS_DIR, "front-page.png"), fullPage: true });

    // Older pages by cursor, until the featured article's card.
    let link = await page.$(`.card h2 a[href="/articles/${featured.slug}"]`);
    for (let pages = 0; !link && pages < 10; pages++) {
      await Promise.all([page.waitForNavigation(), page.click("a[rel=next]")]);
      link = await page.$(`.card h2 a[href="/articles/${featured.slug}"]`);
    }
    assert.ok(link, "the featured article is on a page of the front page");
    await Promise.all([page.waitForNavigation(), link.click()]);

    assert.equal(await text(page, "h1"), featured.title);
    assert.equal(await text(page, ".article .lede"), featured.lede);
    const quotes = await texts(page, ".quote");
    for (const quote of featured.quotes) {
      const shown = quotes.find((q) => q.includes(quote.text));
      assert.ok(shown, `quote "${quote.text}" is shown`);
      assert.ok(
        shown.includes(quote.speaker) && shown.includes(quote.speakerRole ?? ""),
        "with speaker and role",
      );
    }
    const sourceLinks = await page.$$eval(".source-link", (links) =>
      links.map((a) => ({ text: a.textContent, href: (a as HTMLAnchorElement).href })),
    );
    assert.deepEqual(
      sourceLinks,
      featured.sources.map((s) => ({ text: "(Source)", href: s.url })),
    );
    assert.match(await text(page, ".follow"), /RSS/);
    assert.match(await text(page, ".newsletter"), /recevez chaque matin un résumé de l'actu tech/);
    const shownComments = (await page.$$("li.comment")).length;
    assert.equal(shownComments, approvedCount(featured.comments));
    assert.equal(await text(page, "#comments-title"), `${shownComments} commentaires`);
    assert.ok((await page.$$(".comments ol ol li.comment")).length > 0, "replies are nested");
    assert.match(await text(page, "#comment-form"), /Votre adresse e-mail ne sera pas publiée/);
    assert.deepEqual(await texts(page, "#comment-form label[for^=comment-] .required"), ["*", "*", "*"]);
    await page.screenshot({ path: join(RESULTS_DIR, "article-page.png"), fullPage: true });
    await page.close();
  });

  it("tells search engines and news apps what the article is", async () => {
    const response = await fetch(`${world.site}/articles/${featured.slug}`);
    assert.match(
      response.headers.get("cache-control") ?? "",
      /public, .*s-maxage=60, stale-while-revalidate=600/,
    );
    const html = await response.text();
    const canonical = `${world.site}/articles/${featured.slug}`;
    assert.ok(html.includes(`<link rel="canonical" href="${canonical}">`));
    assert.ok(html.includes(`<link rel="alternate" hreflang="fr" href="${canonical}">`));
    assert.match(html, /<meta property="og:image" content="http[^"]+\/media\/[^"]+">/);
    assert.match(html, /<meta name="twitter:card" content="summary_large_image">/);
    assert.match(html, /<meta name="description" content="La start-up grenobloise/);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}");
    assert.equal(ld["@type"], "NewsArticle");
    assert.equal(ld.headline, featured.title);
    assert.match(ld.image[0], /\/media\//);
    assert.equal(ld.datePublished, new Date(featured.publishedAt as string).toISOString());
    assert.ok(ld.dateModified);
    assert.deepEqual(
      ld.author.map((a: { url: string }) => a.url),
      featured.authorSlugs.map((slug) => `${world.site}/authors/${slug}`),
    );
    assert.equal(ld.publisher["@type"], "Organization");
    // The cover as a <picture>, AVIF and WebP beside the image's own format.
    assert.match(html, /<picture><source type="image\/avif" srcset="[^"]+ 320w/);
    // A missing article is a 404 page, not an empty 200; crawlers find the sitemaps.
    assert.equal((await fetch(`${world.site}/articles/no-such-article`)).status, 404);
    assert.match(await (await fetch(`${world.site}/robots.txt`)).text(), /^Sitemap: http.+\/sitemap\.xml$/m);
  });

  it("follows in a news reader: the site serves lede's feeds and news sitemap, linking to its own pages", async () => {
    const feed = await fetch(`${world.site}/feeds/rss.xml`);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get("content-type") ?? "", /xml/);
    const xml = await feed.text();
    assert.match(xml, /<rss[^>]+version="2.0"/);
    // The item of the featured article links to the site's article page, not to lede.
    assert.ok(
      xml.includes(`<link>${world.site}/articles/${featured.slug}</link>`),
      "the item links to the site",
    );
    // Conditional GET passes through: an unchanged feed is a 304 with no body.
    const etag = feed.headers.get("etag");
    assert.ok(etag);
    const again = await fetch(`${world.site}/feeds/rss.xml`, { headers: { "if-none-match": etag } });
    assert.equal(again.status, 304);
    const news = await fetch(`${world.site}/sitemap-news.xml`);
    assert.equal(news.status, 200);
    assert.match(await news.text(), /<urlset[^>]+xmlns:news=/);
    // A tag's feed, and a 404 for a tag that does not exist.
    const tag = featured.tagSlugs[0] as string;
    assert.equal((await fetch(`${world.site}/feeds/tags/${tag}/atom.xml`)).status, 200);
    assert.equal((await fetch(`${world.site}/feeds/tags/no-such-tag/rss.xml`)).status, 404);
  });

  it("a first-time comment waits for moderation, then appears live once approved", async () => {
    const page = await readerPage({ javaScript: true });
    await page.goto(`${world.site}/articles/${featured.slug}`);
    const articleId = await articleIdOf(page);
    const before = (await page.$$("li.comment")).length;
    const body = "Première fois ici : est-ce que la cellule tient vraiment à -20 °C ?";
    await fillCommentForm(page, { body, name: "Aline Vasseur", email: "aline.vasseur@example.org" });
    assert.match(await text(page, "#comment-result"), /en attente de modération/);
    assert.ok(!(await page.content()).includes(body), "a pending comment is not shown");
    assert.equal((await page.$$("li.comment")).length, before);
    await page.waitForSelector("live-comments[data-live=connected]");
    // Time for the stream to reach lede before the approval is published.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const pending = (await pendingComments(articleId)).find((c) => c.body === body);
    assert.ok(pending, "the comment is in the moderation queue");
    await world.staff(staffDocuments.approve, { commentId: pending.id });

    await page.waitForSelector(`[id="comment-${pending.id}"]`, { timeout: 10_000 }).catch(() => null);
    const live = await page.$(`[id="comment-${pending.id}"]`);
    assert.ok(live, "the approved comment appears without a reload");
    assert.equal(await live.$eval(".comment-body", (e) => e.textContent), body);
    const shown = (await page.$$("li.comment")).length;
    assert.equal(shown, before + 1);
    assert.equal(await text(page, "#comments-title"), `${shown} commentaires`);
    await page.close();
  });

  it("without JavaScript: field errors beside their fields, pending message, Répondre sets the parent", async () => {
    const page = await readerPage({ javaScript: false });
    await page.goto(`${world.site}/articles/${featured.slug}`);
    const articleId = await articleIdOf(page);
    // A bad address: the error sits under the email field, what was typed is kept.
    await fillCommentForm(page, {
      body: "Un avis tranché.",
      name: "Bruno Lagarde",
      email: "bruno-at-example",
    });
    assert.match(await text(page, "#authorEmail-error"), /adresse e-mail n'est pas valide/);
    assert.equal(
      await page.$eval("#comment-body", (e) => (e as HTMLTextAreaElement).value),
      "Un avis tranché.",
    );
    assert.equal(
      await page.$eval("#comment-email", (e) => e.getAttribute("aria-describedby")),
      "authorEmail-error",
    );

    // Répondre: the form now replies to that comment.
    const firstReply = await page.$eval("a.reply-link", (a) => (a as HTMLAnchorElement).href);
    const parentId = new URL(firstReply).searchParams.get("reply") as string;
    await page.goto(firstReply);
    assert.equal(await page.$eval("input[name=parentId]", (e) => (e as HTMLInputElement).value), parentId);
    const body = "Sans JavaScript, je réponds quand même.";
    await fillCommentForm(page, { body, name: "Bruno Lagarde", email: "bruno.lagarde@example.org" });
    assert.match(page.url(), /\?comment=pending#comment-result$/);
    assert.match(await text(page, "#comment-result"), /en attente de modération/);
    assert.ok(!(await page.content()).includes(body));

    const pending = (await pendingComments(articleId)).find((c) => c.body === body);
    assert.ok(pending);
    await world.staff(staffDocuments.approve, { commentId: pending.id });
    await page.goto(`${world.site}/articles/${featured.slug}`);
    const reply = await page.$(`[id="comment-${parentId}"] > ol > [id="comment-${pending.id}"]`);
    assert.ok(reply, "the approved reply sits under its parent");
    assert.equal(await text(page, "#comments-title"), `${(await page.$$("li.comment")).length} commentaires`);
    await page.close();
  });

  it("counts each reader on their own address: the flood limit stops one reader, not the next", async () => {
    const first = await readerPage({ javaScript: false });
    await first.goto(`${world.site}/articles/${featured.slug}`);
    await fillCommentForm(first, { body: "Un.", name: "Clara Nguyen", email: "clara.nguyen@example.org" });
    assert.match(await text(first, "#comment-result"), /en attente/);
    await first.goto(`${world.site}/articles/${featured.slug}`);
    await fillCommentForm(first, { body: "Deux.", name: "Clara Nguyen", email: "clara.n2@example.org" });
    assert.match(await text(first, ".notice.warn"), /trop vite|un peu vite/);
    const second = await readerPage({ javaScript: false });
    await second.goto(`${world.site}/articles/${featured.slug}`);
    await fillCommentForm(second, { body: "Trois.", name: "Denis Roy", email: "denis.roy@example.org" });
    assert.match(await text(second, "#comment-result"), /en attente/);
    await first.close();
    await second.close();
  });

  for (const javaScript of [true, false]) {
    it(`newsletter ${javaScript ? "with" : "without"} JavaScript: one message for new and known addresses; the emailed link confirms`, async () => {
      const page = await readerPage({ javaScript });
      const address = `lecteur-${javaScript ? "js" : "nojs"}@example.org`;
      const messages: string[] = [];
      let eml = "";
      for (const attempt of [1, 2]) {
        const known = new Set(readdirSync(world.mailDir));
        await page.goto(`${world.site}/articles/${featured.slug}`);
        await page.type("#box-email", address);
        await page.click(".newsletter input[name=consent]");
        await Promise.all([page.waitForNavigation(), page.click(".newsletter button[type=submit]")]);
        assert.equal(new URL(page.url()).pathname, "/newsletter/thanks");
        messages.push(await text(page, "#newsletter-result"));
        if (attempt === 1) eml = await newestEml(known);
      }
      assert.equal(messages[0], messages[1]);
      assert.match(messages[0] as string, /e-mail de confirmation/);
      const link = /(http:\/\/[^\s"<>]+\/newsletter\/confirm\?token=[\w-]+)/.exec(
        decodeQuotedPrintable(eml),
      )?.[1];
      assert.ok(link, "the email carries the confirmation link");
      await page.goto(link);
      await Promise.all([page.waitForNavigation(), page.click("form button[type=submit]")]);
      assert.match(await text(page, "h1"), /Abonnement confirmé|Subscription confirmed/);
      await page.close();
    });
  }

  it("search shows highlighted snippets and forgives a typo", async () => {
    const page = await readerPage({ javaScript: false });
    await page.goto(`${world.site}/search?q=sodiun`);
    assert.match(await text(page, "[role=status]"), /résultats pour « sodium »/);
    assert.ok((await page.$$(".results .snippet mark")).length > 0, "snippets mark the matched words");
    await page.close();
  });

  it("axe-core finds no serious or critical violation on any page type", async () => {
    const paths = [
      "/",
      "/en/",
      `/articles/${featured.slug}`,
      `/articles/${featured.slug}?comment=pending`,
      `/articles/${featured.slug}?reply=x#comment-form`,
      `/articles/${seedArticles.find((a) => a.language === "en" && a.status === "published")?.slug}`,
      `/tags/${featured.tagSlugs[0]}`,
      `/authors/${featured.authorSlugs[0]}`,
      "/search?q=sodium",
      "/newsletter",
      "/newsletter/thanks",
      "/en/newsletter",
      "/nowhere",
    ];
    const page = await readerPage({ javaScript: true });
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${world.site}${path}`);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        return (await axe.run()).violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
        }));
      });
      for (const v of violations)
        if (v.impact === "serious" || v.impact === "critical")
          found.push(`${path}: ${v.id} (${v.impact}, ${v.nodes})`);
    }
    assert.deepEqual(found, []);
    await page.close();
  });
});
