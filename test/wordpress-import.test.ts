// Moving in from WordPress: a hand-written WXR export (French, Gutenberg and classic bodies, every
// status) imported into a seeded database, checked in the database and through the API; then the
// bad input the issue lists, each with the database checked after the refusal.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaults } from "../src/config.ts";
import {
  articleImages,
  articles,
  authors,
  comments,
  quotes,
  redirects,
  sources,
  tags,
  webhookEvents,
  webhooks,
  wordpressItems,
} from "../src/db/schema.ts";
import { hashIp } from "../src/infra/client-info.ts";
import { mediaSettingsFromConfig } from "../src/modules/media/media.setup.ts";
import { publishedArticlesBetween } from "../src/modules/newsletter/newsletter.repo.ts";
import { writeRedirectsFile } from "../src/modules/wordpress-import/wordpress-import.redirects.ts";
import {
  type ImportReport,
  importWordpress,
  type WordpressImportOptions,
} from "../src/modules/wordpress-import/wordpress-import.service.ts";
import { WxrError } from "../src/modules/wordpress-import/wxr.reader.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, driver, type TestApp } from "./setup/app.ts";
import { runCli } from "./setup/cli.ts";
import { staffToken } from "./setup/factories.ts";
import { importedRowCounts, wordpressImportServices } from "./setup/wordpress.ts";

const FIXTURE = "test/fixtures/wordpress/blog-fr-1.2.xml";
const UPLOADS = "test/fixtures/wordpress/uploads";
const SECRET = "wordpress-import-test-secret-of-forty-characters";

const ArticleForReaders = graphql(`
  query ImportedArticle($slug: String!) {
    article(slug: $slug) {
      slug title lede status publishedAt commentCount commentsOpen
      author { slug name }
      tags { slug name }
      quotes { speaker speakerRole text }
      sources { title publisher url }
      coverImage { alt caption credit width height }
      comments(first: 20) { nodes { authorName body replies(first: 20) { nodes { authorName } } } }
    }
  }
`);

const Redirects = graphql(`
  query ImportRedirects($first: Int, $after: String) {
    redirects(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { from to article { slug } }
    }
  }
`);

const SearchImported = graphql(`
  query SearchImported($query: String!) {
    search(query: $query) { totalCount nodes { slug } }
  }
`);

let t: TestApp;
let mediaDir: string;
let work: string;
const cacheCalls: string[] = [];

const services = () =>
  wordpressImportServices({
    db: t.db,
    mediaDir,
    secret: SECRET,
    cache: {
      articleListsChanged: async () => void cacheCalls.push("articles"),
      authorListsChanged: async () => void cacheCalls.push("authors"),
      tagsChanged: async () => void cacheCalls.push("tags"),
    },
  });

const runImport = (options: Partial<WordpressImportOptions> = {}) =>
  importWordpress(services(), { file: FIXTURE, uploadsDir: UPLOADS, ...options });

const rowCounts = () => importedRowCounts(t.db);

const totals = (report: ImportReport, kind: keyof ImportReport["kinds"]) => report.kinds[kind];
const articleBySlug = async (slug: string) => {
  const [row] = await t.db.select().from(articles).where(eq(articles.slug, slug));
  return row;
};

/** A small export of `version`, with one post; `authors` says whether it lists wp:author. */
function smallExport(version: string, options: { authors?: boolean; creator?: string; body?: string } = {}) {
  const creator = options.creator ?? "ines";
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/${version}/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/${version}/">
<channel>
  <title>Carnet ${version}</title>
  <link>https://carnet-${version.replace(".", "-")}.example.org</link>
  <language>fr-FR</language>
  <wp:wxr_version>${version}</wp:wxr_version>
  <wp:base_site_url>https://carnet-${version.replace(".", "-")}.example.org</wp:base_site_url>
  <wp:base_blog_url>https://carnet-${version.replace(".", "-")}.example.org</wp:base_blog_url>
  ${options.authors === false ? "" : "<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[ines]]></wp:author_login><wp:author_email><![CDATA[ines@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Inès Caron]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>"}
  <item>
    <title>Version ${version} : un billet</title>
    <link>https://carnet-${version.replace(".", "-")}.example.org/un-billet-${version.replace(".", "-")}/</link>
    <dc:creator><![CDATA[${creator}]]></dc:creator>
    <guid isPermaLink="false">https://carnet-${version.replace(".", "-")}.example.org/?p=5</guid>
    <content:encoded><![CDATA[${options.body ?? "Un billet écrit avant Gutenberg."}]]></content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>5</wp:post_id>
    <wp:post_date>2010-05-01 10:00:00</wp:post_date>
    <wp:post_date_gmt>2010-05-01 08:00:00</wp:post_date_gmt>
    <wp:comment_status>open</wp:comment_status>
    <wp:post_name>un-billet-${version.replace(".", "-")}</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <category><![CDATA[Divers]]></category>
    <category domain="category" nicename="divers"><![CDATA[Divers]]></category>
  </item>
</channel>
</rss>`;
}

function writeWork(name: string, text: string): string {
  const file = join(work, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(async () => {
  t = await createTestApp({ secret: SECRET });
  mediaDir = mkdtempSync(join(tmpdir(), "lede-wp-media-"));
  work = mkdtempSync(join(tmpdir(), "lede-wp-"));
});

afterAll(async () => {
  await t?.close();
  rmSync(mediaDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("bad input is refused whole, before anything is written", () => {
  it("malformed XML: the error names the line and column, and nothing is written", async () => {
    const before = await rowCounts();
    const broken = readFileSync(FIXTURE, "utf8").replace(
      "<wp:post_id>11</wp:post_id>",
      "<wp:post_id>11</wp:post_i>",
    );
    const file = writeWork("broken.xml", broken);
    const line = broken.split("\n").findIndex((text) => text.includes("</wp:post_i>")) + 1;
    const error = await runImport({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WxrError);
    expect((error as WxrError).line).toBe(line);
    expect((error as WxrError).column).toBeGreaterThan(0);
    expect((error as Error).message).toMatch(
      new RegExp(`not well-formed XML.*\\(line ${line}, column \\d+\\)`),
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("a file cut short is malformed too, and writes nothing", async () => {
    const before = await rowCounts();
    const text = readFileSync(FIXTURE, "utf8");
    const file = writeWork("cut.xml", text.slice(0, Math.floor(text.length * 0.7)));
    await expect(runImport({ file })).rejects.toThrow(/not well-formed XML/);
    expect(await rowCounts()).toEqual(before);
  });

  it("a file that is not a WordPress export", async () => {
    const rss = writeWork(
      "feed.xml",
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Un flux</title><item><title>x</title></item></channel></rss>',
    );
    await expect(runImport({ file: rss })).rejects.toThrow(/not a WordPress export.*xmlns:wp/);
    const html = writeWork("page.xml", "<html><body><p>Bonjour</p></body></html>");
    await expect(runImport({ file: html })).rejects.toThrow(/not a WordPress export: the document is <html>/);
    const future = writeWork(
      "future.xml",
      smallExport("1.2").replace("<wp:wxr_version>1.2<", "<wp:wxr_version>2.0<"),
    );
    await expect(runImport({ file: future })).rejects.toThrow(/WXR version 2.0 is not one lede reads/);
  });

  it("a 0-byte file", async () => {
    const file = writeWork("empty.xml", "");
    await expect(runImport({ file })).rejects.toThrow(/empty \(0 bytes\)/);
  });
});

describe("the fixture export", () => {
  let first: ImportReport;

  beforeAll(async () => {
    await t.db.insert(webhooks).values({
      url: "https://hooks.example.com/lede",
      events: ["article.published", "article.updated", "comment.created", "image.created"],
      secretEncrypted: "x",
      secretHint: "x",
    });
    first = await runImport();
  });

  it("reports counts per kind, the skipped with their reasons, and warnings with WordPress ids", () => {
    expect(first.site).toBe("blog.example.fr");
    expect(first.wxrVersion).toBe("1.2");
    expect(first.kinds.articles).toEqual({
      imported: 7,
      updated: 0,
      unchanged: 0,
      skipped: { trash: 1, "post type page": 1, "post type nav_menu_item": 1 },
    });
    expect(first.kinds.comments).toEqual({
      imported: 7,
      updated: 0,
      unchanged: 0,
      skipped: { pingbacks: 1, trackbacks: 1 },
    });
    expect(totals(first, "authors").imported).toBe(3);
    expect(totals(first, "tags")).toMatchObject({ imported: 4, skipped: { "taxonomy nav_menu": 1 } });
    expect(totals(first, "images")).toMatchObject({ imported: 2, skipped: { "missing or unreadable": 1 } });
    expect(first.shortcodes).toEqual({ sondage: 1 });
    expect(first.warnings.map((w) => `${w.kind} ${w.wpId}`).sort()).toEqual(
      ["comment 109", "post 10", "post 14", "post 15", "post 17", "post 17"].sort(),
    );
    expect(cacheCalls).toEqual(["articles", "authors", "tags"]);
  });

  it("maps statuses and dates: publish, future (its date kept), draft, pending, private (flagged)", async () => {
    const rows = await t.db
      .select({ slug: articles.slug, status: articles.status, publishedAt: articles.publishedAt })
      .from(articles)
      .where(inArray(articles.id, sql`(select lede_id from wordpress_items where kind = 'post')`));
    const bySlug = Object.fromEntries(rows.map((row) => [row.slug, row]));
    expect(bySlug["batterie-sodium-un-pari-froid"]).toMatchObject({
      status: "published",
      publishedAt: new Date("2024-03-05T08:00:00Z"),
    });
    expect(bySlug["salon-barcelone"]).toMatchObject({
      status: "scheduled",
      publishedAt: new Date("2031-02-24T08:00:00Z"),
    });
    expect(bySlug["brouillon-les-montres-sans-ecran"]).toMatchObject({ status: "draft", publishedAt: null });
    expect(bySlug["5g-zone-rurale"]?.status).toBe("draft");
    expect(bySlug["notes-internes"]?.status).toBe("draft");
    const [privateMapping] = await t.db
      .select({ details: wordpressItems.details })
      .from(wordpressItems)
      .where(eq(wordpressItems.wpId, "15"));
    expect(privateMapping?.details).toMatchObject({ private: true });
    expect(first.warnings).toContainEqual({
      kind: "post",
      wpId: "15",
      message: "Was private: imported as a draft",
    });
    expect(Object.keys(bySlug)).not.toContain("corbeille__trashed");
  });

  it("shows readers what WordPress showed them: byline, tags, cover, quotes, sources, threads and count", async () => {
    const { data, errors } = await t.execute(ArticleForReaders, { slug: "batterie-sodium-un-pari-froid" });
    expect(errors).toBeUndefined();
    const article = data?.article;
    expect(article).toMatchObject({
      title: "Batterie sodium : un pari sur le froid",
      lede: "Une cellule qui tient la charge par grand froid : la promesse d'une start-up lyonnaise.",
      status: "PUBLISHED",
      commentsOpen: true,
      author: { slug: "camille", name: "Camille Lefèvre" },
      quotes: [
        {
          speaker: "Élodie Garnier",
          speakerRole: "directrice technique de Cellia",
          text: "Le froid n'est plus l'ennemi de la batterie.",
        },
      ],
      sources: [
        {
          title: "presse-exemple.fr",
          publisher: "presse-exemple.fr",
          url: "https://www.presse-exemple.fr/sodium",
        },
      ],
      coverImage: {
        alt: "Une cellule de batterie grise sur un établi",
        caption: "Une cellule sodium-ion posée sur un établi.",
        credit: "Photo : Ana Roussel",
        width: 64,
        height: 48,
      },
    });
    expect(article?.tags.map((tag) => tag.slug).sort()).toEqual(["batteries", "energie"]);
    // Approved: 101, its reply 102, 104 (under the pending 103: hidden) and 109 (parent lost).
    expect(article?.commentCount).toBe(3);
    expect(
      article?.comments.nodes.map((c) => [c.authorName, c.replies.nodes.map((r) => r.authorName)]),
    ).toEqual([
      ["Nadia B.", ["Camille Lefèvre"]],
      ["Sacha", []],
    ]);
    const row = await articleBySlug("batterie-sodium-un-pari-froid");
    expect(row?.body).toContain("## Un schéma à l'appui");
    expect(row?.body).toMatch(/!\[Coupe de la cellule\]\(lede:image\/[0-9a-f-]{36}\)/);
    expect(row?.body).toContain('\\[sondage id="12"\\]');
    expect(row?.body).not.toContain("Élodie Garnier");
    expect(row?.bodyHtml).toContain("<figure>");
    const [inline] = await t.db
      .select()
      .from(articleImages)
      .where(eq(articleImages.articleId, row?.id as string));
    expect(inline).toBeDefined();
  });

  it("classic HTML: paragraphs, [caption], a cited quote, a Source link, and <script> sanitised", async () => {
    const row = await articleBySlug("téléphones-pliants-été");
    expect(row).toMatchObject({ status: "published", commentsOpen: false, lede: null });
    expect(row?.body).toContain("Les pliants ont longtemps été des curiosités.");
    expect(row?.body).toMatch(/!\[Charnière\]\(lede:image\//);
    expect(row?.body).not.toMatch(/script|publicité|onclick|\[caption/);
    expect(row?.bodyHtml).not.toMatch(/<script|onclick/);
    expect(row?.bodyHtml).toContain("<p>Fin de l'article.</p>");
    // The caption written in the body, not the attachment's, follows the image.
    expect(row?.body).toContain("*Une charnière vue de près*");
    const quoteRows = await t.db
      .select()
      .from(quotes)
      .where(eq(quotes.articleId, row?.id as string));
    expect(quoteRows).toMatchObject([
      {
        speaker: "Hugo Barra",
        speakerRole: "VP international de Xiaomi",
        text: "Nous avons divisé par deux le coût de la charnière.",
      },
    ]);
    const sourceRows = await t.db
      .select()
      .from(sources)
      .where(eq(sources.articleId, row?.id as string));
    expect(sourceRows).toMatchObject([
      {
        title: "Étude pliants 2023",
        publisher: "etudes.example.com",
        url: "https://etudes.example.com/pliants",
      },
    ]);
    const [tagRow] = await t.db.select().from(tags).where(eq(tags.slug, "téléphonie"));
    expect(tagRow?.name).toBe("Téléphonie");
  });

  it("a CDATA section split in two reads as one", async () => {
    const row = await articleBySlug("batterie-sodium-un-pari-froid-2");
    expect(row?.body).toContain("`charge[jour[0]]>80`");
  });

  it("a post whose author is missing gets a byline made from its login, with a warning", async () => {
    const row = await articleBySlug("5g-zone-rurale");
    const [byline] = await t.db
      .select({ slug: authors.slug, name: authors.name })
      .from(authors)
      .where(
        sql`${authors.id} = (select author_id from article_authors where article_id = ${row?.id} and position = 0)`,
      );
    expect(byline).toEqual({ slug: "pierre", name: "pierre" });
    expect(first.warnings).toContainEqual(
      expect.objectContaining({ kind: "post", wpId: "14", message: expect.stringContaining('"pierre"') }),
    );
  });

  it("a comment whose parent is missing is top-level, with a warning", async () => {
    const [sacha] = await t.db.select().from(comments).where(eq(comments.authorName, "Sacha"));
    expect(sacha).toMatchObject({ parentId: null, ancestorIds: [], status: "approved" });
    expect(first.warnings).toContainEqual(
      expect.objectContaining({
        kind: "comment",
        wpId: "109",
        message: expect.stringContaining("parent comment 999"),
      }),
    );
  });

  it("comment statuses map, emails stay private, IPs are kept only as lede hashes them", async () => {
    const rows = await t.db
      .select({
        name: comments.authorName,
        status: comments.status,
        email: comments.authorEmail,
        ip: comments.ipHash,
      })
      .from(comments)
      .where(inArray(comments.authorName, ["Nadia B.", "Hervé", "Gagnez un iPhone", "Max"]));
    expect(Object.fromEntries(rows.map((r) => [r.name, r.status]))).toEqual({
      "Nadia B.": "approved",
      Hervé: "pending",
      "Gagnez un iPhone": "spam",
      Max: "trash",
    });
    const nadia = rows.find((r) => r.name === "Nadia B.");
    expect(nadia?.email).toBe("nadia@example.net");
    expect(nadia?.ip).toBe(hashIp(SECRET, "203.0.113.7"));
    const [clear] = await t.db.select({ n: count() }).from(comments).where(sql`ip_hash like '%203.0.113%'`);
    expect(clear?.n).toBe(0);
  });

  it("duplicate slugs are made unique, with a warning and a redirect from the old URL", async () => {
    const row = await articleBySlug("batterie-sodium-un-pari-froid-2");
    expect(first.warnings).toContainEqual(
      expect.objectContaining({ kind: "post", wpId: "17", message: expect.stringContaining("is taken") }),
    );
    const [redirect] = await t.db
      .select()
      .from(redirects)
      .where(eq(redirects.fromPath, "/2024/04/02/batterie-sodium-un-pari-froid/"));
    expect(redirect?.articleId).toBe(row?.id);
  });

  it("a missing image file: the article comes without its cover, with a warning", async () => {
    const row = await articleBySlug("batterie-sodium-un-pari-froid-2");
    expect(row?.coverImageId).toBeNull();
    expect(first.warnings).toContainEqual(
      expect.objectContaining({
        kind: "post",
        wpId: "17",
        message: expect.stringContaining("without its cover"),
      }),
    );
  });

  it("announces nothing: no webhook event, and the digest leaves the archive out", async () => {
    const [events] = await t.db.select({ n: count() }).from(webhookEvents);
    expect(events?.n).toBe(0);
    const digest = await publishedArticlesBetween(
      t.db,
      new Date("2024-03-04T07:00:00Z"),
      new Date("2024-03-06T07:00:00Z"),
    );
    expect(digest.map((a) => a.slug)).not.toContain("batterie-sodium-un-pari-froid");
  });

  it("search finds the imported articles", async () => {
    const { data } = await t.execute(SearchImported, { query: "charnière" });
    expect(data?.search.nodes.map((n) => n.slug)).toContain("téléphones-pliants-été");
  });

  it("redirects: old permalinks and ?p=ID lead to the new URLs, for staff, a page at a time", async () => {
    const anonymous = await t.execute(Redirects, { first: 5 });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const token = await staffToken(t, "editor");
    const page = await t.execute(Redirects, { first: 5 }, { token });
    expect(page.errors).toBeUndefined();
    expect(page.data?.redirects.totalCount).toBe(11);
    expect(page.data?.redirects.pageInfo.hasNextPage).toBe(true);
    const rest = await t.execute(
      Redirects,
      { first: 50, after: page.data?.redirects.pageInfo.endCursor },
      { token },
    );
    const all = [...(page.data?.redirects.nodes ?? []), ...(rest.data?.redirects.nodes ?? [])];
    expect(all).toHaveLength(11);
    expect(all).toContainEqual({
      from: "/2024/03/05/batterie-sodium-un-pari-froid/",
      to: "http://localhost:4000/articles/batterie-sodium-un-pari-froid",
      article: { slug: "batterie-sodium-un-pari-froid" },
    });
    expect(all).toContainEqual(
      expect.objectContaining({ from: "/?p=11", article: { slug: "téléphones-pliants-été" } }),
    );

    const csv = join(work, "redirects.csv");
    expect(await writeRedirectsFile(t.db, csv, "https://new.example.fr/{slug}")).toBe(11);
    expect(readFileSync(csv, "utf8")).toContain(
      "/?p=17,https://new.example.fr/batterie-sodium-un-pari-froid-2\n",
    );
    const map = join(work, "redirects.conf");
    await writeRedirectsFile(t.db, map, "https://new.example.fr/{slug}");
    expect(readFileSync(map, "utf8")).toContain(
      '  "/2023/07/14/t%c3%a9l%c3%a9phones-pliants-%c3%a9t%c3%a9/" "https://new.example.fr/t%C3%A9l%C3%A9phones-pliants-%C3%A9t%C3%A9";',
    );
  });

  it("a second run changes nothing", async () => {
    const before = await rowCounts();
    const updatedAt = (await articleBySlug("batterie-sodium-un-pari-froid"))?.version;
    cacheCalls.length = 0;
    const again = await runImport();
    expect(again.kinds.articles).toMatchObject({ imported: 0, updated: 0, unchanged: 7 });
    expect(again.kinds.comments).toMatchObject({ imported: 0, updated: 0, unchanged: 7 });
    // The two of the export's list; "pierre" is looked at only when one of his posts changes.
    expect(again.kinds.authors).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    // Images are looked at only for posts that changed, or that lacked some: the lost one, again.
    expect(again.kinds.images).toEqual({
      imported: 0,
      updated: 0,
      unchanged: 0,
      skipped: { "missing or unreadable": 1 },
    });
    expect(await rowCounts()).toEqual(before);
    expect((await articleBySlug("batterie-sodium-un-pari-froid"))?.version).toBe(updatedAt);
    expect(cacheCalls).toEqual([]);
  });

  it("--dry-run reports what would change and writes nothing", async () => {
    const newer = readFileSync(FIXTURE, "utf8").replace(
      "Batterie sodium : un pari sur le froid]]>",
      "Batterie sodium : le pari du froid]]>",
    );
    const file = writeWork("newer.xml", newer);
    const before = await rowCounts();
    const dry = await runImport({ file, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.kinds.articles).toMatchObject({ imported: 0, updated: 1, unchanged: 6 });
    expect(await rowCounts()).toEqual(before);
    expect((await articleBySlug("batterie-sodium-un-pari-froid"))?.title).toBe(
      "Batterie sodium : un pari sur le froid",
    );
  });

  it("a newer export updates what changed: a title, a comment approved, a new reply", async () => {
    const newer = readFileSync(FIXTURE, "utf8")
      .replace("Batterie sodium : un pari sur le froid]]>", "Batterie sodium : le pari du froid]]>")
      .replace(
        "<wp:comment_approved><![CDATA[0]]></wp:comment_approved>",
        "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>",
      );
    const file = writeWork("newer.xml", newer);
    const report = await runImport({ file });
    expect(report.kinds.articles).toMatchObject({ imported: 0, updated: 1, unchanged: 6 });
    expect(report.kinds.comments).toMatchObject({ imported: 0, updated: 1, unchanged: 6 });
    const { data } = await t.execute(ArticleForReaders, { slug: "batterie-sodium-un-pari-froid" });
    expect(data?.article?.title).toBe("Batterie sodium : le pari du froid");
    // 103 approved now, so 104 under it shows too.
    expect(data?.article?.commentCount).toBe(5);
  });
});

describe("versions and interruptions", () => {
  it.each(["1.0", "1.1", "1.2"])("reads WXR %s", async (version) => {
    const file = writeWork(`v${version}.xml`, smallExport(version, { authors: version !== "1.0" }));
    const report = await runImport({ file, uploadsDir: undefined });
    expect(report.wxrVersion).toBe(version);
    expect(report.kinds.articles.imported).toBe(1);
    const row = await articleBySlug(`un-billet-${version.replace(".", "-")}`);
    expect(row).toMatchObject({ status: "published", publishedAt: new Date("2010-05-01T08:00:00Z") });
    const [tagRow] = await t.db.select().from(tags).where(eq(tags.slug, "divers"));
    expect(tagRow?.name).toBe("Divers");
  });

  it("a post with no author at all is credited to the site, with a warning", async () => {
    const file = writeWork(
      "anonymous.xml",
      smallExport("1.2", { creator: "" }).replaceAll("carnet-1-2", "carnet-anon"),
    );
    const report = await runImport({ file, uploadsDir: undefined });
    expect(report.warnings).toContainEqual({
      kind: "post",
      wpId: "5",
      message: "The post has no author: credited to the site",
    });
  });

  it("an interrupted import continues where it stopped when run again", async () => {
    const file = writeWork(
      "resumable.xml",
      readFileSync(FIXTURE, "utf8").replaceAll("blog.example.fr", "reprise.example.fr"),
    );
    const controller = new AbortController();
    const cut = await runImport({
      file,
      batchSize: 2,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.posts >= 2) controller.abort();
      },
    });
    expect(cut.interrupted).toBe(true);
    expect(cut.kinds.articles.imported).toBe(2);
    const [kept] = await t.db
      .select({ n: count() })
      .from(wordpressItems)
      .where(sql`site = 'reprise.example.fr' and kind = 'post'`);
    expect(kept?.n).toBe(2);

    const resumed = await runImport({ file, batchSize: 2 });
    expect(resumed.interrupted).toBe(false);
    expect(resumed.kinds.articles).toMatchObject({ imported: 5, unchanged: 2 });
    const [all] = await t.db
      .select({ n: count() })
      .from(wordpressItems)
      .where(sql`site = 'reprise.example.fr' and kind = 'post'`);
    expect(all?.n).toBe(7);
  });
});

/** An export of `posts` posts with `replies` comments each, threaded two deep, under `site`. */
function bulkExport(site: string, posts: number, replies: number) {
  const items = Array.from({ length: posts }, (_, p) => {
    const comments = Array.from({ length: replies }, (_, c) => {
      const id = p * 1000 + c + 1;
      const parent = c === 0 ? 0 : id - 1;
      return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Lectrice ${c}]]></wp:comment_author><wp:comment_author_email>l${c}@example.org</wp:comment_author_email><wp:comment_author_IP>192.0.2.${c}</wp:comment_author_IP><wp:comment_date_gmt>2011-01-0${1 + (c % 9)} 08:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Réponse ${c}, bien reçue.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
    }).join("");
    return `<item><title>Billet ${p} de ${site}</title><link>https://${site}/billet-${p}/</link><dc:creator><![CDATA[${site}-auteur]]></dc:creator><guid isPermaLink="false">https://${site}/?p=${p + 1}</guid><content:encoded><![CDATA[<p>Un texte, <strong>numéro ${p}</strong>.</p><blockquote class="wp-block-quote"><p>Une phrase citée.</p><cite>Léa Martin, chercheuse</cite></blockquote>]]></content:encoded><excerpt:encoded><![CDATA[Chapô ${p}]]></excerpt:encoded><wp:post_id>${p + 1}</wp:post_id><wp:post_date_gmt>2011-01-01 08:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>${site.split(".")[0]}-billet-${p}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="post_tag" nicename="${site.split(".")[0]}-sujet"><![CDATA[Sujet]]></category>${comments}</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>${site}</title><link>https://${site}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://${site}</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[${site}-auteur]]></wp:author_login><wp:author_display_name><![CDATA[Auteur de ${site}]]></wp:author_display_name></wp:author>
${items.join("\n")}
</channel></rss>`;
}

describe("statements", () => {
  it("a batch costs the same statements whatever its number of posts and comments", async () => {
    const counts: number[] = [];
    for (const [site, posts, replies] of [
      ["petit.example.org", 2, 2],
      ["grand.example.org", 12, 15],
    ] as const) {
      const file = writeWork(`${site}.xml`, bulkExport(site, posts, replies));
      const { result, statements } = await t.countStatements(() =>
        runImport({ file, uploadsDir: undefined, batchSize: 50 }),
      );
      expect(result.kinds.articles.imported).toBe(posts);
      expect(result.kinds.comments.imported).toBe(posts * replies);
      counts.push(statements.length);
      // Comments and their mapping rows: one insert each for the whole batch.
      expect(statements.filter((text) => /^insert into "comments"/i.test(text))).toHaveLength(1);
    }
    expect(counts[1]).toBe(counts[0]);
    // The threads came whole: the deepest reply hangs under all the others of its post.
    const [deepest] = await t.db
      .select({ depth: sql<number>`max(cardinality(${comments.ancestorIds}))` })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(eq(articles.slug, "grand-billet-0"));
    expect(deepest?.depth).toBe(14);
  });
});

describe("--uploads-url", () => {
  let server: Server;
  let base: string;
  const requested: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? "");
      const file = join(UPLOADS, decodeURIComponent((request.url ?? "").replace(/^\/uploads\//, "")));
      try {
        response.end(readFileSync(file));
      } catch {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("fetches the files, refusing private addresses unless allowed (the media import's checks)", async () => {
    const file = writeWork(
      "distant.xml",
      readFileSync(FIXTURE, "utf8").replaceAll("blog.example.fr", "distant.example.fr"),
    );
    const refused = await importWordpress(
      {
        ...services(),
        media: {
          ...services().media,
          media: { ...mediaSettingsFromConfig(defaults), allowPrivateAddresses: false },
        },
      },
      { file, uploadsUrl: base, dryRun: false },
    );
    expect(requested).toEqual([]);
    expect(refused.kinds.images).toMatchObject({ imported: 0, skipped: { "missing or unreadable": 3 } });
    expect(refused.warnings).toContainEqual(
      expect.objectContaining({
        wpId: "10",
        message: expect.stringContaining("private or loopback address"),
      }),
    );

    const allowed = await runImport({ file, uploadsDir: undefined, uploadsUrl: base });
    // The articles came without their images; now that the files come, those two are updated.
    expect(allowed.kinds.images).toMatchObject({ imported: 2, skipped: { "missing or unreadable": 1 } });
    expect(allowed.kinds.articles).toMatchObject({ imported: 0, updated: 2, unchanged: 5 });
    expect(requested).toContain("/uploads/2024/03/batterie-sodium.jpg");
    const [covered] = await t.db
      .select({ cover: articles.coverImageId })
      .from(articles)
      .where(
        sql`${articles.id} = (select lede_id from wordpress_items where site = 'distant.example.fr' and kind = 'post' and wp_id = '10')`,
      );
    expect(covered?.cover).not.toBeNull();
  });
});

describe("the command", () => {
  it("imports with --dry-run first (nothing written), then for real with --redirects as CSV", async () => {
    const env: Record<string, string> = { LEDE_SECRET: SECRET, LEDE_DATA_DIR: join(work, "cli-data") };
    if (driver === "postgres") env.DATABASE_URL = (t.handle.url as string) ?? "";
    const file = writeWork("cli.xml", smallExport("1.2").replaceAll("carnet-1-2", "carnet-cli"));
    const dry = await runCli(["import", "wordpress", file, "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, kinds: { articles: { imported: 1 } } });
    const csv = join(work, "cli-redirects.csv");
    const real = await runCli(["import", "wordpress", file, "--redirects", csv, "--language", "en"], env);
    expect(real.code).toBe(0);
    expect(real.stderr).toMatch(/items 1\/1 \(100%\) · \d+ items\/s .* ETA/);
    expect(real.stderr).toContain("articles: 1 imported, 0 updated, 0 unchanged");
    expect(readFileSync(csv, "utf8")).toMatch(/^from,to\n/);
    const bad = await runCli(["import", "wordpress", join(work, "empty.xml")], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("lede: The file is empty (0 bytes)");
  }, 120_000);
});
