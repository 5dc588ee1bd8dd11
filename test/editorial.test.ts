// Writing through the API: articles, roles, slugs, versions, revisions, publication, the bin,
// preview tokens, quotes, sources, authors and tags, and articlePublished. Every mutation is checked
// against the database afterwards; refusals are checked to have written nothing.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type App, createApp } from "../src/app.ts";
import { defaults } from "../src/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { articleRevisions, articles, quotes, sources, staff } from "../src/db/schema.ts";
import { stableUuid } from "../src/db/seed.ts";
import { createLedePubSub } from "../src/infra/pubsub.ts";
import { runSchedulerOnce } from "../src/modules/article/article.scheduler.ts";
import { slugify } from "../src/modules/article/article.slug.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, driver, type TestApp } from "./setup/app.ts";
import { runCli } from "./setup/cli.ts";
import { staffToken } from "./setup/factories.ts";
import { collectLogs } from "./setup/logs.ts";
import { articleGlobalId, draftArticle, openArticle } from "./setup/seed-facts.ts";
import { openSse, settle } from "./setup/sse.ts";

const CreateArticle = graphql(`
  mutation EdCreateArticle($input: CreateArticleInput!) {
    createArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess {
        article {
          id slug title lede body bodyHtml status version readingTimeMinutes language commentsOpen
          authors { slug }
          tags { slug }
        }
      }
      ... on ValidationError { issues { field message } }
    }
  }
`);

const UpdateArticle = graphql(`
  mutation EdUpdateArticle($input: UpdateArticleInput!) {
    updateArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess {
        article { id slug title lede body bodyHtml status version readingTimeMinutes authors { slug } tags { slug } }
      }
      ... on ValidationError { issues { field message } }
      ... on Conflict { message }
      ... on NotFound { message }
    }
  }
`);

const PublishArticle = graphql(`
  mutation EdPublishArticle($input: PublishArticleInput!) {
    publishArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { slug status publishedAt version } }
      ... on NotFound { message }
    }
  }
`);

const UnpublishArticle = graphql(`
  mutation EdUnpublishArticle($input: UnpublishArticleInput!) {
    unpublishArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { slug status publishedAt } }
    }
  }
`);

const ScheduleArticle = graphql(`
  mutation EdScheduleArticle($input: ScheduleArticleInput!) {
    scheduleArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { status publishedAt } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

const DeleteArticle = graphql(`
  mutation EdDeleteArticle($input: DeleteArticleInput!) {
    deleteArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { slug } }
      ... on NotFound { message }
    }
  }
`);

const RestoreArticle = graphql(`
  mutation EdRestoreArticle($input: RestoreArticleInput!) {
    restoreArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { slug status } }
      ... on NotFound { message }
    }
  }
`);

const DeletedArticles = graphql(`
  query EdDeletedArticles {
    deletedArticles(first: 100) { totalCount nodes { id slug } }
  }
`);

const Revisions = graphql(`
  query EdRevisions($articleId: ID!) {
    articleRevisions(articleId: $articleId, first: 50) {
      totalCount
      nodes { id version changedFields title body slug status createdAt staff { name } authors { slug } tags { slug } }
    }
  }
`);

const RestoreRevision = graphql(`
  mutation EdRestoreRevision($input: RestoreArticleRevisionInput!) {
    restoreArticleRevision(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { slug title body version tags { slug } } }
      ... on Conflict { message }
      ... on NotFound { message }
    }
  }
`);

const CreatePreview = graphql(`
  mutation EdCreatePreview($input: CreatePreviewTokenInput!) {
    createPreviewToken(input: $input) {
      __typename
      ... on PreviewToken { token expiresAt article { slug } }
      ... on ValidationError { issues { field } }
    }
  }
`);

const ArticleBySlug = graphql(`
  query EdArticleBySlug($slug: String!, $previewToken: String) {
    article(slug: $slug, previewToken: $previewToken) { id slug title status version quotes { text } }
  }
`);

const PublicLists = graphql(`
  query EdPublicLists($tag: String) {
    articles(first: 100, filter: { tag: $tag }) { nodes { slug } }
  }
`);

const NodeById = graphql(`
  query EdNodeById($id: ID!) {
    node(id: $id) { id ... on Article { slug } }
  }
`);

const AddQuote = graphql(`
  mutation EdAddQuote($input: AddQuoteInput!) {
    addQuote(input: $input) {
      __typename
      ... on QuoteMutationSuccess { quote { id text } article { version quotes { text } } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

const UpdateQuote = graphql(`
  mutation EdUpdateQuote($input: UpdateQuoteInput!) {
    updateQuote(input: $input) {
      __typename
      ... on QuoteMutationSuccess { quote { text speaker speakerRole } article { quotes { text } } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

const RemoveQuote = graphql(`
  mutation EdRemoveQuote($input: RemoveQuoteInput!) {
    removeQuote(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { quotes { text } } }
      ... on NotFound { message }
    }
  }
`);

const AddSource = graphql(`
  mutation EdAddSource($input: AddSourceInput!) {
    addSource(input: $input) {
      __typename
      ... on SourceMutationSuccess { source { id title url } article { sources { title } } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

const RemoveSource = graphql(`
  mutation EdRemoveSource($input: RemoveSourceInput!) {
    removeSource(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { sources { title } } }
      ... on NotFound { message }
    }
  }
`);

const CreateAuthor = graphql(`
  mutation EdCreateAuthor($input: CreateAuthorInput!) {
    createAuthor(input: $input) {
      __typename
      ... on AuthorMutationSuccess { author { id slug name bio avatarUrl jobTitle links { label url } } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

const UpdateAuthor = graphql(`
  mutation EdUpdateAuthor($input: UpdateAuthorInput!) {
    updateAuthor(input: $input) {
      __typename
      ... on AuthorMutationSuccess { author { slug name bio jobTitle } }
      ... on ValidationError { issues { field message } }
      ... on NotFound { message }
    }
  }
`);

const CreateTag = graphql(`
  mutation EdCreateTag($input: CreateTagInput!) {
    createTag(input: $input) {
      __typename
      ... on TagMutationSuccess { tag { slug name } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

// The clock moves a minute before each test (past the per-token mutation rate window).
let clock = new Date("2026-11-25T09:00:00Z").getTime();
const now = () => new Date(clock);
const { pubsub } = createLedePubSub();

const authorId = (slug: string) => stableUuid(`author:${slug}`);

// Read, not printed: a test below makes a write fail on purpose, and lede logs that as an error.
const logs = collectLogs("warn");

let t: TestApp;
let editor: string;
/** An author writing as priya-nair. */
let priya: string;
/** An author writing as daniel-okafor. */
let daniel: string;
/** An author with no byline. */
let orphan: string;
beforeAll(async () => {
  // The longest body an article may have (200,000 characters) is over the default request limit
  // (GRAPHQL_MAX_BODY_BYTES); this file sends one, as staff would with a raised limit.
  t = await createTestApp({
    now,
    pubsub,
    logger: logs.logger,
    graphql: { limits: { ...defaults.graphql.limits, maxBodyBytes: 1_000_000 } },
  });
  editor = await staffToken(t, "editor");
  priya = await staffToken(t, "author", authorId("priya-nair"));
  daniel = await staffToken(t, "author", authorId("daniel-okafor"));
  orphan = await staffToken(t, "author");
});
afterAll(() => t.close());
beforeEach(() => {
  clock += 61_000;
});

/** The payload narrowed to one member of its union, or a failed test that shows what came instead. */
function as<T extends { __typename: string }, N extends T["__typename"]>(
  payload: T | null | undefined,
  typename: N,
): Extract<T, { __typename: N }> {
  if (payload?.__typename !== typename)
    throw new Error(`expected ${typename}, got ${JSON.stringify(payload)}`);
  return payload as Extract<T, { __typename: N }>;
}

const errorCode = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

let titleCounter = 0;
/** A title no other test uses. */
const freshTitle = (prefix = "Draft") =>
  `${prefix} ${++titleCounter} ${Math.random().toString(36).slice(2, 7)}`;

async function create(input: Record<string, unknown> = {}, token = editor) {
  const result = await t.execute(
    CreateArticle,
    { input: { title: freshTitle(), language: "EN", authorSlugs: ["priya-nair"], ...input } as never },
    { token },
  );
  return as(result.data?.createArticle, "ArticleMutationSuccess").article;
}

const update = (input: Record<string, unknown>, token = editor) =>
  t.execute(UpdateArticle, { input: input as never }, { token });

const publish = async (id: string, token = editor) =>
  as(
    (await t.execute(PublishArticle, { input: { articleId: id } }, { token })).data?.publishArticle,
    "ArticleMutationSuccess",
  ).article;

const rowOf = async (id: string) => {
  const row = await t.db.query.articles.findFirst({ where: { id: decodeGlobalID(id).id } });
  if (!row) throw new Error(`no article row for ${id}`);
  return row;
};

const revisionRows = (id: string) =>
  t.db.query.articleRevisions.findMany({
    where: { articleId: decodeGlobalID(id).id },
    orderBy: { version: "asc" },
  });

const countArticlesTitled = async (title: string) =>
  (await t.db.select({ id: articles.id }).from(articles).where(eq(articles.title, title))).length;

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
    const at = new Date(clock + 3_600_000).toISOString();
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
    clock += 1000;
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

describe("publishing", () => {
  it("publishes now, shows the article to the public, and unpublishing archives it", async () => {
    const article = await create({ tagSlugs: ["space"] });
    expect((await t.execute(ArticleBySlug, { slug: article.slug })).data?.article).toBeNull();
    const published = await publish(article.id);
    expect(published).toMatchObject({ status: "PUBLISHED", publishedAt: now().toISOString() });
    expect((await t.execute(ArticleBySlug, { slug: article.slug })).data?.article?.title).toBe(article.title);
    const list = (await t.execute(PublicLists, { tag: "space" })).data?.articles.nodes.map((a) => a.slug);
    expect(list).toContain(article.slug);

    const firstPublishedAt = published.publishedAt;
    clock += 3_600_000;
    const unpublished = as(
      (await t.execute(UnpublishArticle, { input: { articleId: article.id } }, { token: editor })).data
        ?.unpublishArticle,
      "ArticleMutationSuccess",
    ).article;
    expect(unpublished).toMatchObject({ status: "ARCHIVED", slug: article.slug });
    expect((await t.execute(ArticleBySlug, { slug: article.slug })).data?.article).toBeNull();

    // Published again, it keeps the date it first came out.
    expect((await publish(article.id)).publishedAt).toBe(firstPublishedAt);
    const revisions = await revisionRows(article.id);
    expect(revisions.map((r) => r.changedFields)).toEqual([
      expect.any(Array),
      ["status", "publishedAt"],
      ["status"],
      ["status"],
    ]);
  });

  it("refuses a schedule in the past, and scheduling a published article", async () => {
    const article = await create();
    const past = await t.execute(
      ScheduleArticle,
      { input: { articleId: article.id, at: new Date(clock - 1000).toISOString() } },
      { token: editor },
    );
    expect(as(past.data?.scheduleArticle, "ValidationError").issues[0]?.field).toBe("input.at");
    await publish(article.id);
    const again = await t.execute(
      ScheduleArticle,
      { input: { articleId: article.id, at: new Date(clock + 3_600_000).toISOString() } },
      { token: editor },
    );
    expect(as(again.data?.scheduleArticle, "ValidationError").issues[0]?.field).toBe("input.articleId");
  });

  it("schedules a draft, and unpublishing cancels the schedule", async () => {
    const article = await create();
    const at = new Date(clock + 86_400_000).toISOString();
    const scheduled = await t.execute(
      ScheduleArticle,
      { input: { articleId: article.id, at } },
      { token: editor },
    );
    expect(as(scheduled.data?.scheduleArticle, "ArticleMutationSuccess").article).toEqual({
      status: "SCHEDULED",
      publishedAt: at,
    });
    expect((await t.execute(ArticleBySlug, { slug: article.slug })).data?.article).toBeNull();
    const cancelled = await t.execute(
      UnpublishArticle,
      { input: { articleId: article.id } },
      { token: editor },
    );
    expect(as(cancelled.data?.unpublishArticle, "ArticleMutationSuccess").article).toMatchObject({
      status: "DRAFT",
      publishedAt: null,
    });
  });
});

describe("the scheduler", () => {
  it("publishes a due article at its time, not before, and once when runs race", async () => {
    const article = await create();
    const at = new Date(clock + 3_600_000);
    await t.execute(
      ScheduleArticle,
      { input: { articleId: article.id, at: at.toISOString() } },
      { token: editor },
    );
    const id = decodeGlobalID(article.id).id;

    expect(await runSchedulerOnce({ db: t.db, pubsub, now: () => new Date(at.getTime() - 1) })).not.toContain(
      id,
    );
    expect((await rowOf(article.id)).status).toBe("scheduled");

    const runs = await Promise.all([
      runSchedulerOnce({ db: t.db, pubsub, now: () => at }),
      runSchedulerOnce({ db: t.db, pubsub, now: () => at }),
      runSchedulerOnce({ db: t.db, pubsub, now: () => at }),
    ]);
    expect(runs.flat().filter((published) => published === id)).toHaveLength(1);
    const row = await rowOf(article.id);
    expect(row).toMatchObject({ status: "published", publishedAt: at });
    const revisions = await revisionRows(article.id);
    expect(revisions.at(-1)).toMatchObject({
      version: row.version,
      staffId: null,
      changedFields: ["status"],
    });
    expect(revisions.filter((r) => r.snapshot.status === "published")).toHaveLength(1);
  });

  it("does not publish a scheduled article that was deleted", async () => {
    const article = await create();
    const at = new Date(clock + 60_000);
    await t.execute(
      ScheduleArticle,
      { input: { articleId: article.id, at: at.toISOString() } },
      { token: editor },
    );
    await t.execute(DeleteArticle, { input: { articleId: article.id } }, { token: editor });
    expect(await runSchedulerOnce({ db: t.db, pubsub, now: () => at })).not.toContain(
      decodeGlobalID(article.id).id,
    );
    expect((await rowOf(article.id)).status).toBe("scheduled");
  });
});

describe("preview tokens", () => {
  let draft: Awaited<ReturnType<typeof create>>;
  let other: Awaited<ReturnType<typeof create>>;
  beforeAll(async () => {
    draft = await create({ authorSlugs: ["priya-nair"] }, priya);
    other = await create();
  });

  async function previewToken(articleId: string, token = editor, expiresInMinutes?: number) {
    const result = await t.execute(CreatePreview, { input: { articleId, expiresInMinutes } }, { token });
    return as(result.data?.createPreviewToken, "PreviewToken");
  }
  const read = async (slug: string, previewToken?: string, app?: App) => {
    if (!app) return (await t.execute(ArticleBySlug, { slug, previewToken })).data?.article ?? null;
    const response = await app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query:
          "query ($slug: String!, $token: String) { article(slug: $slug, previewToken: $token) { slug } }",
        variables: { slug, token: previewToken },
      }),
    });
    return ((await response.json()) as { data: { article: unknown } }).data.article;
  };

  it("shows a draft to anyone with its token, for an hour by default", async () => {
    const preview = await previewToken(draft.id, priya);
    expect(new Date(preview.expiresAt).getTime()).toBe(Math.floor((clock + 3_600_000) / 1000) * 1000);
    expect(await read(draft.slug)).toBeNull();
    expect(await read(draft.slug, preview.token)).toMatchObject({ slug: draft.slug, status: "DRAFT" });
  });

  it("refuses a forged token", async () => {
    const { token } = await previewToken(draft.id);
    const [expiry, signature] = token.split(".") as [string, string];
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    expect(await read(draft.slug, `${expiry}.${flipped}`)).toBeNull();
    // Another spelling of the same bytes: the last character's two unused bits set.
    const last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const respelled = `${signature.slice(0, -1)}${last[last.indexOf(signature.at(-1) as string) ^ 1]}`;
    expect(await read(draft.slug, `${expiry}.${respelled}`)).toBeNull();
    expect(await read(draft.slug, `${Number(expiry) + 3600}.${signature}`)).toBeNull();
    expect(await read(draft.slug, "not-a-token")).toBeNull();
  });

  it("refuses a token for another article", async () => {
    const { token } = await previewToken(other.id);
    expect(await read(draft.slug, token)).toBeNull();
    expect(await read(other.slug, token)).not.toBeNull();
  });

  it("refuses an expired token, even one read before through the response cache", async () => {
    const cached = createApp({
      db: t.db,
      now,
      graphql: { responseCache: { enabled: true, ttlMs: 300_000 } },
    });
    const { token } = await previewToken(draft.id, editor, 2);
    expect(await read(draft.slug, token, cached)).toEqual({ slug: draft.slug });
    clock += 2 * 60_000 + 1000;
    expect(await read(draft.slug, token, cached)).toBeNull();
  });

  it("refuses an author a token for someone else's article, and a lifetime out of bounds", async () => {
    expect(
      errorCode(await t.execute(CreatePreview, { input: { articleId: other.id } }, { token: daniel })),
    ).toBe("FORBIDDEN");
    const result = await t.execute(
      CreatePreview,
      { input: { articleId: draft.id, expiresInMinutes: 0 } },
      { token: editor },
    );
    expect(as(result.data?.createPreviewToken, "ValidationError").issues).toEqual([
      { field: "input.expiresInMinutes" },
    ]);
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

describe("quotes", () => {
  const quoteTexts = async (articleId: string) =>
    (
      await t.db
        .select({ text: quotes.text, position: quotes.position })
        .from(quotes)
        .where(eq(quotes.articleId, decodeGlobalID(articleId).id))
        .orderBy(quotes.position)
    ).map((q) => `${q.position}:${q.text}`);

  const add = async (articleId: string, text: string, position?: number, token = editor) =>
    as(
      (
        await t.execute(
          AddQuote,
          { input: { articleId, text, speaker: "Inès Marchetti", position } },
          { token },
        )
      ).data?.addQuote,
      "QuoteMutationSuccess",
    );

  it("appends, inserts, moves and removes, keeping positions 0..n-1 in order", async () => {
    const article = await create();
    await add(article.id, "B");
    await add(article.id, "D");
    const first = await add(article.id, "A", 0);
    expect(first.article.quotes.map((q) => q.text)).toEqual(["A", "B", "D"]);
    const c = await add(article.id, "C", 2);
    expect(await quoteTexts(article.id)).toEqual(["0:A", "1:B", "2:C", "3:D"]);

    const moved = await t.execute(
      UpdateQuote,
      { input: { quoteId: first.quote.id, position: 3 } },
      { token: editor },
    );
    expect(as(moved.data?.updateQuote, "QuoteMutationSuccess").article.quotes.map((q) => q.text)).toEqual([
      "B",
      "C",
      "D",
      "A",
    ]);
    await t.execute(UpdateQuote, { input: { quoteId: first.quote.id, position: 1 } }, { token: editor });
    expect(await quoteTexts(article.id)).toEqual(["0:B", "1:A", "2:C", "3:D"]);

    const removed = await t.execute(RemoveQuote, { input: { quoteId: c.quote.id } }, { token: editor });
    expect(as(removed.data?.removeQuote, "ArticleMutationSuccess").article.quotes.map((q) => q.text)).toEqual(
      ["B", "A", "D"],
    );
    expect(await quoteTexts(article.id)).toEqual(["0:B", "1:A", "2:D"]);
    const revisions = await revisionRows(article.id);
    expect(revisions.at(-1)?.changedFields).toEqual(["quotes"]);
    expect((await rowOf(article.id)).version).toBe(revisions.length);
  });

  it("updates the words, speaker and role of a quote", async () => {
    const article = await create();
    const { quote } = await add(article.id, "Old words");
    const result = await t.execute(
      UpdateQuote,
      {
        input: {
          quoteId: quote.id,
          text: "New words",
          speaker: "Jiang Wei",
          speakerRole: "VP international de Xiaomi",
        },
      },
      { token: editor },
    );
    expect(as(result.data?.updateQuote, "QuoteMutationSuccess").quote).toEqual({
      text: "New words",
      speaker: "Jiang Wei",
      speakerRole: "VP international de Xiaomi",
    });
  });

  it("refuses a position out of range, an empty speaker, and someone else's draft", async () => {
    const article = await create({ authorSlugs: ["priya-nair"] }, priya);
    await add(article.id, "Only one", undefined, priya);
    const far = await t.execute(
      AddQuote,
      { input: { articleId: article.id, text: "Far", speaker: "X", position: 5 } },
      { token: priya },
    );
    expect(as(far.data?.addQuote, "ValidationError").issues).toEqual([
      { field: "input.position", message: "position must be between 0 and 1" },
    ]);
    const empty = await t.execute(
      AddQuote,
      { input: { articleId: article.id, text: "Hm", speaker: " " } },
      { token: priya },
    );
    expect(as(empty.data?.addQuote, "ValidationError").issues[0]?.field).toBe("input.speaker");
    const stranger = await t.execute(
      AddQuote,
      { input: { articleId: article.id, text: "Not mine", speaker: "X" } },
      { token: daniel },
    );
    expect(errorCode(stranger)).toBe("FORBIDDEN");
    expect(await quoteTexts(article.id)).toEqual(["0:Only one"]);
  });
});

describe("sources", () => {
  it("adds at the end or at a position, removes and closes the gap", async () => {
    const article = await create();
    const addSource = async (title: string, position?: number) =>
      as(
        (
          await t.execute(
            AddSource,
            {
              input: {
                articleId: article.id,
                title,
                url: `https://example.com/${title}`,
                publisher: "Ex",
                position,
              },
            },
            { token: editor },
          )
        ).data?.addSource,
        "SourceMutationSuccess",
      );
    await addSource("second");
    const first = await addSource("first", 0);
    expect(first.article.sources.map((s) => s.title)).toEqual(["first", "second"]);
    await addSource("third");
    const removed = await t.execute(
      RemoveSource,
      { input: { sourceId: first.source.id } },
      { token: editor },
    );
    expect(
      as(removed.data?.removeSource, "ArticleMutationSuccess").article.sources.map((s) => s.title),
    ).toEqual(["second", "third"]);
    const rows = await t.db
      .select({ title: sources.title, position: sources.position })
      .from(sources)
      .where(eq(sources.articleId, decodeGlobalID(article.id).id))
      .orderBy(sources.position);
    expect(rows).toEqual([
      { title: "second", position: 0 },
      { title: "third", position: 1 },
    ]);
    expect((await revisionRows(article.id)).at(-1)?.changedFields).toEqual(["sources"]);
  });

  it("refuses a URL that is not http(s) and a missing title", async () => {
    const article = await create();
    const result = await t.execute(
      AddSource,
      { input: { articleId: article.id, title: "", url: "javascript:alert(1)" } },
      { token: editor },
    );
    expect(
      as(result.data?.addSource, "ValidationError")
        .issues.map((i) => i.field)
        .sort(),
    ).toEqual(["input.title", "input.url"]);
    expect(await t.db.$count(sources, eq(sources.articleId, decodeGlobalID(article.id).id))).toBe(0);
  });

  it("answers NotFound for an unknown source", async () => {
    const result = await t.execute(
      RemoveSource,
      { input: { sourceId: encodeGlobalID("Source", "00000000-0000-4000-8000-000000000000") } },
      { token: editor },
    );
    as(result.data?.removeSource, "NotFound");
  });
});

describe("authors and tags", () => {
  it("creates an author with a slug from the name, and refuses a taken slug", async () => {
    const result = await t.execute(
      CreateAuthor,
      {
        input: {
          name: "Zoé Lefèvre-Dubœuf",
          bio: "Covers chips.",
          avatarUrl: "https://example.com/zoe.jpg",
          jobTitle: "Reporter",
          links: [{ label: "Mastodon", url: "https://mastodon.example/@zoe" }],
        },
      },
      { token: editor },
    );
    expect(as(result.data?.createAuthor, "AuthorMutationSuccess").author).toMatchObject({
      slug: "zoe-lefevre-duboeuf",
      name: "Zoé Lefèvre-Dubœuf",
      links: [{ label: "Mastodon", url: "https://mastodon.example/@zoe" }],
    });
    const again = await t.execute(
      CreateAuthor,
      { input: { name: "Zoé Lefevre Duboeuf" } },
      { token: editor },
    );
    expect(as(again.data?.createAuthor, "ValidationError").issues[0]?.field).toBe("input.slug");
  });

  it("refuses bad URLs and slugs, field by field", async () => {
    const result = await t.execute(
      CreateAuthor,
      {
        input: {
          name: "Bad Input",
          slug: "Not A Slug",
          avatarUrl: "ftp://example.com/a.png",
          links: [{ label: "", url: "nope" }],
        },
      },
      { token: editor },
    );
    expect(
      as(result.data?.createAuthor, "ValidationError")
        .issues.map((i) => i.field)
        .sort(),
    ).toEqual(["input.avatarUrl", "input.links.0.label", "input.links.0.url", "input.slug"]);
    expect(await t.db.query.authors.findFirst({ where: { name: "Bad Input" } })).toBeUndefined();
  });

  it("updates an author's fields, clears one with null, and refuses a slug already taken", async () => {
    const created = as(
      (
        await t.execute(
          CreateAuthor,
          { input: { name: "Sam Writer", bio: "Old bio", jobTitle: "Intern" } },
          { token: editor },
        )
      ).data?.createAuthor,
      "AuthorMutationSuccess",
    ).author;
    const updated = await t.execute(
      UpdateAuthor,
      { input: { authorId: created.id, bio: "New bio", jobTitle: null } },
      { token: editor },
    );
    expect(as(updated.data?.updateAuthor, "AuthorMutationSuccess").author).toEqual({
      slug: "sam-writer",
      name: "Sam Writer",
      bio: "New bio",
      jobTitle: null,
    });
    const clash = await t.execute(
      UpdateAuthor,
      { input: { authorId: created.id, slug: "priya-nair" } },
      { token: editor },
    );
    expect(as(clash.data?.updateAuthor, "ValidationError").issues[0]?.field).toBe("input.slug");
  });

  it("leaves authors and tags to editors", async () => {
    expect(errorCode(await t.execute(CreateAuthor, { input: { name: "Nope" } }, { token: priya }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await t.execute(CreateTag, { input: { name: "Nope" } }, { token: priya }))).toBe(
      "FORBIDDEN",
    );
    expect(
      errorCode(
        await t.execute(
          UpdateAuthor,
          { input: { authorId: encodeGlobalID("Author", authorId("priya-nair")), bio: "Mine" } },
          { token: priya },
        ),
      ),
    ).toBe("FORBIDDEN");
  });

  it("creates a tag with a slug from its name, and refuses a duplicate and an empty name", async () => {
    const result = await t.execute(CreateTag, { input: { name: "Énergie solaire" } }, { token: editor });
    expect(as(result.data?.createTag, "TagMutationSuccess").tag).toEqual({
      slug: "energie-solaire",
      name: "Énergie solaire",
    });
    const duplicate = await t.execute(CreateTag, { input: { name: "Energie Solaire" } }, { token: editor });
    expect(as(duplicate.data?.createTag, "ValidationError").issues[0]?.field).toBe("input.slug");
    const empty = await t.execute(CreateTag, { input: { name: "  " } }, { token: editor });
    expect(as(empty.data?.createTag, "ValidationError").issues[0]?.field).toBe("input.name");
    // The new tag works in articles at once.
    expect((await create({ tagSlugs: ["energie-solaire"] })).tags).toEqual([{ slug: "energie-solaire" }]);
  });
});

describe("articlePublished over SSE", () => {
  const openSubscription = (tag: string | null) =>
    openSse<{ articlePublished: { slug: string; status: string } }>(
      t.app,
      "subscription ($tag: String) { articlePublished(tag: $tag) { slug status tags { slug } } }",
      { tag },
    );

  it("streams articles as an editor or the scheduler publishes them, filtered by tag", async () => {
    const security = await openSubscription("security");
    const everything = await openSubscription(null);
    await settle();

    const tagged = await create({ tagSlugs: ["security"] });
    const untagged = await create({ tagSlugs: ["space"] });
    await publish(untagged.id);
    await publish(tagged.id);
    expect((await everything.next())?.data.articlePublished.slug).toBe(untagged.slug);
    expect((await everything.next())?.data.articlePublished).toMatchObject({
      slug: tagged.slug,
      status: "PUBLISHED",
    });
    expect((await security.next())?.data.articlePublished.slug).toBe(tagged.slug);

    const scheduled = await create({ tagSlugs: ["security"] });
    const at = new Date(clock + 60_000);
    await t.execute(
      ScheduleArticle,
      { input: { articleId: scheduled.id, at: at.toISOString() } },
      { token: editor },
    );
    await runSchedulerOnce({ db: t.db, pubsub, now: () => at });
    expect((await security.next())?.data.articlePublished.slug).toBe(scheduled.slug);
    expect(await security.next(300)).toBeNull();

    await security.close();
    await everything.close();
  });

  it("refuses an unknown tag", async () => {
    const response = await t.app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: 'subscription { articlePublished(tag: "no-such-tag") { slug } }' }),
    });
    expect(await response.text()).toContain("No tag has the slug no-such-tag");
  });
});

describe("npm run lede -- token create --author", () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "lede-cli-"));
    env =
      driver === "postgres"
        ? { DATABASE_URL: t.handle.url as string, LEDE_DATA_DIR: dataDir }
        : { LEDE_DATA_DIR: dataDir };
    // The CLI's own PGlite directory needs the demo authors.
    if (driver === "pglite") expect((await runCli(["seed"], env)).code).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("links the new staff member to a byline", async () => {
    const result = await runCli(
      ["token", "create", "--role", "author", "--name", "Camille Renaud", "--author", "camille-renaud"],
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^lede_[A-Za-z0-9_-]{43}\n$/);
    const handle = driver === "postgres" ? t.handle : await openDatabase({ dataDir });
    try {
      const [member] = await handle.db.select().from(staff).where(eq(staff.name, "Camille Renaud"));
      expect(member).toMatchObject({ role: "author", authorId: authorId("camille-renaud") });
    } finally {
      if (handle !== t.handle) await handle.close();
    }
  });

  it("refuses an unknown byline and prints no token", async () => {
    const result = await runCli(
      ["token", "create", "--role", "author", "--name", "X", "--author", "nobody"],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("no author has the slug nobody");
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
