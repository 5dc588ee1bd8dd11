// Per-request loaders of sources.
import type { Context } from "../../graphql/context.ts";
import { rowByIdLoader } from "../../graphql/loaders.ts";
import { findSourcesByIds } from "./source.repo.ts";

export const sourceById = (ctx: Context) => rowByIdLoader((ids) => findSourcesByIds(ctx.db, ids));
