// The scheduler publishes scheduled articles at their time: from the row alone (nothing in memory
// to lose on a restart), once each however many processes run it, announcing each publication.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../src/db/client.ts";
import { articleRevisions, articles } from "../src/db/schema.ts";
import { seedArticles } from "../src/db/seed-content.ts";
import { stableUuid } from "../src/db/stable-uuid.ts";
import { noInvalidation } from "../src/infra/cache-invalidation.ts";
import { createLedePubSub } from "../src/infra/pubsub.ts";
import { runSchedulerOnce, startArticleScheduler } from "../src/modules/article/article.scheduler.ts";
import { publishDueArticle } from "../src/modules/article/article.service.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, driver, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import { signal } from "./setup/signals.ts";

const SchedCreate = graphql(`
  mutation SchedCreate($input: CreateArticleInput!) {
    createArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { id } } }
  }
`);

const SchedSchedule = graphql(`
  mutation SchedSchedule($input: ScheduleArticleInput!) {
    scheduleArticle(input: $input) { __typename }
  }
`);

const clock = new Date("2026-11-25T09:00:00Z");
const { pubsub } = createLedePubSub();

let t: TestApp;
let editor: string;
beforeAll(async () => {
  t = await createTestApp({ now: () => clock, pubsub });
  editor = await staffToken(t, "editor");
});
afterAll(() => t.close());

let counter = 0;
/** A draft scheduled through the API for `at`; returns its row id. */
async function scheduledArticle(at: Date): Promise<string> {
  counter += 1;
  const created = await t.execute(
    SchedCreate,
    {
      input: {
        title: `Scheduled ${counter}`,
        language: "EN",
        authorSlugs: ["priya-nair"],
        tagSlugs: ["space"],
      },
    },
    { token: editor },
  );
  const payload = created.data?.createArticle;
  if (payload?.__typename !== "ArticleMutationSuccess") throw new Error(JSON.stringify(created));
  const scheduled = await t.execute(
    SchedSchedule,
    { input: { articleId: payload.article.id, at: at.toISOString() } },
    { token: editor },
  );
  expect(scheduled.data?.scheduleArticle.__typename).toBe("ArticleMutationSuccess");
  return decodeGlobalID(payload.article.id).id;
}

const statusOf = async (id: string) =>
  (await t.db.select({ status: articles.status }).from(articles).where(eq(articles.id, id)))[0]?.status;

/** Collects the ids announced on articlePublished until stopped. */
function listen() {
  const ids: string[] = [];
  const stop = pubsub.listen("articlePublished", ({ articleId }) => ids.push(articleId));
  return {
    ids,
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 50));
      stop();
    },
  };
}

describe("the scheduler", () => {
  it("publishes the demo's scheduled article at its time and not a millisecond before, from the row alone", async () => {
    const seed = seedArticles.find((a) => a.status === "scheduled");
    const id = stableUuid(`article:${seed?.slug}`);
    const due = new Date(seed?.publishedAt as string);
    // No app, no memory of any schedule: only the database, as after a restart.
    expect(
      await runSchedulerOnce({ db: t.db, pubsub, now: () => new Date(due.getTime() - 1) }),
    ).not.toContain(id);
    expect(await statusOf(id)).toBe("scheduled");
    expect(await runSchedulerOnce({ db: t.db, pubsub, now: () => due })).toContain(id);
    expect(await statusOf(id)).toBe("published");
    // Published through the editors' path: the demo row, written before revisions, gets its state
    // before the change recorded first (as any first change does), so it can be restored.
    const [baseline, revision] = await t.db
      .select()
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, id))
      .orderBy(articleRevisions.version);
    expect(baseline).toMatchObject({ version: 1, staffId: null, changedFields: [] });
    expect(baseline?.snapshot).toMatchObject({ status: "scheduled" });
    expect(revision).toMatchObject({ version: 2, staffId: null, changedFields: ["status"] });
    expect(revision?.snapshot).toMatchObject({ status: "published", publishedAt: due.toISOString() });
  });

  it("publishes each due article exactly once when several processes run at the same moment", async () => {
    const at = new Date(clock.getTime() + 3_600_000);
    const ids = await Promise.all(Array.from({ length: 6 }, () => scheduledArticle(at)));
    // On PostgreSQL, a second connection pool, as another process would have.
    const other: DatabaseHandle | null =
      driver === "postgres" ? await openDatabase({ url: t.handle.url as string, poolSize: 3 }) : null;
    const announced = listen();
    try {
      const runs = await Promise.all(
        [t.db, other?.db ?? t.db, t.db, other?.db ?? t.db].map((db) =>
          runSchedulerOnce({ db, pubsub, now: () => at }),
        ),
      );
      const published = runs.flat().filter((id) => ids.includes(id));
      expect(published.sort()).toEqual([...ids].sort());
      await announced.stop();
      expect(announced.ids.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
      for (const id of ids) {
        const revisions = await t.db
          .select()
          .from(articleRevisions)
          .where(eq(articleRevisions.articleId, id));
        expect(revisions.filter((r) => r.changedFields.join() === "status")).toHaveLength(1);
        expect(await statusOf(id)).toBe("published");
      }
    } finally {
      await other?.close();
    }
  });

  it("leaves an article deleted after it was listed as due, and publishes the others", async () => {
    const at = new Date(clock.getTime() + 5_400_000);
    const id = await scheduledArticle(at);
    await t.db.update(articles).set({ deletedAt: at }).where(eq(articles.id, id));
    const services = {
      db: t.db,
      now: () => at,
      cache: noInvalidation,
      pubsub,
      actor: null,
      articleUrl: "https://lede.test/{slug}",
    };
    // As if the scheduler had listed it just before the editor deleted it.
    expect(await publishDueArticle(services, id)).toBeNull();
    expect(await statusOf(id)).toBe("scheduled");
  });

  it("runs in a loop until stopped", async () => {
    const at = new Date(clock.getTime() + 7_200_000);
    const id = await scheduledArticle(at);
    const lines: string[] = [];
    const published = signal();
    const loop = startArticleScheduler({
      db: t.db,
      pubsub,
      now: () => at,
      intervalMs: 3_600_000,
      log: (line) => {
        lines.push(line);
        if (line.startsWith("scheduler: published")) published.fire();
      },
    });
    try {
      await published.fired;
    } finally {
      await loop.stop();
    }
    expect(await statusOf(id)).toBe("published");
    expect(lines).toEqual(["scheduler: published 1 article"]);
  });
});
