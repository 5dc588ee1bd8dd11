import type { Context } from "../../graphql/context.ts";
import { rowByIdLoader, rowLoader } from "../../graphql/loaders.ts";
import { findTagsByIds, findTagsBySlugs } from "./tag.repo.ts";

export const tagById = (ctx: Context) => rowByIdLoader((ids) => findTagsByIds(ctx.db, ids));

export const tagBySlug = (ctx: Context) =>
  rowLoader(
    (slugs: readonly string[]) => findTagsBySlugs(ctx.db, slugs),
    (tag) => tag.slug,
  );
