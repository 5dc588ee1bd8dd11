import type { Context } from "../../graphql/context.ts";
import { rowByIdLoader, rowLoader } from "../../graphql/loaders.ts";
import { findAuthorsByIds, findAuthorsBySlugs } from "./author.repo.ts";

export const authorById = (ctx: Context) => rowByIdLoader((ids) => findAuthorsByIds(ctx.db, ids));

export const authorBySlug = (ctx: Context) =>
  rowLoader(
    (slugs: readonly string[]) => findAuthorsBySlugs(ctx.db, slugs),
    (author) => author.slug,
  );
