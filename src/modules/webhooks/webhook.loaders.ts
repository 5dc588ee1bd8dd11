// Per-request loaders of webhook deliveries' events and attempts.
import type { Context } from "../../graphql/context.ts";
import { groupLoader, rowByIdLoader } from "../../graphql/loaders.ts";
import { findAttemptsByDeliveryIds, findEventsByIds } from "./webhook.repo.ts";

export const attemptsByDeliveryId = (ctx: Context) =>
  groupLoader(
    (ids: readonly string[]) => findAttemptsByDeliveryIds(ctx.db, ids),
    (attempt) => attempt.deliveryId,
  );
export const eventById = (ctx: Context) => rowByIdLoader((ids) => findEventsByIds(ctx.db, ids));
