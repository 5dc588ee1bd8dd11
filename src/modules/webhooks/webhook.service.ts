// The rules for webhook endpoints, for admins: what a valid endpoint is, its secret shown once and
// rotated with a day's overlap, redelivery and ping. Explicit collaborators in, domain errors out;
// webhook.graphql.ts maps the errors to the API's typed errors.
import type { Database } from "../../db/client.ts";
import { isUuid } from "../../db/keyset.ts";
import { isAdmin } from "../staff/staff.roles.ts";
import { resolveAllowed, urlProblem, type WebhookAddressPolicy } from "./webhook.address.ts";
import { isWebhookEventType, PING_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from "./webhook.events.ts";
import {
  deleteWebhookRow,
  findDelivery,
  findWebhook,
  insertDelivery,
  insertEvent,
  insertWebhook,
  updateWebhookRow,
  type Webhook,
  type WebhookDelivery,
} from "./webhook.repo.ts";
import { encryptSecret, newSigningSecret, secretHint } from "./webhook.secrets.ts";

export interface WebhookServices {
  db: Database;
  now: () => Date;
  /** LEDE_SECRET: the signing secrets are stored encrypted with a key derived from it. */
  secret: string;
  /** Who asks: only admins manage webhooks. */
  actor: { role: string } | null;
  policy: WebhookAddressPolicy;
}

export interface WebhookIssue {
  field: string;
  message: string;
}

/** The input broke rules; nothing was written. */
export class WebhookInputError extends Error {
  readonly issues: WebhookIssue[];
  constructor(issues: WebhookIssue[]) {
    super(issues.map((issue) => issue.message).join("; "));
    this.issues = issues;
  }
}

export class WebhookNotFoundError extends Error {}

export class WebhookForbiddenError extends Error {
  constructor() {
    super("Only admins manage webhooks");
  }
}

/** How long the previous secret still signs after a rotation. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;
export const MAX_DESCRIPTION_LENGTH = 500;

export interface WebhookInput {
  url?: string | null | undefined;
  events?: readonly string[] | null | undefined;
  description?: string | null | undefined;
  includePersonalData?: boolean | null | undefined;
}

function requireAdmin(services: WebhookServices): void {
  if (!isAdmin(services.actor)) throw new WebhookForbiddenError();
}

/** Checks what `input` gives; absent means unchanged (on create, url and events are required). */
async function cleanInput(services: WebhookServices, input: WebhookInput, creating: boolean) {
  const issues: WebhookIssue[] = [];
  const clean: { url?: string; events?: string[]; description?: string; includePersonalData?: boolean } = {};
  if (input.url != null || creating) {
    const url = (input.url ?? "").trim();
    const problem = urlProblem(url, services.policy);
    if (problem) issues.push({ field: "input.url", message: problem });
    else {
      try {
        await resolveAllowed(new URL(url).hostname, services.policy);
        clean.url = url;
      } catch (error) {
        issues.push({ field: "input.url", message: (error as Error).message });
      }
    }
  }
  if (input.events != null || creating) {
    const events = [...new Set(input.events ?? [])];
    const unknown = events.filter((type) => !isWebhookEventType(type));
    if (!events.length)
      issues.push({ field: "input.events", message: "events must name at least one event" });
    else if (unknown.length) {
      issues.push({
        field: "input.events",
        message: `Unknown event ${unknown.slice(0, 5).join(", ")}; known: ${WEBHOOK_EVENT_TYPES.join(", ")}`,
      });
    } else clean.events = events;
  }
  if (input.description != null) {
    const description = input.description.trim();
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      issues.push({
        field: "input.description",
        message: `description is longer than ${MAX_DESCRIPTION_LENGTH} characters`,
      });
    } else clean.description = description;
  }
  if (input.includePersonalData != null) clean.includePersonalData = input.includePersonalData;
  if (issues.length) throw new WebhookInputError(issues);
  return clean;
}

export interface WebhookWithSecret {
  webhook: Webhook;
  /** Shown this once; afterwards only its hint. */
  secret: string;
}

export async function createWebhook(
  services: WebhookServices,
  input: WebhookInput,
): Promise<WebhookWithSecret> {
  requireAdmin(services);
  const clean = await cleanInput(services, input, true);
  const secret = newSigningSecret();
  const now = services.now();
  const webhook = await insertWebhook(services.db, {
    url: clean.url as string,
    events: clean.events as string[],
    description: clean.description ?? "",
    includePersonalData: clean.includePersonalData ?? false,
    secretEncrypted: encryptSecret(services.secret, secret),
    secretHint: secretHint(secret),
    createdAt: now,
    updatedAt: now,
  });
  return { webhook, secret };
}

async function existing(services: WebhookServices, id: string): Promise<Webhook> {
  const webhook = isUuid(id) ? await findWebhook(services.db, id) : null;
  if (!webhook) throw new WebhookNotFoundError("No webhook has this id");
  return webhook;
}

/** Changes what `input` gives; `enabled: true` turns a disabled endpoint back on. */
export async function updateWebhook(
  services: WebhookServices,
  id: string,
  input: WebhookInput & { enabled?: boolean | null | undefined },
): Promise<Webhook> {
  requireAdmin(services);
  const clean = await cleanInput(services, input, false);
  await existing(services, id);
  const now = services.now();
  const switched =
    input.enabled == null
      ? {}
      : input.enabled
        ? { disabledAt: null, disabledReason: null, failingSince: null }
        : { disabledAt: now, disabledReason: "disabled by an admin" };
  const updated = await updateWebhookRow(services.db, id, { ...clean, ...switched, updatedAt: now });
  if (!updated) throw new WebhookNotFoundError("No webhook has this id");
  return updated;
}

/** A new secret; the previous one goes on signing for SECRET_OVERLAP_MS, beside it. */
export async function rotateWebhookSecret(services: WebhookServices, id: string): Promise<WebhookWithSecret> {
  requireAdmin(services);
  const webhook = await existing(services, id);
  const secret = newSigningSecret();
  const now = services.now();
  const updated = await updateWebhookRow(services.db, id, {
    secretEncrypted: encryptSecret(services.secret, secret),
    secretHint: secretHint(secret),
    previousSecretEncrypted: webhook.secretEncrypted,
    previousSecretExpiresAt: new Date(now.getTime() + SECRET_OVERLAP_MS),
    updatedAt: now,
  });
  if (!updated) throw new WebhookNotFoundError("No webhook has this id");
  return { webhook: updated, secret };
}

/** Deletes the endpoint, its deliveries and their log. */
export async function deleteWebhook(services: WebhookServices, id: string): Promise<Webhook> {
  requireAdmin(services);
  const deleted = isUuid(id) ? await deleteWebhookRow(services.db, id) : null;
  if (!deleted) throw new WebhookNotFoundError("No webhook has this id");
  return deleted;
}

/**
 * Sends a delivery's event again, as a new delivery at the end of its resource's queue: same event
 * id, so a receiver that saw it already can tell.
 */
export async function redeliverWebhook(
  services: WebhookServices,
  deliveryId: string,
): Promise<WebhookDelivery> {
  requireAdmin(services);
  const delivery = isUuid(deliveryId) ? await findDelivery(services.db, deliveryId) : null;
  if (!delivery) throw new WebhookNotFoundError("No webhook delivery has this id");
  const now = services.now();
  return insertDelivery(services.db, {
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    resourceKey: delivery.resourceKey,
    nextAttemptAt: now,
    createdAt: now,
  });
}

/** Queues a `webhook.ping` event for this endpoint alone; its delivery shows in the log. */
export async function pingWebhook(services: WebhookServices, id: string): Promise<WebhookDelivery> {
  requireAdmin(services);
  const webhook = await existing(services, id);
  const now = services.now();
  return services.db.transaction(async (tx) => {
    const resourceKey = `Webhook:${webhook.id}`;
    const event = await insertEvent(tx, {
      type: PING_EVENT_TYPE,
      resourceKey,
      data: { webhookId: webhook.id },
      createdAt: now,
    });
    return insertDelivery(tx, {
      webhookId: webhook.id,
      eventId: event.id,
      resourceKey,
      nextAttemptAt: now,
      createdAt: now,
    });
  });
}
