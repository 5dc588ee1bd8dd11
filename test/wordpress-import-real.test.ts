// The export of a real WordPress (Debian's 6.1, built by scripts/wordpress/build-fixture.sh through
// export_wp()) imported with its uploads: readers must find what WordPress showed them. The expected
// values below are what scripts/wordpress/content.php created; change both together.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, comments, wordpressItems } from "../src/db/schema.ts";
import { noInvalidation } from "../src/infra/cache-invalidation.ts";
import {
  type ImportReport,
  importWordpress,
} from "../src/modules/wordpress-import/wordpress-import.service.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { importedRowCounts, wordpressImportServices } from "./setup/wordpress.ts";

const FIXTURE = "test/fixtures/wordpress/real-wp-6.1.xml";
const UPLOADS = "test/fixtures/wordpress/real-uploads";
const SECRET = "wordpress-real-import-secret-of-forty-chars";

/** Published posts: the two content.php wrote and the "Hello world!" that wp_install() writes. */
const PUBLISHED = ["batterie-sodium-grand-froid", "batteries-trottinettes", "hello-world"];
/**
 * Approved comments per post, as WordPress listed them under each post (pingbacks aside: WordPress's
 * own comment_count, 4 for the sodium post, counts the approved pingback too).
 */
const APPROVED_COMMENTS = { "batterie-sodium-grand-froid": 3, "batteries-trottinettes": 2, "hello-world": 1 };
/** Posts of type post in the export: 3 published, future, draft, pending, private, trash. */
const POSTS_IMPORTED = 7;
/**
 * Comments in the export: 5 under the sodium post (3 approved, 1 pending, 1 trash; its spam is left
 * out by export_wp() and its pingback skipped), 2 under the scooter post, 1 under "Hello world!".
 */
const COMMENTS_IMPORTED = 8;

const ArticleForReaders = graphql(`
  query RealImportedArticle($slug: String!) {
    article(slug: $slug) {
      slug title lede status publishedAt commentCount commentsOpen
      author { slug name }
      tags { slug name }
      quotes { speaker speakerRole text }
      sources { title publisher url }
      coverImage { alt caption width height }
      comments(first: 20) {
        nodes {
          authorName authorUrl body createdAt
          replies(first: 20) { nodes { authorName body replies(first: 20) { nodes { authorName body } } } }
        }
      }
    }
  }
`);

let t: TestApp;
let mediaDir: string;

const services = () => wordpressImportServices({ db: t.db, mediaDir, secret: SECRET, cache: noInvalidation });

const runImport = () => importWordpress(services(), { file: FIXTURE, uploadsDir: UPLOADS });

const rowCounts = () => importedRowCounts(t.db);

const read = async (slug: string) => {
  const { data, errors } = await t.execute(ArticleForReaders, { slug });
  expect(errors).toBeUndefined();
  return data?.article;
};

beforeAll(async () => {
  t = await createTestApp({ secret: SECRET });
  mediaDir = mkdtempSync(join(tmpdir(), "lede-wp-real-media-"));
});

afterAll(async () => {
  await t?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe("a real WordPress 6.1 export", () => {
  let first: ImportReport;

  beforeAll(async () => {
    first = await runImport();
  });

  it("imports every post and comment WordPress exported, and counts what it skipped", () => {
    expect(first.wxrVersion).toBe("1.2");
    expect(first.site).toBe("journal.example.fr");
    expect(first.kinds.articles).toEqual({
      imported: POSTS_IMPORTED,
      updated: 0,
      unchanged: 0,
      skipped: { trash: 1, "post type page": 3 },
    });
    expect(first.kinds.comments).toEqual({
      imported: COMMENTS_IMPORTED,
      updated: 0,
      unchanged: 0,
      skipped: { pingbacks: 1 },
    });
    // One file: the sodium article's cover, shown again by the scooter article's [gallery].
    expect(first.kinds.images).toMatchObject({ imported: 1 });
    expect(first.warnings).toEqual([
      { kind: "post", wpId: "6", message: "Shortcode [sondage] kept as text" },
      { kind: "post", wpId: "10", message: "Was private: imported as a draft" },
    ]);
    expect(first.shortcodes).toEqual({ sondage: 1 });
  });

  it("maps statuses: published, scheduled with its date, draft and pending as drafts, private flagged", async () => {
    const rows = await t.db
      .select({
        slug: articles.slug,
        title: articles.title,
        status: articles.status,
        publishedAt: articles.publishedAt,
      })
      .from(articles)
      .where(inArray(articles.id, sql`(select lede_id from wordpress_items where kind = 'post')`));
    const byTitle = Object.fromEntries(rows.map((row) => [row.title, row]));
    expect(
      rows
        .filter((row) => row.status === "published")
        .map((row) => row.slug)
        .sort(),
    ).toEqual(PUBLISHED);
    expect(byTitle["Batterie sodium : le pari du grand froid"]?.publishedAt).toEqual(
      new Date("2024-03-05T08:00:00Z"),
    );
    // Europe/Paris: 09:00 in February is 08:00 GMT.
    expect(byTitle["Salon de Grenoble : ce qui sera présenté"]).toMatchObject({
      status: "scheduled",
      slug: "salon-grenoble",
      publishedAt: new Date("2031-02-24T08:00:00Z"),
    });
    expect(byTitle["Brouillon : les vélos cargo électriques"]?.status).toBe("draft");
    expect(byTitle["Superconducteurs : relire avant mardi"]?.status).toBe("draft");
    expect(byTitle["Notes internes de la rédaction"]?.status).toBe("draft");
    const [privateMapping] = await t.db
      .select({ details: wordpressItems.details })
      .from(wordpressItems)
      .where(sql`${wordpressItems.kind} = 'post' and ${wordpressItems.wpId} = '10'`);
    expect(privateMapping?.details).toMatchObject({ private: true });
    expect(first.warnings).toContainEqual({
      kind: "post",
      wpId: "10",
      message: "Was private: imported as a draft",
    });
    expect(rows.map((row) => row.title)).not.toContain("Article retiré");
    expect(rows).toHaveLength(POSTS_IMPORTED);
  });

  it("the Gutenberg article reads as it did: byline, tags, cover with alt, quotes, source, thread", async () => {
    const article = await read("batterie-sodium-grand-froid");
    expect(article).toMatchObject({
      title: "Batterie sodium : le pari du grand froid",
      lede: "Une cellule qui tient la charge par grand froid : la promesse d'une start-up lyonnaise.",
      status: "PUBLISHED",
      publishedAt: "2024-03-05T08:00:00.000Z",
      commentsOpen: true,
      author: { slug: "margaux", name: "Margaux Pellerin" },
      quotes: [
        {
          speaker: "Élodie Garnier",
          speakerRole: "directrice technique de Cellia",
          text: "Le froid n'est plus l'ennemi de la batterie.",
        },
        {
          speaker: "Paul Meunier",
          speakerRole: "chercheur au CNRS",
          text: "La densité reste le point faible, mais l'écart se resserre chaque année.",
        },
      ],
      sources: [
        {
          title: "revue-energie.example",
          publisher: "revue-energie.example",
          url: "https://www.revue-energie.example/sodium-froid",
        },
      ],
      coverImage: {
        alt: "Une cellule de batterie grise sur un établi",
        caption: "La cellule prismatique de Cellia, posée sur l'établi.",
        width: 64,
        height: 48,
      },
    });
    // Categories and tags both; the slug WordPress percent-encoded ("co%e2%82%82") decoded.
    expect(article?.tags.map((tag) => [tag.slug, tag.name]).sort()).toEqual([
      ["batteries", "Batteries"],
      ["co₂", "CO₂"],
      ["energie", "Énergie"],
    ]);
    expect(article?.commentCount).toBe(APPROVED_COMMENTS["batterie-sodium-grand-froid"]);
    expect(article?.comments.nodes).toMatchObject([
      {
        authorName: "Lucien Morel",
        authorUrl: "https://lucien.exemple.fr/",
        body: "Et la durée de vie en cycles, elle tient aussi par grand froid ?",
        createdAt: "2024-03-05T09:12:00.000Z",
        replies: {
          nodes: [
            {
              authorName: "Margaux Pellerin",
              body: "Cellia annonce trois mille cycles ; nous n'avons pas pu le vérifier.",
              replies: { nodes: [{ authorName: "Lucien Morel", body: "Merci, c'est honnête." }] },
            },
          ],
        },
      },
    ]);
    const [row] = await t.db.select().from(articles).where(eq(articles.slug, "batterie-sodium-grand-froid"));
    expect(row?.body).toContain("## Moins de lithium, plus de sel");
    expect(row?.body).toContain("**90 % de sa charge**");
    expect(row?.body).not.toMatch(/Source|<!-- wp:|Élodie Garnier/);
  });

  it("comment statuses map: pending and trash kept out of sight, spam never exported", async () => {
    const rows = await t.db
      .select({ name: comments.authorName, status: comments.status })
      .from(comments)
      .where(inArray(comments.id, sql`(select lede_id from wordpress_items where kind = 'comment')`));
    expect(rows).toHaveLength(COMMENTS_IMPORTED);
    const byName = Object.fromEntries(rows.map((row) => [row.name, row.status]));
    expect(byName).toMatchObject({ "Agnès Roy": "pending", Anonyme: "trash" });
    expect(byName).not.toHaveProperty("Promo Piles");
    expect(byName).not.toHaveProperty("Carnet de Bord");
    const approved = rows.filter((row) => row.status === "approved").length;
    expect(approved).toBe(Object.values(APPROVED_COMMENTS).reduce((a, b) => a + b, 0));
  });

  it("the classic-HTML article: byline, cited quote, [gallery] as an image, unknown shortcode as text", async () => {
    const article = await read("batteries-trottinettes");
    expect(article).toMatchObject({
      title: "Où finissent les batteries des trottinettes",
      publishedAt: "2024-04-12T12:30:00.000Z",
      author: { slug: "theo", name: "Théo Vasseur" },
      quotes: [
        {
          speaker: "Nadia Ferrand",
          speakerRole: "responsable de l'atelier",
          text: "On récupère presque sept cellules sur dix.",
        },
      ],
      // "Source : <a>rapport de l'agence</a>": the link's text is not "Source", so it stays a link.
      sources: [],
      coverImage: null,
      commentCount: APPROVED_COMMENTS["batteries-trottinettes"],
    });
    expect(article?.tags.map((tag) => tag.slug).sort()).toEqual(["mobilite", "recyclage"]);
    expect(
      article?.comments.nodes.map((c) => [c.authorName, c.replies.nodes.map((r) => r.authorName)]),
    ).toEqual([["Yanis Belkacem", ["Théo Vasseur"]]]);
    const [row] = await t.db.select().from(articles).where(eq(articles.slug, "batteries-trottinettes"));
    expect(row?.body).toContain("Le tri se fait encore à la main.");
    expect(row?.body).toContain('\\[sondage id="12"\\]');
    // [gallery ids="5"] is the attachment 5 as an inline image: the same lede image as the cover.
    const [cover] = await t.db
      .select({ id: articles.coverImageId })
      .from(articles)
      .where(eq(articles.slug, "batterie-sodium-grand-froid"));
    expect(row?.body).toContain(`(lede:image/${cover?.id})`);
    expect(row?.body).not.toContain("gallery");
    expect(row?.body).toContain("[rapport de l'agence](https://www.ademe-exemple.fr/rapport-trottinettes)");
  });

  it("WordPress's own first post and its first comment come too", async () => {
    const article = await read("hello-world");
    expect(article?.author).toEqual({ slug: "redaction", name: "La rédaction" });
    expect(article?.commentCount).toBe(APPROVED_COMMENTS["hello-world"]);
  });

  it("a second run changes nothing", async () => {
    const before = await rowCounts();
    const [version] = await t.db
      .select({ version: articles.version })
      .from(articles)
      .where(eq(articles.slug, "batterie-sodium-grand-froid"));
    const again = await runImport();
    expect(again.kinds.articles).toMatchObject({ imported: 0, updated: 0, unchanged: POSTS_IMPORTED });
    expect(again.kinds.comments).toMatchObject({ imported: 0, updated: 0, unchanged: COMMENTS_IMPORTED });
    expect(again.kinds.images).toMatchObject({ imported: 0, updated: 0 });
    expect(await rowCounts()).toEqual(before);
    const [after] = await t.db
      .select({ version: articles.version })
      .from(articles)
      .where(eq(articles.slug, "batterie-sodium-grand-froid"));
    expect(after?.version).toBe(version?.version);
  });
});
