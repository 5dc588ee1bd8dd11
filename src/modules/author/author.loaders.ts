import type { Context } from "../../graphql/context.ts";
import { rowLoader } from "../../graphql/loaders.ts";
import { findAuthorsByIds, findAuthorsBySlugs } from "./author.repo.ts";

export const authorById = (ctx: Context) =>
  rowLoader(
    (ids: readonly string[]) => findAuthorsByIds(ctx.db, ids),
    (author) => author.id,
  );

export const authorBySlug = (ctx: Context) =>
  rowLoader(
    (slugs: readonly string[]) => findAuthorsBySlugs(ctx.db, slugs),
    (author) => author.slug,
  );
