// Per-request loaders of quotes.
import type { Context } from "../../graphql/context.ts";
import { rowByIdLoader } from "../../graphql/loaders.ts";
import { findQuotesByIds } from "./quote.repo.ts";

export const quoteById = (ctx: Context) => rowByIdLoader((ids) => findQuotesByIds(ctx.db, ids));
