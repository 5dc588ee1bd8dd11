import type { Context } from "../../graphql/context.ts";
import { rowLoader } from "../../graphql/loaders.ts";
import { findTagsByIds, findTagsBySlugs } from "./tag.repo.ts";

export const tagById = (ctx: Context) =>
  rowLoader(
    (ids: readonly string[]) => findTagsByIds(ctx.db, ids),
    (tag) => tag.id,
  );

export const tagBySlug = (ctx: Context) =>
  rowLoader(
    (slugs: readonly string[]) => findTagsBySlugs(ctx.db, slugs),
    (tag) => tag.slug,
  );
