import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { articleRevisions, articles } from "../src/db/schema.ts";
import { slugify } from "../src/modules/article/article.slug.ts";
import type { TestApp } from "./setup/app.ts";
import {
  ArticleBySlug,
  as,
  authorId,
  CreateArticle,
  DeleteArticle,
  DeletedArticles,
  errorCode,
  freshTitle,
  NodeById,
  PublicLists,
  PublishArticle,
  RestoreArticle,
  RestoreRevision,
  Revisions,
  ScheduleArticle,
  UnpublishArticle,
  useEditorialApp,
} from "./setup/editorial.ts";
import { staffToken } from "./setup/factories.ts";
import { articleGlobalId, draftArticle, openArticle } from "./setup/seed-facts.ts";

const app = useEditorialApp();
const { clock, now, logs, create, update, publish, rowOf, revisionRows, countArticlesTitled } = app;
let t: TestApp;
let editor: string;
let priya: string;
let daniel: string;
let orphan: string;
beforeAll(() => {
  ({ t, editor, priya, daniel, orphan } = app);
});

describe("slugs", () => {
  it("folds French accents and ligatures to ASCII, with hyphens", () => {
    expect(slugify("Œuvres d'été : l'été à Saint-Étienne")).toBe("oeuvres-d-ete-l-ete-a-saint-etienne");
    expect(slugify("Ex æquo, Straße, Ça coûte « cher » !")).toBe("ex-aequo-strasse-ca-coute-cher");
    expect(slugify("L’IA générative n’a pas d’âge")).toBe("l-ia-generative-n-a-pas-d-age");
    expect(slugify("???")).toBe("article");
  });

  it("keeps slugs within 80 characters, cut between words", () => {
    const slug = slugify(
      "Une très longue phrase qui décrit avec beaucoup trop de détails un événement parfaitement anodin",
    );
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^une-tres-longue-phrase.*[a-z]$/);
    expect(
      "une-tres-longue-phrase-qui-decrit-avec-beaucoup-trop-de-details-un-evenement-parfaitement",
    ).toContain(slug);
  });

  it("makes an article's slug from its French title", async () => {
    const article = await create({ title: "Œuvres d'été : l'été à Saint-Étienne", language: "FR" });
    expect(article.slug).toBe("oeuvres-d-ete-l-ete-a-saint-etienne");
  });

  it("makes slugs unique with -2, -3 …", async () => {
    const title = freshTitle("Same title");
    const first = await create({ title });
    const second = await create({ title });
    const third = await create({ title });
    expect([first.slug, second.slug, third.slug]).toEqual([
      slugify(title),
      `${slugify(title)}-2`,
      `${slugify(title)}-3`,
    ]);
  });

  it("gives different slugs to drafts created at the same moment with the same title", async () => {
    const title = freshTitle("Race");
    const made = await Promise.all([create({ title }), create({ title }), create({ title })]);
    expect(new Set(made.map((a) => a.slug)).size).toBe(3);
  });

  it("lets a draft's slug follow its title, then keeps it once published, and after unpublishing", async () => {
    const article = await create({ title: "Premier jet" });
    const renamed = as(
      (await update({ articleId: article.id, expectedVersion: 1, title: "Titre définitif" })).data
        ?.updateArticle,
      "ArticleMutationSuccess",
    ).article;
    expect(renamed.slug).toBe("titre-definitif");

    const published = await publish(article.id);
    const retitled = as(
      (await update({ articleId: article.id, expectedVersion: published.version, title: "Un autre titre" }))
        .data?.updateArticle,
      "ArticleMutationSuccess",
    ).article;
    expect(retitled.title).toBe("Un autre titre");
    expect(retitled.slug).toBe("titre-definitif");

    await t.execute(UnpublishArticle, { input: { articleId: article.id } }, { token: editor });
    const again = as(
      (
        await update({
          articleId: article.id,
          expectedVersion: retitled.version + 1,
          title: "Encore un titre",
        })
      ).data?.updateArticle,
      "ArticleMutationSuccess",
    ).article;
    expect(again.slug).toBe("titre-definitif");
    expect((await rowOf(article.id)).slug).toBe("titre-definitif");
  });
});

describe("creating an article", () => {
  it("writes a draft with its byline, tags, rendered body, reading time, version 1 and a first revision", async () => {
    const body = `## Hello\n\n${"word ".repeat(660)}\n\n<script>alert(1)</script>`;
    const article = await create({
      title: "  A first article  ",
      lede: "Why it matters.",
      body,
      authorSlugs: ["priya-nair", "daniel-okafor"],
      tagSlugs: ["ai", "cloud"],
      commentsOpen: false,
    });
    expect(article).toMatchObject({
      title: "A first article",
      lede: "Why it matters.",
      status: "DRAFT",
      version: 1,
      readingTimeMinutes: 3,
      language: "EN",
      commentsOpen: false,
      authors: [{ slug: "priya-nair" }, { slug: "daniel-okafor" }],
    });
    expect(article.bodyHtml).toContain("<h2>Hello</h2>");
    expect(article.bodyHtml).not.toContain("<script>");
    expect(article.tags.map((tag) => tag.slug).sort()).toEqual(["ai", "cloud"]);

    const row = await rowOf(article.id);
    expect(row).toMatchObject({ status: "draft", version: 1, body, publishedAt: null, deletedAt: null });
    const [revision, ...more] = await revisionRows(article.id);
    expect(more).toEqual([]);
    expect(revision).toMatchObject({ version: 1, snapshot: { title: "A first article", status: "draft" } });
    expect(revision?.changedFields).toEqual(expect.arrayContaining(["title", "body", "authors", "tags"]));
    expect(revision?.staffId).not.toBeNull();
  });

  it("lists every invalid field at once and writes nothing", async () => {
    const lede = "x".repeat(1001);
    const result = await t.execute(
      CreateArticle,
      { input: { title: "   ", language: "FR", lede, body: "y".repeat(200_001), authorSlugs: [] } },
      { token: editor },
    );
    const error = as(result.data?.createArticle, "ValidationError");
    expect(error.issues.map((issue) => issue.field).sort()).toEqual([
      "input.authorSlugs",
      "input.body",
      "input.lede",
      "input.title",
    ]);
    expect(
      (await t.db.select({ id: articles.id }).from(articles).where(eq(articles.lede, lede))).length,
    ).toBe(0);
  });

  it("refuses a title over 300 characters", async () => {
    const result = await t.execute(
      CreateArticle,
      { input: { title: "t".repeat(301), language: "EN", authorSlugs: ["priya-nair"] } },
      { token: editor },
    );
    expect(as(result.data?.createArticle, "ValidationError").issues).toEqual([
      { field: "input.title", message: "title is longer than 300 characters" },
    ]);
  });

  it("writes nothing when one tag of several does not exist: no article, no byline, no revision", async () => {
    const title = freshTitle("Half written");
    const revisionsBefore = await t.db.$count(articleRevisions);
    const result = await t.execute(
      CreateArticle,
      { input: { title, language: "EN", authorSlugs: ["priya-nair"], tagSlugs: ["ai", "no-such-tag"] } },
      { token: editor },
    );
    expect(as(result.data?.createArticle, "ValidationError").issues).toEqual([
      { field: "input.tagSlugs", message: "No tag has the slug no-such-tag" },
    ]);
    expect(await countArticlesTitled(title)).toBe(0);
    expect(await t.db.$count(articleRevisions)).toBe(revisionsBefore);
  });

  it("refuses an unknown author slug", async () => {
    const result = await t.execute(
      CreateArticle,
      { input: { title: freshTitle(), language: "EN", authorSlugs: ["nobody-here"] } },
      { token: editor },
    );
    expect(as(result.data?.createArticle, "ValidationError").issues[0]?.field).toBe("input.authorSlugs");
  });

  it("needs a staff token", async () => {
    const result = await t.execute(CreateArticle, { input: { title: freshTitle(), language: "EN" } });
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
  });
});

describe("roles", () => {
  it("lets an author create a draft under their own byline by default", async () => {
    const article = await create({ authorSlugs: undefined }, priya);
    expect(article.authors).toEqual([{ slug: "priya-nair" }]);
    expect(article.status).toBe("DRAFT");
  });

  it("refuses an author a byline without themselves", async () => {
    const result = await t.execute(
      CreateArticle,
      { input: { title: freshTitle(), language: "EN", authorSlugs: ["daniel-okafor"] } },
      { token: priya },
    );
    expect(as(result.data?.createArticle, "ValidationError").issues[0]?.field).toBe("input.authorSlugs");
  });

  it("refuses to let an author with no byline create an article", async () => {
    const title = freshTitle();
    const result = await t.execute(CreateArticle, { input: { title, language: "EN" } }, { token: orphan });
    expect(errorCode(result)).toBe("FORBIDDEN");
    expect(await countArticlesTitled(title)).toBe(0);
  });

  it("lets an author edit their own draft", async () => {
    const article = await create({ authorSlugs: ["priya-nair"] }, priya);
    const result = await update(
      { articleId: article.id, expectedVersion: 1, lede: "Mine to change." },
      priya,
    );
    expect(as(result.data?.updateArticle, "ArticleMutationSuccess").article.lede).toBe("Mine to change.");
  });

  it("forbids an author to edit someone else's draft, and writes nothing", async () => {
    const article = await create({ authorSlugs: ["priya-nair"] }, priya);
    const result = await update({ articleId: article.id, expectedVersion: 1, title: "Hijacked" }, daniel);
    expect(errorCode(result)).toBe("FORBIDDEN");
    expect(await rowOf(article.id)).toMatchObject({ title: article.title, version: 1 });
    expect(await revisionRows(article.id)).toHaveLength(1);
  });

  it("forbids an author to edit their own article once it is published", async () => {
    const article = await create({ authorSlugs: ["priya-nair"] }, priya);
    const published = await publish(article.id);
    const result = await update(
      { articleId: article.id, expectedVersion: published.version, title: "Oops" },
      priya,
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
  });

  it("forbids an author to publish, schedule, unpublish or delete, even their own draft", async () => {
    const article = await create({ authorSlugs: ["priya-nair"] }, priya);
    const input = { articleId: article.id };
    const at = new Date(clock.ms + 3_600_000).toISOString();
    const results = [
      await t.execute(PublishArticle, { input }, { token: priya }),
      await t.execute(ScheduleArticle, { input: { ...input, at } }, { token: priya }),
      await t.execute(UnpublishArticle, { input }, { token: priya }),
      await t.execute(DeleteArticle, { input }, { token: priya }),
    ];
    expect(results.map(errorCode)).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    expect(await rowOf(article.id)).toMatchObject({ status: "draft", version: 1, deletedAt: null });
  });

  it("lets an editor edit and publish anyone's article", async () => {
    const article = await create({ authorSlugs: ["priya-nair"] }, priya);
    const result = await update(
      { articleId: article.id, expectedVersion: 1, title: freshTitle("Edited") },
      editor,
    );
    as(result.data?.updateArticle, "ArticleMutationSuccess");
    expect((await publish(article.id)).status).toBe("PUBLISHED");
  });

  it("lets an author keep co-authors but not drop themselves from the byline", async () => {
    const article = await create({ authorSlugs: ["priya-nair"] }, priya);
    const kept = await update(
      { articleId: article.id, expectedVersion: 1, authorSlugs: ["priya-nair", "daniel-okafor"] },
      priya,
    );
    expect(as(kept.data?.updateArticle, "ArticleMutationSuccess").article.authors).toEqual([
      { slug: "priya-nair" },
      { slug: "daniel-okafor" },
    ]);
    const dropped = await update(
      { articleId: article.id, expectedVersion: 2, authorSlugs: ["daniel-okafor"] },
      priya,
    );
    expect(as(dropped.data?.updateArticle, "ValidationError").issues[0]?.field).toBe("input.authorSlugs");
  });
});

describe("updating an article", () => {
  it("recomputes the HTML and reading time, bumps the version and keeps a revision of who changed what", async () => {
    const article = await create({ body: "Short." });
    const before = await rowOf(article.id);
    clock.ms += 1000;
    const result = await update({
      articleId: article.id,
      expectedVersion: 1,
      body: `# Long\n\n${"mot ".repeat(1100)}`,
      tagSlugs: ["space"],
    });
    const updated = as(result.data?.updateArticle, "ArticleMutationSuccess").article;
    expect(updated).toMatchObject({ version: 2, readingTimeMinutes: 5, tags: [{ slug: "space" }] });
    expect(updated.bodyHtml).toContain("<h1>Long</h1>");
    const row = await rowOf(article.id);
    expect(row.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    const revisions = await revisionRows(article.id);
    expect(revisions.map((r) => [r.version, r.changedFields])).toEqual([
      [1, expect.any(Array)],
      [2, ["body", "tags"]],
    ]);
  });

  it("answers a stale version with a Conflict and writes nothing", async () => {
    const article = await create();
    as(
      (await update({ articleId: article.id, expectedVersion: 1, lede: "First edit" })).data?.updateArticle,
      "ArticleMutationSuccess",
    );
    const stale = await update({
      articleId: article.id,
      expectedVersion: 1,
      lede: "Based on version 1",
      tagSlugs: ["ai"],
    });
    expect(as(stale.data?.updateArticle, "Conflict").message).toMatch(/changed since you read it/);
    expect(await rowOf(article.id)).toMatchObject({ lede: "First edit", version: 2 });
    expect(await revisionRows(article.id)).toHaveLength(2);
    const tags = await t.db.query.articleTags.findMany({
      where: { articleId: decodeGlobalID(article.id).id },
    });
    expect(tags).toEqual([]);
  });

  it("lets exactly one of two simultaneous edits of the same version through", async () => {
    const article = await create();
    const [a, b] = await Promise.all([
      update({ articleId: article.id, expectedVersion: 1, lede: "Edit A" }),
      update({ articleId: article.id, expectedVersion: 1, lede: "Edit B" }),
    ]);
    const kinds = [a.data?.updateArticle?.__typename, b.data?.updateArticle?.__typename].sort();
    expect(kinds).toEqual(["ArticleMutationSuccess", "Conflict"]);
    const row = await rowOf(article.id);
    expect(row.version).toBe(2);
    expect(["Edit A", "Edit B"]).toContain(row.lede);
  });

  it("writes no new version for an update that changes nothing", async () => {
    const article = await create();
    const result = await update({ articleId: article.id, expectedVersion: 1, title: article.title });
    expect(as(result.data?.updateArticle, "ArticleMutationSuccess").article.version).toBe(1);
    expect(await revisionRows(article.id)).toHaveLength(1);
  });

  it("answers NotFound for an unknown article", async () => {
    const result = await update({
      articleId: encodeGlobalID("Article", "00000000-0000-4000-8000-000000000000"),
      expectedVersion: 1,
      title: "Nothing",
    });
    as(result.data?.updateArticle, "NotFound");
  });

  it("rolls everything back when the last write fails: nothing is half written", async () => {
    const article = await create({ tagSlugs: ["ai"] });
    // A row in the way of the revision this update will write, the last of its statements.
    const [first] = await revisionRows(article.id);
    await t.db.insert(articleRevisions).values({
      articleId: decodeGlobalID(article.id).id,
      version: 2,
      changedFields: [],
      snapshot: first?.snapshot as NonNullable<typeof first>["snapshot"],
    });
    const logged = logs.lines.length;
    const result = await update({
      articleId: article.id,
      expectedVersion: 1,
      title: freshTitle("Never saved"),
      body: "Never saved either.",
      tagSlugs: ["space"],
    });
    expect(result.errors?.[0]?.message).toBe("Unexpected error.");
    const row = await rowOf(article.id);
    expect(row).toMatchObject({ title: article.title, slug: article.slug, body: article.body, version: 1 });
    const tags = await t.db.query.articleTags.findMany({ where: { articleId: row.id }, with: { tag: true } });
    expect(tags.map((link) => link.tag.slug)).toEqual(["ai"]);
    // The failure is logged once, as the error it is, with the database's reason.
    expect(logs.lines.slice(logged)).toEqual([
      expect.objectContaining({
        level: "error",
        field: "updateArticle",
        err: expect.objectContaining({
          cause: expect.objectContaining({
            message: expect.stringContaining("article_revisions_version_idx"),
          }),
        }),
      }),
    ]);
  });
});

describe("revisions", () => {
  it("lists who changed what, newest first, and restores an old one as a new version", async () => {
    const original = await create({ title: "Version one", body: "Original body.", tagSlugs: ["ai"] });
    await update({ articleId: original.id, expectedVersion: 1, title: "Version two" });
    await update({
      articleId: original.id,
      expectedVersion: 2,
      body: "Rewritten body.",
      tagSlugs: ["space"],
    });

    const listed = (await t.execute(Revisions, { articleId: original.id }, { token: priya })).data
      ?.articleRevisions;
    expect(listed?.totalCount).toBe(3);
    expect(listed?.nodes.map((r) => [r.version, r.changedFields, r.title])).toEqual([
      [3, ["body", "tags"], "Version two"],
      [2, ["slug", "title"], "Version two"],
      [1, expect.arrayContaining(["title", "body", "slug"]), "Version one"],
    ]);
    expect(listed?.nodes[0]?.staff?.name).toMatch(/^Test editor/);
    expect(listed?.nodes[2]?.tags).toEqual([{ slug: "ai" }]);

    const first = listed?.nodes[2];
    const restored = await t.execute(
      RestoreRevision,
      { input: { articleId: original.id, revisionId: first?.id as string, expectedVersion: 3 } },
      { token: editor },
    );
    expect(as(restored.data?.restoreArticleRevision, "ArticleMutationSuccess").article).toEqual({
      slug: "version-one",
      title: "Version one",
      body: "Original body.",
      version: 4,
      tags: [{ slug: "ai" }],
    });
    const [latest] =
      (await t.execute(Revisions, { articleId: original.id }, { token: editor })).data?.articleRevisions
        .nodes ?? [];
    expect(latest).toMatchObject({ version: 4, changedFields: ["slug", "title", "body", "tags"] });
  });

  it("refuses to restore over a newer version", async () => {
    const article = await create();
    await update({ articleId: article.id, expectedVersion: 1, lede: "Newer" });
    const [, first] =
      (await t.execute(Revisions, { articleId: article.id }, { token: editor })).data?.articleRevisions
        .nodes ?? [];
    const result = await t.execute(
      RestoreRevision,
      { input: { articleId: article.id, revisionId: first?.id as string, expectedVersion: 1 } },
      { token: editor },
    );
    as(result.data?.restoreArticleRevision, "Conflict");
    expect((await rowOf(article.id)).lede).toBe("Newer");
  });

  it("records the state of an article from before revisions at its first change, so it can be restored", async () => {
    const id = articleGlobalId(openArticle.slug);
    const result = await update({ articleId: id, expectedVersion: 1, title: "A corrected headline" });
    as(result.data?.updateArticle, "ArticleMutationSuccess");
    const nodes =
      (await t.execute(Revisions, { articleId: id }, { token: editor })).data?.articleRevisions.nodes ?? [];
    expect(nodes.map((r) => [r.version, r.title, r.staff === null])).toEqual([
      [2, "A corrected headline", false],
      [1, openArticle.title, true],
    ]);
    const restored = await t.execute(
      RestoreRevision,
      { input: { articleId: id, revisionId: nodes[1]?.id as string, expectedVersion: 2 } },
      { token: editor },
    );
    expect(as(restored.data?.restoreArticleRevision, "ArticleMutationSuccess").article).toMatchObject({
      title: openArticle.title,
      slug: openArticle.slug,
    });
  });

  it("are for staff only", async () => {
    const article = await create();
    const result = await t.execute(Revisions, { articleId: article.id });
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
  });
});

describe("deleting and restoring", () => {
  it("takes an article out of every read until restored, and lists it in the bin", async () => {
    const article = await create({ tagSlugs: ["energy"] });
    await publish(article.id);
    expect(
      (await t.execute(PublicLists, { tag: "energy" })).data?.articles.nodes.map((a) => a.slug),
    ).toContain(article.slug);

    const deleted = await t.execute(DeleteArticle, { input: { articleId: article.id } }, { token: editor });
    as(deleted.data?.deleteArticle, "ArticleMutationSuccess");
    expect((await rowOf(article.id)).deletedAt).toEqual(now());
    expect((await t.execute(ArticleBySlug, { slug: article.slug })).data?.article).toBeNull();
    expect(
      (await t.execute(ArticleBySlug, { slug: article.slug }, { token: editor })).data?.article,
    ).toBeNull();
    expect((await t.execute(NodeById, { id: article.id }, { token: editor })).data?.node).toBeNull();
    expect(
      (await t.execute(PublicLists, { tag: "energy" })).data?.articles.nodes.map((a) => a.slug),
    ).not.toContain(article.slug);
    const bin = (await t.execute(DeletedArticles, {}, { token: editor })).data?.deletedArticles;
    expect(bin?.nodes.map((a) => a.slug)).toContain(article.slug);
    as(
      (await update({ articleId: article.id, expectedVersion: 3, title: "Ghost" })).data?.updateArticle,
      "NotFound",
    );

    const restored = await t.execute(RestoreArticle, { input: { articleId: article.id } }, { token: editor });
    expect(as(restored.data?.restoreArticle, "ArticleMutationSuccess").article).toEqual({
      slug: article.slug,
      status: "PUBLISHED",
    });
    expect((await t.execute(ArticleBySlug, { slug: article.slug })).data?.article?.title).toBe(article.title);
    expect(
      (await t.execute(DeletedArticles, {}, { token: editor })).data?.deletedArticles.nodes.map(
        (a) => a.slug,
      ),
    ).not.toContain(article.slug);
  });

  it("answers NotFound to restoring an article that is not deleted, and to deleting one twice", async () => {
    const article = await create();
    as(
      (await t.execute(RestoreArticle, { input: { articleId: article.id } }, { token: editor })).data
        ?.restoreArticle,
      "NotFound",
    );
    await t.execute(DeleteArticle, { input: { articleId: article.id } }, { token: editor });
    as(
      (await t.execute(DeleteArticle, { input: { articleId: article.id } }, { token: editor })).data
        ?.deleteArticle,
      "NotFound",
    );
  });

  it("keeps the bin for staff", async () => {
    expect(errorCode(await t.execute(DeletedArticles, {}))).toBe("UNAUTHENTICATED");
  });
});

describe("the demo draft", () => {
  it("is an author's own draft: editable by its author, not by another", async () => {
    const theo = await staffToken(t, "author", authorId("theo-garnier"));
    const id = articleGlobalId(draftArticle.slug);
    const [row] = await t.db
      .select({ version: articles.version })
      .from(articles)
      .where(eq(articles.slug, draftArticle.slug));
    const version = row?.version as number;
    expect(errorCode(await update({ articleId: id, expectedVersion: version, lede: "x" }, priya))).toBe(
      "FORBIDDEN",
    );
    const result = await update(
      { articleId: id, expectedVersion: version, lede: "Updated by its author." },
      theo,
    );
    expect(as(result.data?.updateArticle, "ArticleMutationSuccess").article.lede).toBe(
      "Updated by its author.",
    );
  });
});
