// Webhook deliveries as a work queue (infra/work-queue.ts), the one that sends the outbox's email:
// at least once, and in order per endpoint and resource (a delivery waits while an earlier one of
// its stream is pending). 2xx is success; 410 disables the endpoint; anything else is retried with
// exponential backoff and jitter for 24 hours, and an endpoint failing for 5 days is disabled.
import { gt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { webhookDeliveries } from "../../db/schema.ts";
import type { WorkQueue } from "../../infra/work-queue.ts";
import { isPermanentFailure } from "../../mail/transports.ts";
import type { WebhookAddressPolicy } from "./webhook.address.ts";
import { eventIdOf, webhookPayload } from "./webhook.events.ts";
import { DELIVERY_TIMEOUT_MS, postWebhook } from "./webhook.http.ts";
import {
  disableWebhook,
  findDeliveryToSend,
  insertAttempt,
  markFailing,
  markSucceeding,
  type Webhook,
  type WebhookDelivery,
} from "./webhook.repo.ts";
import { decryptSecret, signatures } from "./webhook.secrets.ts";

/** How long a delivery is retried before it is marked failed. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How long an endpoint may fail every delivery before it is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * 60 * 60 * 1000;
/** Over the request's timeout, with room for the DNS lookup and the log's writes. */
export const WEBHOOK_LEASE_MS = 60_000;

/**
 * The wait after the n-th failed attempt: 30 s doubled each time up to 4 hours, of which a random
 * half is taken off (so that endpoints coming back are not hit by every retry at once).
 */
export function webhookBackoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 4 * 60 * 60 * 1000);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A failure that ends the delivery at once (the endpoint is gone or disabled). */
class FinalFailure extends Error {
  readonly permanent = true;
}

export interface WebhookQueueOptions {
  db: Executor;
  /** LEDE_SECRET, which the signing secrets are encrypted with. */
  secret: string;
  policy: WebhookAddressPolicy;
  now?: () => Date;
  timeoutMs?: number;
}

export type WebhookAttemptOutcome = "success" | "failure" | "gone";

/** Attempts made by this process since it started, and their total duration, for /metrics. */
export const webhookAttemptStats: Record<WebhookAttemptOutcome, { count: number; seconds: number }> = {
  success: { count: 0, seconds: 0 },
  failure: { count: 0, seconds: 0 },
  gone: { count: 0, seconds: 0 },
};

/** The secrets that sign now: the current one, and the previous one during its overlap. */
function signingSecrets(webhook: Webhook, appSecret: string, now: Date): string[] {
  const secrets = [decryptSecret(appSecret, webhook.secretEncrypted)];
  if (webhook.previousSecretEncrypted && (webhook.previousSecretExpiresAt?.getTime() ?? 0) > now.getTime()) {
    secrets.push(decryptSecret(appSecret, webhook.previousSecretEncrypted));
  }
  return secrets;
}

export function webhookQueue(options: WebhookQueueOptions): WorkQueue<WebhookDelivery> {
  const clock = options.now ?? (() => new Date());
  const { db } = options;
  const d = webhookDeliveries;

  const deliver = async (delivery: WebhookDelivery) => {
    const found = await findDeliveryToSend(db, delivery.id);
    if (!found) throw new FinalFailure("the delivery or its endpoint was deleted");
    const { webhook, event } = found;
    if (webhook.disabledAt) throw new FinalFailure(`the endpoint is disabled: ${webhook.disabledReason}`);
    const now = clock();
    const id = eventIdOf(event.id);
    const timestamp = Math.floor(now.getTime() / 1000);
    const body = webhookPayload(event, webhook.includePersonalData);
    const headers = {
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatures(signingSecrets(webhook, options.secret, now), id, timestamp, body),
    };
    const started = performance.now();
    let status: number | null = null;
    let responseBody: string | null = null;
    let failure: Error | null = null;
    try {
      const response = await postWebhook(webhook.url, body, headers, {
        policy: options.policy,
        timeoutMs: options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
      });
      status = response.status;
      responseBody = response.body;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    const durationMs = Math.round(performance.now() - started);
    const at = clock();
    await insertAttempt(db, {
      deliveryId: delivery.id,
      attempt: delivery.attempts,
      statusCode: status,
      durationMs,
      responseBody,
      error: failure?.message.slice(0, 1000) ?? null,
      createdAt: at,
    });
    const succeeded = status !== null && status >= 200 && status < 300;
    const stats = webhookAttemptStats[succeeded ? "success" : status === 410 ? "gone" : "failure"];
    stats.count += 1;
    stats.seconds += durationMs / 1000;
    if (succeeded) {
      await markSucceeding(db, webhook.id);
      return;
    }
    if (status === 410) {
      await disableWebhook(db, webhook.id, "the endpoint answered 410 Gone", at);
      throw new FinalFailure("the endpoint answered 410 Gone: it is disabled");
    }
    const failingSince = await markFailing(db, webhook.id, at);
    if (failingSince && at.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS) {
      await disableWebhook(db, webhook.id, "every delivery failed for 5 days", at);
    }
    throw failure ?? new Error(`the endpoint answered ${status}`);
  };

  return {
    name: "webhooks",
    table: d,
    columns: d,
    leaseMs: WEBHOOK_LEASE_MS,
    triable: (now) => gt(d.createdAt, new Date(now.getTime() - RETRY_WINDOW_MS)),
    // In order per endpoint and resource, and only to enabled endpoints (a disabled endpoint's
    // deliveries wait, then fail when their 24 hours are over).
    dueAlso: () => sql`not exists (
        select 1 from webhook_deliveries earlier
        where earlier.webhook_id = ${d.webhookId} and earlier.resource_key = ${d.resourceKey}
          and earlier.status = 'pending' and earlier.seq < ${d.seq}
      ) and exists (select 1 from webhooks where webhooks.id = ${d.webhookId} and webhooks.disabled_at is null)`,
    order: d.seq,
    work: deliver,
    givesUp: (delivery, error, now) =>
      isPermanentFailure(error) || now.getTime() - delivery.createdAt.getTime() >= RETRY_WINDOW_MS,
    backoffMs: (attempt) => webhookBackoffMs(attempt),
    doneValues: (now) => ({ sentAt: now }),
    describe: (delivery) => `delivery ${delivery.id}`,
  };
}
