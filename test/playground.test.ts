// The GraphiQL playground: served whole by lede (no CDN), opening on tabs that run as they are.

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ExecutionResult, Kind, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaults } from "../src/config.ts";
import { seedArticles } from "../src/db/seed-content.ts";
import { playgroundTabs } from "../src/graphql/playground.ts";
import { createTestApp, driver, listenOnLoopback, type TestApp } from "./setup/app.ts";

const CHROMIUM = "/usr/bin/chromium";

let t: TestApp;
let listening: Awaited<ReturnType<typeof listenOnLoopback>>;
let base: string;

beforeAll(async () => {
  // The real operation limits: the ready operations must pass them as a visitor would send them.
  t = await createTestApp({ graphql: { limits: defaults.graphql.limits } });
  listening = await listenOnLoopback(t.app);
  base = listening.base;
});
afterAll(async () => {
  await listening.close();
  await t.close();
});

const publishedTitles = seedArticles.filter((a) => a.status === "published").map((a) => a.title);

async function run(query: string, operationName: string, variables: string | undefined) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, operationName, variables: variables ? JSON.parse(variables) : {} }),
  });
  return (await response.json()) as ExecutionResult<Record<string, { __typename?: string } | null>>;
}

describe("the playground's ready operations", () => {
  it("opens on the front page, an article page, posting a comment and subscribing to the newsletter", () => {
    const names = playgroundTabs.map((tab) =>
      parse(tab.query).definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : [],
      ),
    );
    expect(names).toEqual([
      ["FrontPage"],
      ["ArticlePage"],
      ["PostComment"],
      ["NewsletterConsent", "SubscribeToNewsletter"],
    ]);
  });

  it("each runs as it stands on the demo content, within the production limits", async () => {
    const results: Record<string, unknown> = {};
    for (const tab of playgroundTabs) {
      for (const definition of parse(tab.query).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const name = definition.name?.value as string;
        const result = await run(tab.query, name, tab.variables);
        expect(result.errors, name).toBeUndefined();
        results[name] = result.data;
      }
    }
    const frontPage = results.FrontPage as { articles: { nodes: { title: string }[] } };
    expect(publishedTitles).toEqual(expect.arrayContaining(frontPage.articles.nodes.map((a) => a.title)));
    expect(results).toMatchObject({
      FrontPage: {
        articles: { nodes: Array(5).fill(expect.objectContaining({ title: expect.any(String) })) },
      },
      ArticlePage: { article: { title: expect.any(String), bodyHtml: expect.stringContaining("<p>") } },
      PostComment: { postComment: { __typename: "PostCommentSuccess" } },
      NewsletterConsent: { newsletterConsent: { text: expect.any(String) } },
      SubscribeToNewsletter: {
        subscribeToNewsletter: { __typename: "SubscribeToNewsletterSuccess", ok: true },
      },
    });
  });

  it("serves a page that names no other host to load from", async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    const html = await response.text();
    expect(html).toContain("query FrontPage");
    // Attributes that make the browser fetch: every one is inline (data:) or relative.
    const fetched = [...html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(fetched.filter((url) => /^(https?:)?\/\//.test(url as string))).toEqual([]);
  });
});

// One browser launch runs the playground as a visitor would, with the network outside this
// machine cut off. The page does not depend on the database driver, so one project runs it.
const browserSkip = !existsSync(CHROMIUM)
  ? `skipped: ${CHROMIUM} is not installed (apt-get install chromium)`
  : driver !== "pglite"
    ? "skipped on this driver: the pglite project runs it"
    : null;

describe.skipIf(browserSkip !== null)(
  `the playground in Chromium${browserSkip ? ` (${browserSkip})` : ""}`,
  () => {
    it("loads with every request off this machine blocked, and runs the front page", async () => {
      const { launch } = await import("puppeteer-core");
      const profile = mkdtempSync(join(tmpdir(), "lede-chromium-"));
      const browser = await launch({
        executablePath: CHROMIUM,
        headless: true,
        userDataDir: profile,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      try {
        const page = await browser.newPage();
        // Wide enough that the result pane shows each title on one line.
        await page.setViewport({ width: 2400, height: 1200 });
        const blocked: string[] = [];
        const pageErrors: string[] = [];
        page.on("pageerror", (error) => pageErrors.push(String(error)));
        await page.setRequestInterception(true);
        page.on("request", (request) => {
          const url = new URL(request.url());
          if (
            ["data:", "blob:"].includes(url.protocol) ||
            ["127.0.0.1", "localhost"].includes(url.hostname)
          ) {
            void request.continue();
          } else {
            blocked.push(request.url());
            void request.abort("blockedbyclient");
          }
        });

        await page.goto(`${base}/graphql`, { waitUntil: "load" });
        const runButton = await page.waitForSelector(".graphiql-execute-button", { timeout: 30_000 });
        // The ready tabs are there, named after their operations.
        const tabs = await page.$$eval(".graphiql-tab-button", (elements) =>
          elements.map((e) => e.textContent?.trim()),
        );
        expect(tabs).toEqual(["FrontPage", "ArticlePage", "PostComment", "NewsletterConsent"]);

        await runButton?.click();
        const shown = await page.waitForFunction(
          (titles: string[]) => {
            // Monaco draws each line in its own element (in no set order), spaces as no-break spaces.
            const lines = [...document.querySelectorAll(".graphiql-response .view-line")].map(
              (line) => line.textContent?.replace(/\u00a0/g, " ") ?? "",
            );
            return titles.find((title) =>
              lines.some((line) => line.includes(`"title": ${JSON.stringify(title)}`)),
            );
          },
          { timeout: 30_000 },
          publishedTitles,
        );
        expect(publishedTitles).toContain(await shown.jsonValue());
        expect(blocked).toEqual([]);
        expect(pageErrors).toEqual([]);
      } finally {
        await browser.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }, 90_000);
  },
);
