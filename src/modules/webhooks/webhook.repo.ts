// Reads and writes of endpoints, their deliveries and the attempts' log. Queue state (claiming,
// leases, retries) belongs to the work queue (infra/work-queue.ts), not here.
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { asTimestamp, asUuid, keysetFilter, keysetOrder, pageLimit } from "../../db/keyset.ts";
import {
  type OutboxStatus,
  webhookAttempts,
  webhookDeliveries,
  webhookEvents,
  webhooks,
} from "../../db/schema.ts";
import type { PageRequest } from "../../graphql/pagination.ts";

export type Webhook = typeof webhooks.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
export type StoredWebhookEvent = typeof webhookEvents.$inferSelect;

export async function insertWebhook(db: Executor, values: typeof webhooks.$inferInsert): Promise<Webhook> {
  const [row] = await db.insert(webhooks).values(values).returning();
  if (!row) throw new Error("insert returned no webhook");
  return row;
}

export async function updateWebhookRow(
  db: Executor,
  id: string,
  patch: Partial<typeof webhooks.$inferInsert>,
): Promise<Webhook | null> {
  const [row] = await db.update(webhooks).set(patch).where(eq(webhooks.id, id)).returning();
  return row ?? null;
}

export async function deleteWebhookRow(db: Executor, id: string): Promise<Webhook | null> {
  const [row] = await db.delete(webhooks).where(eq(webhooks.id, id)).returning();
  return row ?? null;
}

export const findWebhook = async (db: Executor, id: string): Promise<Webhook | null> =>
  (await db.select().from(webhooks).where(eq(webhooks.id, id)).limit(1))[0] ?? null;

export const listWebhooks = (db: Executor): Promise<Webhook[]> =>
  db.select().from(webhooks).orderBy(asc(webhooks.createdAt), asc(webhooks.id));

export const findDelivery = async (db: Executor, id: string): Promise<WebhookDelivery | null> =>
  (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).limit(1))[0] ?? null;

/** A delivery with its endpoint and event, for sending it. */
export async function findDeliveryToSend(db: Executor, id: string) {
  const [row] = await db
    .select({ webhook: webhooks, event: webhookEvents })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, id))
    .limit(1);
  return row ?? null;
}

export async function insertEvent(
  db: Executor,
  values: typeof webhookEvents.$inferInsert,
): Promise<StoredWebhookEvent> {
  const [row] = await db.insert(webhookEvents).values(values).returning();
  if (!row) throw new Error("insert returned no event");
  return row;
}

export async function insertDelivery(
  db: Executor,
  values: typeof webhookDeliveries.$inferInsert,
): Promise<WebhookDelivery> {
  const [row] = await db.insert(webhookDeliveries).values(values).returning();
  if (!row) throw new Error("insert returned no delivery");
  return row;
}

export async function insertAttempt(
  db: Executor,
  values: typeof webhookAttempts.$inferInsert,
): Promise<void> {
  await db.insert(webhookAttempts).values(values);
}

/** After a success: the endpoint is not failing any more. */
export async function markSucceeding(db: Executor, webhookId: string): Promise<void> {
  await db
    .update(webhooks)
    .set({ failingSince: null })
    .where(and(eq(webhooks.id, webhookId), sql`${webhooks.failingSince} is not null`));
}

/**
 * After a failure: failing since now if it was not already. Returns since when it fails, or null
 * when the endpoint is gone.
 */
export async function markFailing(db: Executor, webhookId: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .update(webhooks)
    .set({ failingSince: sql`coalesce(${webhooks.failingSince}, ${now.toISOString()}::timestamptz)` })
    .where(eq(webhooks.id, webhookId))
    .returning({ failingSince: webhooks.failingSince });
  return row?.failingSince ?? null;
}

export async function disableWebhook(
  db: Executor,
  webhookId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db
    .update(webhooks)
    .set({ disabledAt: now, disabledReason: reason, updatedAt: now })
    .where(and(eq(webhooks.id, webhookId), sql`${webhooks.disabledAt} is null`));
}

export async function listDeliveries(
  db: Executor,
  webhookId: string,
  statuses: readonly OutboxStatus[],
  page: PageRequest,
): Promise<WebhookDelivery[]> {
  const key = [webhookDeliveries.createdAt, webhookDeliveries.id].map((column) => column.getSQL());
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        statuses.length ? inArray(webhookDeliveries.status, [...statuses]) : undefined,
        keysetFilter(key, [asTimestamp, asUuid], page, true),
      ),
    )
    .orderBy(keysetOrder(key, page, true))
    .limit(pageLimit(page));
}

export async function countDeliveries(
  db: Executor,
  webhookId: string,
  statuses: readonly OutboxStatus[],
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        statuses.length ? inArray(webhookDeliveries.status, [...statuses]) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export const deliveryCursor = (delivery: WebhookDelivery): [string, string] => [
  delivery.createdAt.toISOString(),
  delivery.id,
];

/** The attempts of these deliveries, in order; rows carry their delivery's id. */
export const findAttemptsByDeliveryIds = (db: Executor, ids: readonly string[]): Promise<WebhookAttempt[]> =>
  db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, [...ids]))
    .orderBy(asc(webhookAttempts.deliveryId), asc(webhookAttempts.attempt));

export const findEventsByIds = (db: Executor, ids: readonly string[]): Promise<StoredWebhookEvent[]> =>
  db
    .select()
    .from(webhookEvents)
    .where(inArray(webhookEvents.id, [...ids]));
