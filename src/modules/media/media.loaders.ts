// Per-request loaders of images and of the articles that use them: a page of 20 articles with
// covers reads its images in one statement.
import type { Context } from "../../graphql/context.ts";
import { groupLoader, rowByIdLoader } from "../../graphql/loaders.ts";
import { findArticleIdsUsingImages, findImagesByIds } from "./media.repo.ts";

export const imageById = (ctx: Context) => rowByIdLoader((ids) => findImagesByIds(ctx.db, ids));

export const articleIdsByImageId = (ctx: Context) =>
  groupLoader(
    (imageIds: readonly string[]) => findArticleIdsUsingImages(ctx.db, imageIds),
    (row) => row.imageId,
  );
