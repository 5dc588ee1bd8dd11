// The morning digest: each active subscriber gets the articles of the last 24 hours that match
// their topics and language, once per date however many times and places the job runs, and no
// email at all when nothing matches.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVELOPMENT_SECRET, loadConfig } from "../src/config.ts";
import type { Language } from "../src/db/schema.ts";
import {
  articles,
  articleTags,
  images,
  newsletterDigestRuns,
  newsletterSubscribers,
  outbox,
} from "../src/db/schema.ts";
import { stableUuid } from "../src/db/stable-uuid.ts";
import { zonedInstant } from "../src/infra/zoned-time.ts";
import { dispatchOnce } from "../src/mail/dispatcher.ts";
import { fileTransport } from "../src/mail/transports.ts";
import {
  describeDigestRun,
  digestWindow,
  runDigest,
  startDigestScheduler,
} from "../src/modules/newsletter/digest.ts";
import { ensureManageToken, publishedArticlesBetween } from "../src/modules/newsletter/newsletter.repo.ts";
import {
  CONSENT_VERSION,
  defaultNewsletterSettings,
  newsletterSettingsFromConfig,
} from "../src/modules/newsletter/newsletter.settings.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, driver, type TestApp } from "./setup/app.ts";
import { runCli } from "./setup/cli.ts";
import { staffToken } from "./setup/factories.ts";
import { readMailDir, temporaryMailDir, tokenFrom } from "./setup/mail.ts";

const Preview = graphql(`
  query NewsletterDigestPreview($date: String!, $topics: [String!], $language: Language!) {
    newsletterDigestPreview(date: $date, topics: $topics, language: $language) {
      date
      from
      to
      wouldSend
      subject
      text
      html
      articles { slug }
    }
  }
`);

const ManageWithToken = graphql(`
  mutation NewsletterDigestManage($token: String!) {
    updateNewsletterPreferences(input: { token: $token, language: FR }) {
      __typename
    }
  }
`);

const settings = {
  ...defaultNewsletterSettings,
  publicUrl: "http://lede.test",
  articleUrl: "https://news.example/a/{slug}",
  mediaBase: "https://cdn.example/media",
};
// 07:00 in Paris on 10 February 2027 is 06:00 UTC: the window is [9 Feb 06:00Z, 10 Feb 06:00Z).
const DATE = "2027-02-10";

let t: TestApp;
let mailDir: string;
const ids: Record<string, string> = {};

async function addArticle(
  slug: string,
  language: Language,
  publishedAt: string,
  tags: string[],
  status = "published",
  coverImageId: string | null = null,
) {
  const [row] = await t.db
    .insert(articles)
    .values({
      slug,
      language,
      title: `Title of ${slug}`,
      lede: `Lede of ${slug} <b>& more</b>`,
      body: "Body",
      bodyHtml: "<p>Body</p>",
      status: status as "published",
      publishedAt: new Date(publishedAt),
      coverImageId,
    })
    .returning({ id: articles.id });
  if (tags.length) {
    await t.db
      .insert(articleTags)
      .values(tags.map((tag) => ({ articleId: row?.id as string, tagId: stableUuid(`tag:${tag}`) })));
  }
}

async function addSubscriber(
  label: string,
  values: {
    status?: "pending" | "active" | "unsubscribed";
    topics: string[];
    language: Language;
    manageToken?: boolean;
  },
) {
  const [row] = await t.db
    .insert(newsletterSubscribers)
    .values({
      email: `${label}@example.com`,
      status: values.status ?? "active",
      topics: values.topics,
      language: values.language,
      consentAt: new Date("2027-01-01T00:00:00Z"),
      consentTextVersion: CONSENT_VERSION,
    })
    .returning({ id: newsletterSubscribers.id });
  ids[label] = row?.id as string;
  if (values.manageToken !== false) {
    await ensureManageToken(t.db, {
      subscriberId: row?.id as string,
      secret: DEVELOPMENT_SECRET,
      now: new Date(),
    });
  }
}

const digests = () =>
  t.db.select().from(outbox).where(sql`${outbox.kind} = 'newsletter.digest'`).orderBy(outbox.idempotencyKey);

const digestOptions = { settings, secret: DEVELOPMENT_SECRET, now: () => new Date("2027-02-10T06:00:05Z") };

/** An image row as an upload leaves it (the digest reads only the row, never the bytes). */
async function addImage(
  name: string,
  values: { mimeType: string; width: number; height: number; alt: string; decorative?: boolean },
) {
  const [row] = await t.db
    .insert(images)
    .values({ ...values, contentHash: stableUuid(name), byteSize: 1000, placeholder: "AAAA" })
    .returning({ id: images.id });
  return row?.id as string;
}

beforeAll(async () => {
  t = await createTestApp({ newsletter: settings });
  mailDir = temporaryMailDir();
  // A seeded demo cover (a 1600×900 JPEG with alt text), a decorative PNG narrower than the
  // column, and a WebP, which most mail clients do not show.
  const [seeded] = await t.db.select().from(images).where(eq(images.mimeType, "image/jpeg")).limit(1);
  ids.seededCover = seeded?.id as string;
  ids.decorativeCover = await addImage("decorative", {
    mimeType: "image/png",
    width: 500,
    height: 300,
    alt: "Not read: the image is decorative",
    decorative: true,
  });
  ids.webpCover = await addImage("webp", {
    mimeType: "image/webp",
    width: 1200,
    height: 800,
    alt: 'Two "quoted" <rockets> & a moon',
  });
  await addArticle("fr-ai-morning", "fr", "2027-02-09T10:00:00Z", ["ai"], "published", ids.seededCover);
  await addArticle("en-space-evening", "en", "2027-02-09T20:00:00Z", ["space"], "published", ids.webpCover);
  await addArticle(
    "fr-security-dawn",
    "fr",
    "2027-02-10T05:59:59.999Z",
    ["security", "cloud"],
    "published",
    ids.decorativeCover,
  );
  await addArticle("fr-ai-too-late", "fr", "2027-02-10T06:00:00Z", ["ai"]);
  await addArticle("fr-ai-too-early", "fr", "2027-02-09T05:59:59.999Z", ["ai"]);
  await addArticle("fr-ai-draft", "fr", "2027-02-09T12:00:00Z", ["ai"], "draft");

  await addSubscriber("fr-ai", { topics: ["ai"], language: "fr" });
  await addSubscriber("fr-all", { topics: [], language: "fr", manageToken: false });
  await addSubscriber("en-space", { topics: ["space", "energy"], language: "en" });
  await addSubscriber("en-ai", { topics: ["ai"], language: "en" });
  await addSubscriber("fr-pending", { status: "pending", topics: [], language: "fr" });
  await addSubscriber("fr-gone", { status: "unsubscribed", topics: [], language: "fr" });
});
afterAll(async () => {
  await t.close();
  rmSync(mailDir, { recursive: true, force: true });
});

describe("the digest window", () => {
  it("runs from the previous send time to this one, in NEWSLETTER_TZ", () => {
    expect(digestWindow(DATE, settings)).toEqual({
      date: DATE,
      from: new Date("2027-02-09T06:00:00Z"),
      to: new Date("2027-02-10T06:00:00Z"),
    });
    // Summer time: 07:00 in Paris is 05:00 UTC.
    expect(digestWindow("2027-07-01", settings).to).toEqual(new Date("2027-07-01T05:00:00Z"));
    expect(digestWindow("2027-02-10", { sendAt: "06:30", timeZone: "America/Montreal" }).to).toEqual(
      new Date("2027-02-10T11:30:00Z"),
    );
  });

  it("is 23 or 25 hours across a clock change, so no article is missed or sent twice", () => {
    const spring = digestWindow("2027-03-28", settings);
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 3600_000);
    const autumn = digestWindow("2027-10-31", settings);
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * 3600_000);
    expect(zonedInstant("2027-10-31", "02:30", "Europe/Paris")).toEqual(new Date("2027-10-31T00:30:00Z"));
  });
});

describe("runDigest", () => {
  it("queues one digest per subscriber with matching articles, even when two runs race", async () => {
    const [first, second] = await Promise.all([
      runDigest({ db: t.db, date: DATE, ...digestOptions }),
      runDigest({ db: t.db, date: DATE, ...digestOptions }),
    ]);
    expect(first.queued + second.queued).toBe(3);
    expect(first).toMatchObject({ date: DATE, articles: 3, subscribers: 4, withoutArticles: 1 });

    const rows = await digests();
    expect(rows.map((row) => row.idempotencyKey).sort()).toEqual(
      [ids["fr-ai"], ids["fr-all"], ids["en-space"]].map((id) => `digest:${id}:${DATE}`).sort(),
    );
    const byRecipient = Object.fromEntries(rows.map((row) => [row.recipient, row]));
    expect(byRecipient["fr-ai@example.com"]?.textBody).toContain("Title of fr-ai-morning");
    expect(byRecipient["fr-ai@example.com"]?.textBody).not.toContain("fr-security-dawn");
    const all = byRecipient["fr-all@example.com"]?.textBody ?? "";
    expect(all).toContain("https://news.example/a/fr-ai-morning");
    expect(all).toContain("https://news.example/a/fr-security-dawn");
    for (const excluded of ["too-late", "too-early", "draft", "en-space"])
      expect(all).not.toContain(excluded);
    expect(byRecipient["en-space@example.com"]).toMatchObject({
      subject: "Your morning brief: Wednesday, 10 February 2027 (1 article)",
      textBody: expect.stringContaining("Title of en-space-evening"),
    });

    const run = await t.db.select().from(newsletterDigestRuns).where(eq(newsletterDigestRuns.date, DATE));
    expect(run).toEqual([{ date: DATE, completedAt: expect.any(Date), subscribers: 4, emails: 3 }]);
  });

  it("queues nothing new when run again", async () => {
    const before = await digests();
    const report = await runDigest({ db: t.db, date: DATE, ...digestOptions });
    expect(report.queued).toBe(0);
    expect(await digests()).toEqual(before);
  });

  it("sends no email to anyone on a day without matching articles", async () => {
    const report = await runDigest({ db: t.db, date: "2027-02-20", ...digestOptions });
    expect(report).toMatchObject({ articles: 0, queued: 0 });
    expect((await digests()).filter((row) => row.idempotencyKey.endsWith("2027-02-20"))).toEqual([]);
    // The reason, not "0 active subscribers".
    expect(report.subscribers).toBe(4);
    expect(describeDigestRun(report, settings)).toBe(
      "digest 2027-02-20: no articles published from 2027-02-19T06:00:00.000Z to 2027-02-20T06:00:00.000Z; " +
        "nothing sent to 4 active subscribers",
    );
  });

  it("writes HTML and text with the manage and unsubscribe links, and RFC 8058 headers", async () => {
    const transport = fileTransport(mailDir, { from: settings.mailFrom, messageIdDomain: "lede.test" });
    const now = () => new Date("2027-02-10T06:01:00Z");
    while ((await dispatchOnce({ db: t.db, transport, now })).claimed > 0);
    const mail = readMailDir(mailDir).find((m) => m.headers.to === "fr-all@example.com");
    expect(mail?.headers).toMatchObject({
      subject: "Le brief du matin : mercredi 10 février 2027 (2 articles)",
      "list-unsubscribe-post": "List-Unsubscribe=One-Click",
    });
    const manage = tokenFrom(mail?.text ?? "", "/newsletter/manage");
    expect(tokenFrom(mail?.text ?? "", "/newsletter/unsubscribe")).toBe(manage);
    expect(mail?.headers["list-unsubscribe"]).toBe(
      `<http://lede.test/newsletter/unsubscribe?token=${manage}>`,
    );
    expect(mail?.html).toContain(`href="http://lede.test/newsletter/manage?token=${manage}"`);
    expect(mail?.html).toContain('<a href="https://news.example/a/fr-ai-morning">Title of fr-ai-morning</a>');
    // Article text is escaped in HTML.
    expect(mail?.html).toContain("Lede of fr-ai-morning &lt;b&gt;&amp; more&lt;/b&gt;");
    expect(mail?.html).not.toContain("<b>& more</b>");
    // The link's token works.
    const result = await t.execute(ManageWithToken, { token: manage });
    expect(result.data?.updateNewsletterPreferences.__typename).toBe("UpdateNewsletterPreferencesSuccess");
  });
});

describe("cover images", () => {
  it("shows each cover in the HTML, sized for the column, in a format mail clients show, never in the text", async () => {
    const mails = readMailDir(mailDir);
    const fr = mails.find((m) => m.headers.to === "fr-all@example.com");
    const [seeded] = await t.db
      .select()
      .from(images)
      .where(eq(images.id, ids.seededCover as string));
    expect(seeded).toMatchObject({ width: 1600, height: 900, alt: expect.stringMatching(/illustration/) });
    // 1600 wide: the 640 rendition, shown 552 wide (the column), in its own JPEG.
    expect(fr?.html).toContain(
      `<img src="https://cdn.example/media/${ids.seededCover}/640.jpg" width="552" height="311" alt="${seeded?.alt}"`,
    );
    // 500 wide: its own width, never enlarged; decorative, so an empty alt.
    expect(fr?.html).toContain(
      `<img src="https://cdn.example/media/${ids.decorativeCover}/500.png" width="500" height="300" alt=""`,
    );
    // WebP: a PNG rendition, and the alt text escaped.
    const en = mails.find((m) => m.headers.to === "en-space@example.com");
    expect(en?.html).toContain(
      `<img src="https://cdn.example/media/${ids.webpCover}/640.png" width="552" height="368" alt="Two &quot;quoted&quot; &lt;rockets&gt; &amp; a moon"`,
    );
    for (const mail of [fr, en]) expect(mail?.text).not.toContain("/media/");
  });

  it("points the covers at MEDIA_PUBLIC_URL when set, else at PUBLIC_URL/media", () => {
    const base = { PUBLIC_URL: "https://api.example" };
    expect(newsletterSettingsFromConfig(loadConfig(base)).mediaBase).toBe("https://api.example/media");
    const cdn = loadConfig({ ...base, MEDIA_PUBLIC_URL: "https://img.example/m/" });
    expect(newsletterSettingsFromConfig(cdn).mediaBase).toBe("https://img.example/m");
  });

  it("reads the covers in the articles' statement: as many statements for one article as for three", async () => {
    const window = digestWindow(DATE, settings);
    const one = await t.countStatements(() =>
      publishedArticlesBetween(t.db, window.from, new Date("2027-02-09T11:00:00Z")),
    );
    const three = await t.countStatements(() => publishedArticlesBetween(t.db, window.from, window.to));
    expect(one.result.map((article) => article.cover?.id)).toEqual([ids.seededCover]);
    expect(three.result.map((article) => article.cover?.id)).toEqual([
      ids.decorativeCover,
      ids.webpCover,
      ids.seededCover,
    ]);
    expect(three.statements.length).toBe(one.statements.length);
    expect(three.statements.length).toBe(2);
  });
});

describe("the scheduler", () => {
  it("runs today's digest once it is due, and only once", async () => {
    const date = "2027-02-12";
    await addArticle("fr-ai-for-the-scheduler", "fr", "2027-02-11T09:00:00Z", ["ai"]);
    const runs = async () =>
      t.db.select().from(newsletterDigestRuns).where(eq(newsletterDigestRuns.date, date));

    // 06:59 in Paris: not yet.
    let scheduler = startDigestScheduler({
      db: t.db,
      ...digestOptions,
      now: () => new Date("2027-02-12T05:59:00Z"),
    });
    await scheduler.stop();
    expect(await runs()).toEqual([]);

    // 07:00: runs, and records the run.
    scheduler = startDigestScheduler({
      db: t.db,
      ...digestOptions,
      now: () => new Date("2027-02-12T06:00:00Z"),
    });
    await scheduler.stop();
    expect(await runs()).toMatchObject([{ emails: 2 }]);
    const queued = (await digests()).filter((row) => row.idempotencyKey.endsWith(date));
    expect(queued.map((row) => row.recipient).sort()).toEqual(["fr-ai@example.com", "fr-all@example.com"]);

    // Later that day (another process, or a restart): the run is recorded, so it is not repeated.
    const before = await runs();
    scheduler = startDigestScheduler({
      db: t.db,
      ...digestOptions,
      now: () => new Date("2027-02-12T15:00:00Z"),
    });
    await scheduler.stop();
    expect(await runs()).toEqual(before);
  });
});

describe("newsletterDigestPreview", () => {
  it("shows editors what a subscriber with these topics and language would get", async () => {
    const token = await staffToken(t, "editor");
    const { data, errors } = await t.execute(
      Preview,
      { date: DATE, topics: ["ai"], language: "FR" },
      { token },
    );
    expect(errors).toBeUndefined();
    expect(data?.newsletterDigestPreview).toMatchObject({
      date: DATE,
      from: "2027-02-09T06:00:00.000Z",
      to: "2027-02-10T06:00:00.000Z",
      wouldSend: true,
      subject: "Le brief du matin : mercredi 10 février 2027 (1 article)",
      text: expect.stringContaining("Title of fr-ai-morning"),
      html: expect.stringContaining("Title of fr-ai-morning"),
      articles: [{ slug: "fr-ai-morning" }],
    });
    const everything = await t.execute(Preview, { date: DATE, language: "FR" }, { token });
    expect(everything.data?.newsletterDigestPreview.articles).toEqual([
      { slug: "fr-security-dawn" },
      { slug: "fr-ai-morning" },
    ]);
  });

  it("says when nothing would be sent", async () => {
    const token = await staffToken(t, "admin");
    const { data } = await t.execute(Preview, { date: DATE, topics: ["energy"], language: "FR" }, { token });
    expect(data?.newsletterDigestPreview).toMatchObject({
      wouldSend: false,
      subject: null,
      html: null,
      articles: [],
    });
  });

  it("is for editors and admins only, and refuses a bad date or topic", async () => {
    const anonymous = await t.execute(Preview, { date: DATE, language: "FR" });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const author = await t.execute(
      Preview,
      { date: DATE, language: "FR" },
      { token: await staffToken(t, "author") },
    );
    expect(author.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const token = await staffToken(t, "editor");
    for (const variables of [
      { date: "2027-02-30", language: "FR" as const },
      { date: "10/02/2027", language: "FR" as const },
      { date: DATE, topics: ["knitting"], language: "FR" as const },
    ]) {
      const { errors } = await t.execute(Preview, variables, { token });
      expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("npm run lede -- digest", () => {
  it("queues a date's digest by hand, and refuses a bad date", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lede-digest-cli-"));
    try {
      const env: Record<string, string> =
        driver === "postgres"
          ? { DATABASE_URL: t.handle.url as string, LEDE_DATA_DIR: dataDir }
          : { LEDE_DATA_DIR: dataDir, LEDE_SEED_DEMO: "false" };
      const result = await runCli(["digest", "--date", DATE], env);
      expect(result.stderr).toContain(`digest ${DATE}:`);
      expect(result.code).toBe(0);
      // Against this file's database, the date is done already: nothing new. A fresh one is empty.
      expect(JSON.parse(result.stdout)).toMatchObject({ date: DATE, queued: 0 });

      const bad = await runCli(["digest", "--date", "2027-13-01"], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("--date must be a date written YYYY-MM-DD");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Child processes starting PGlite (initdb, WebAssembly) take seconds, more on a busy machine.
  }, 90_000);
});

describe("the digest's articles", () => {
  it("leave out a deleted article, even one published in the window", async () => {
    const window = digestWindow(DATE, defaultNewsletterSettings);
    const inWindow = new Date(window.from.getTime() + 60_000).toISOString();
    await addArticle("deleted-before-the-digest", "en", inWindow, []);
    const before = await publishedArticlesBetween(t.db, window.from, window.to);
    expect(before.map((a) => a.slug)).toContain("deleted-before-the-digest");
    await t.db
      .update(articles)
      .set({ deletedAt: new Date() })
      .where(eq(articles.slug, "deleted-before-the-digest"));
    const after = await publishedArticlesBetween(t.db, window.from, window.to);
    expect(after.map((a) => a.slug)).not.toContain("deleted-before-the-digest");
  });
});
