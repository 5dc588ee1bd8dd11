import { decodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../src/app.ts";
import { runSchedulerOnce } from "../src/modules/article/article.scheduler.ts";
import type { TestApp } from "./setup/app.ts";
import {
  ArticleBySlug,
  as,
  CreatePreview,
  DeleteArticle,
  errorCode,
  PublicLists,
  ScheduleArticle,
  UnpublishArticle,
  useEditorialApp,
} from "./setup/editorial.ts";
import { openSse, settle } from "./setup/sse.ts";

const app = useEditorialApp();
const { clock, now, pubsub, create, publish, rowOf, revisionRows } = app;
let t: TestApp;
let editor: string;
let priya: string;
let daniel: string;
beforeAll(() => {
  ({ t, editor, priya, daniel } = app);
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
    clock.ms += 3_600_000;
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
      { input: { articleId: article.id, at: new Date(clock.ms - 1000).toISOString() } },
      { token: editor },
    );
    expect(as(past.data?.scheduleArticle, "ValidationError").issues[0]?.field).toBe("input.at");
    await publish(article.id);
    const again = await t.execute(
      ScheduleArticle,
      { input: { articleId: article.id, at: new Date(clock.ms + 3_600_000).toISOString() } },
      { token: editor },
    );
    expect(as(again.data?.scheduleArticle, "ValidationError").issues[0]?.field).toBe("input.articleId");
  });

  it("schedules a draft, and unpublishing cancels the schedule", async () => {
    const article = await create();
    const at = new Date(clock.ms + 86_400_000).toISOString();
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
    const at = new Date(clock.ms + 3_600_000);
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
    const at = new Date(clock.ms + 60_000);
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
    expect(new Date(preview.expiresAt).getTime()).toBe(Math.floor((clock.ms + 3_600_000) / 1000) * 1000);
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
    clock.ms += 2 * 60_000 + 1000;
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
    const at = new Date(clock.ms + 60_000);
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
