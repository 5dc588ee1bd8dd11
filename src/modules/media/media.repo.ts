// Reads and writes of images and of which articles use them. Batch reads take keys[] and return
// rows that carry their key.
import { and, eq, getTableColumns, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { asTimestamp, asUuid, isUuid, keysetFilter, keysetOrder, pageLimit } from "../../db/keyset.ts";
import { articleImages, articles, images } from "../../db/schema.ts";
import type { PageRequest } from "../../graphql/pagination.ts";

/** Every column but the uploader, which no read for the API needs. */
const { uploadedBy: _uploadedBy, ...imageColumns } = getTableColumns(images);
export type Image = Omit<typeof images.$inferSelect, "uploadedBy">;
export type ImageInsert = typeof images.$inferInsert;

export async function findImagesByIds(db: Executor, ids: readonly string[]): Promise<Image[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return db.select(imageColumns).from(images).where(inArray(images.id, valid));
}

export async function findImageByHash(db: Executor, contentHash: string): Promise<Image | null> {
  const [row] = await db.select(imageColumns).from(images).where(eq(images.contentHash, contentHash));
  return row ?? null;
}

/**
 * Inserts the image unless its content is known already: the row for that content either way, and
 * whether this call created it.
 */
export async function insertImage(
  db: Executor,
  values: ImageInsert,
): Promise<{ image: Image; created: boolean }> {
  const [created] = await db
    .insert(images)
    .values(values)
    .onConflictDoNothing({ target: images.contentHash })
    .returning(imageColumns);
  if (created) return { image: created, created: true };
  return { image: (await findImageByHash(db, values.contentHash)) as Image, created: false };
}

export async function updateImageRow(
  db: Executor,
  id: string,
  patch: Partial<Pick<ImageInsert, "alt" | "caption" | "credit" | "decorative">>,
  now: Date,
): Promise<Image | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(images)
    .set({ ...patch, updatedAt: now })
    .where(eq(images.id, id))
    .returning(imageColumns);
  return row ?? null;
}

const newestFirst = [sql`${images.createdAt}`, sql`${images.id}`];
export const imageCursor = (image: Image): [string, string] => [image.createdAt.toISOString(), image.id];

/** Uploads, newest first: one page plus one row. */
export const listImages = (db: Executor, page: PageRequest): Promise<Image[]> =>
  db
    .select(imageColumns)
    .from(images)
    .where(keysetFilter(newestFirst, [asTimestamp, asUuid], page, true))
    .orderBy(keysetOrder(newestFirst, page, true))
    .limit(pageLimit(page));

export const countImages = (db: Executor) => db.$count(images);

/** The live articles that show each image, as cover or inline, in one statement. */
export async function findArticleIdsUsingImages(
  db: Executor,
  imageIds: readonly string[],
): Promise<{ imageId: string; articleId: string }[]> {
  const ids = imageIds.filter(isUuid);
  if (!ids.length) return [];
  const covers = db
    .select({ imageId: sql<string>`${articles.coverImageId}`.as("image_id"), articleId: articles.id })
    .from(articles)
    .where(and(isNull(articles.deletedAt), inArray(articles.coverImageId, ids)));
  const inline = db
    .select({ imageId: articleImages.imageId, articleId: articleImages.articleId })
    .from(articleImages)
    .innerJoin(articles, eq(articles.id, articleImages.articleId))
    .where(and(isNull(articles.deletedAt), inArray(articleImages.imageId, ids)));
  return covers.union(inline);
}

/** The inline images of an article's body, replaced whole when the body is written. */
export async function replaceArticleImages(tx: Executor, articleId: string, imageIds: readonly string[]) {
  await tx.delete(articleImages).where(eq(articleImages.articleId, articleId));
  if (imageIds.length) {
    await tx.insert(articleImages).values([...new Set(imageIds)].map((imageId) => ({ articleId, imageId })));
  }
}
