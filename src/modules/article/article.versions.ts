// Versions and revisions: every change to an article is its next version, written with a revision
// saying who changed what (and the article as it then was), under the row's lock, in the caller's
// transaction. A row that moved on since the client read it is a Conflict.
import type { Database, Executor } from "../../db/client.ts";
import type { ArticleSnapshot } from "../../db/schema.ts";
import type { CacheInvalidation } from "../../infra/cache-invalidation.ts";
import type { LedePubSub } from "../../infra/pubsub.ts";
import { AccessDeniedError, ConflictError, NotFoundError } from "../errors.ts";
import { type Actor, mayEditArticle, requireStaff } from "../staff/staff.roles.ts";
import { articleChangeEvent, recordWebhookEvent } from "../webhooks/webhook.events.ts";
import type { Article } from "./article.repo.ts";
import {
  type ArticlePatch,
  findArticleForWrite,
  hasRevisions,
  insertRevisions,
  replaceBylines,
  replaceTags,
  snapshotOf,
  toSnapshot,
  updateArticleRow,
} from "./article.writes.ts";

/** What writing an article takes: the store, the clock, the cache to tell, and who is acting. */
export interface ArticleServices {
  db: Database;
  now: () => Date;
  cache: CacheInvalidation;
  pubsub: LedePubSub;
  /** The signed-in staff member; null for the scheduler. */
  actor: Actor | null;
  /** An article's public URL with `{slug}` in it, for webhook payloads. */
  articleUrl: string;
}

/** An article locked for a change, with what it was before. */
export interface LockedArticle {
  article: Article;
  before: ArticleSnapshot;
}

/** How each snapshot key is named in a revision's changed fields (the schema's field names). */
const fieldNames: Record<keyof ArticleSnapshot, string> = {
  slug: "slug",
  language: "language",
  title: "title",
  lede: "lede",
  body: "body",
  status: "status",
  publishedAt: "publishedAt",
  commentsOpen: "commentsOpen",
  authorIds: "authors",
  tagIds: "tags",
  coverImageId: "coverImage",
};

export function changedFields(before: ArticleSnapshot | null, after: ArticleSnapshot): string[] {
  return (
    (Object.keys(fieldNames) as (keyof ArticleSnapshot)[])
      // `?? null`: revisions from before a field existed lack it.
      .filter(
        (key) =>
          before === null || JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
      )
      .map((key) => fieldNames[key])
  );
}

export interface VersionChange {
  patch?: ArticlePatch;
  authorIds?: string[];
  tagIds?: string[];
  /** What changed outside the snapshot: "quotes", "sources", "deletedAt". */
  alsoChanged?: string[];
  /** The version the change was based on; the locked row's own version when absent. */
  expectedVersion?: number;
}

/**
 * Writes `change` as the article's next version, with a revision saying who changed what. A change
 * that changes nothing writes nothing. A row no longer at the expected version is a Conflict.
 */
export async function writeNextVersion(
  tx: Executor,
  services: ArticleServices,
  { article, before }: LockedArticle,
  change: VersionChange,
): Promise<Article> {
  const authorIds = change.authorIds ?? before.authorIds;
  const tagIds = change.tagIds ?? before.tagIds;
  const planned = toSnapshot({ ...article, ...change.patch } as Article, authorIds, tagIds);
  const changed = [...changedFields(before, planned), ...(change.alsoChanged ?? [])];
  if (!changed.length) return article;

  const now = services.now();
  const updated = await updateArticleRow(
    tx,
    article.id,
    change.expectedVersion ?? article.version,
    change.patch ?? {},
    now,
  );
  if (!updated) throw conflict();
  if (changed.includes("authors")) await replaceBylines(tx, article.id, authorIds);
  if (changed.includes("tags")) await replaceTags(tx, article.id, tagIds);
  // An article written before revisions existed (the demo content, an import) gets its state
  // before this first change recorded too, so it can be restored.
  const baseline = (await hasRevisions(tx, article.id))
    ? []
    : [
        {
          articleId: article.id,
          version: article.version,
          staffId: null,
          changedFields: [],
          snapshot: before,
          createdAt: article.updatedAt,
        },
      ];
  await insertRevisions(tx, [
    ...baseline,
    {
      articleId: article.id,
      version: updated.version,
      staffId: services.actor?.id ?? null,
      changedFields: changed,
      snapshot: toSnapshot(updated, authorIds, tagIds),
      createdAt: now,
    },
  ]);
  await recordWebhookEvent(tx, articleChangeEvent(article, updated, changed, services.articleUrl), now);
  return updated;
}

export const conflict = (current?: number) =>
  new ConflictError(
    `This article changed since you read it${current ? ` (it is at version ${current} now)` : ""}; reload it and apply your change again`,
  );

/** The article `articleId` locked until the transaction ends, with its snapshot; missing is NotFound. */
export async function lockArticle(
  tx: Executor,
  articleId: string,
  options: { deleted?: boolean } = {},
): Promise<LockedArticle> {
  const article = await findArticleForWrite(tx, articleId, { lock: true, ...options });
  if (!article)
    throw new NotFoundError(options.deleted ? "No deleted article has this id" : "No article has this id");
  return { article, before: await snapshotOf(tx, article) };
}

/**
 * The live article `articleId`, locked until the transaction ends, after checking that the actor
 * may edit it. Quote and source changes start here too.
 */
export async function lockEditableArticle(
  tx: Executor,
  services: Pick<ArticleServices, "actor">,
  articleId: string,
): Promise<LockedArticle> {
  const actor = requireStaff(services.actor);
  const locked = await lockArticle(tx, articleId);
  if (!mayEditArticle(actor, locked.article.status, locked.before.authorIds)) {
    throw new AccessDeniedError("forbidden", "Authors edit only their own drafts");
  }
  return locked;
}

/** Records a change to an article's quotes or sources as its next version. */
export const touchArticle = (
  tx: Executor,
  services: ArticleServices,
  locked: LockedArticle,
  part: "quotes" | "sources",
) => writeNextVersion(tx, services, locked, { alsoChanged: [part] });

/**
 * After a commit, tells the response cache what changed: the article's cached answers, and every
 * list too when the set of public articles changed (or, with a published article's quotes, the
 * quote lists).
 */
export async function articleWritten(
  services: Pick<ArticleServices, "cache">,
  article: Article,
  listsChanged = false,
): Promise<Article> {
  await services.cache.articleChanged(article.id);
  if (listsChanged) await services.cache.articleListsChanged();
  return article;
}
