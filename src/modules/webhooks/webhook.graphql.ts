// Webhooks in the schema, for admins only: endpoints, their signing secret (shown once), the
// delivery log, redelivery and ping. The service's domain errors become the API's typed errors here.

import { isUuid } from "../../db/keyset.ts";
import type { OutboxStatus } from "../../db/schema.ts";
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { clientError } from "../../graphql/errors.ts";
import { pageRequest, toConnection } from "../../graphql/pagination.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { eventIdOf, WEBHOOK_EVENT_TYPES } from "./webhook.events.ts";
import { attemptsByDeliveryId, eventById } from "./webhook.loaders.ts";
import {
  countDeliveries,
  deliveryCursor,
  listDeliveries,
  listWebhooks,
  type Webhook,
  type WebhookAttempt,
  type WebhookDelivery,
} from "./webhook.repo.ts";
import {
  createWebhook,
  deleteWebhook,
  pingWebhook,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhook,
  WebhookForbiddenError,
  WebhookInputError,
  WebhookNotFoundError,
  type WebhookServices,
  type WebhookWithSecret,
} from "./webhook.service.ts";

const webhookServices = (ctx: Context): WebhookServices => ({
  db: ctx.db,
  now: ctx.now,
  secret: ctx.secret,
  actor: ctx.viewer,
  policy: ctx.webhooks,
});

/** Runs a service call, turning its domain errors into the API's. */
async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WebhookInputError) throw new ValidationError(error.issues);
    if (error instanceof WebhookNotFoundError) throw new NotFoundError(error.message);
    if (error instanceof WebhookForbiddenError) throw clientError("FORBIDDEN", error.message);
    throw error;
  }
}

const WebhookEventTypeEnum = builder.enumType("WebhookEventType", {
  description:
    "What an endpoint can hear of; the payload's `type` is the value in lower case, e.g. article.published.",
  values: Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [type.toUpperCase().replace(".", "_"), { value: type }]),
  ) as Record<string, { value: (typeof WEBHOOK_EVENT_TYPES)[number] }>,
});

const WebhookDeliveryStatusEnum = builder.enumType("WebhookDeliveryStatus", {
  values: {
    PENDING: { value: "pending", description: "Waiting for its first attempt, or for the next one." },
    DELIVERED: { value: "sent", description: "The endpoint answered 2xx." },
    FAILED: { value: "dead", description: "Given up: 24 hours of failures, a 410, or a disabled endpoint." },
  } as const satisfies Record<string, { value: OutboxStatus; description: string }>,
});

const WebhookRef = builder.objectRef<Webhook>("Webhook").implement({
  description: "An endpoint that hears of events. Admins only.",
  authScopes: { admin: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    url: t.exposeString("url"),
    description: t.exposeString("description"),
    events: t.field({
      type: [WebhookEventTypeEnum],
      resolve: (w) => w.events as (typeof WEBHOOK_EVENT_TYPES)[number][],
    }),
    includePersonalData: t.exposeBoolean("includePersonalData", {
      description: "Comment and subscriber events carry the email address only when true.",
    }),
    secretHint: t.exposeString("secretHint", {
      description: "The end of the signing secret, shown in full once.",
    }),
    previousSecretExpiresAt: t.expose("previousSecretExpiresAt", {
      type: "DateTime",
      nullable: true,
      description: "After a rotation: until when the previous secret signs too.",
    }),
    enabled: t.boolean({ resolve: (w) => w.disabledAt === null }),
    disabledAt: t.expose("disabledAt", { type: "DateTime", nullable: true }),
    disabledReason: t.exposeString("disabledReason", {
      nullable: true,
      description: "Why it stopped: a 410 answer, 5 days of failures, or an admin.",
    }),
    failingSince: t.expose("failingSince", {
      type: "DateTime",
      nullable: true,
      description: "Since when every delivery fails; disabled after 5 days.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const WebhookAttemptRef = builder.objectRef<WebhookAttempt>("WebhookAttempt").implement({
  authScopes: { admin: true },
  fields: (t) => ({
    attempt: t.exposeInt("attempt"),
    statusCode: t.exposeInt("statusCode", { nullable: true, description: "None when no answer came." }),
    durationMs: t.exposeInt("durationMs"),
    responseBody: t.exposeString("responseBody", {
      nullable: true,
      description: "The first KB of the answer.",
    }),
    error: t.exposeString("error", { nullable: true }),
    at: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const WebhookDeliveryRef = builder.objectRef<WebhookDelivery>("WebhookDelivery").implement({
  description: "One event for one endpoint, and its attempts. Admins only.",
  authScopes: { admin: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    webhookId: t.exposeID("webhookId"),
    eventId: t.id({
      description:
        "The payload's `id` and the `webhook-id` header: the same for every attempt and redelivery.",
      resolve: (d) => eventIdOf(d.eventId),
    }),
    eventType: t.string({
      resolve: async (d, _args, ctx) => (await ctx.loader(eventById).load(d.eventId))?.type ?? "",
    }),
    status: t.field({ type: WebhookDeliveryStatusEnum, resolve: (d) => d.status }),
    attemptCount: t.exposeInt("attempts"),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime" }),
    lastError: t.exposeString("lastError", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    deliveredAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    attempts: t.field({
      type: [WebhookAttemptRef],
      description: "The log: each attempt's HTTP status, duration and the start of the answer.",
      resolve: (d, _args, ctx) => ctx.loader(attemptsByDeliveryId).load(d.id),
    }),
  }),
});

const WebhookDeliveryConnectionRef = builder.connectionObject({
  type: WebhookDeliveryRef,
  name: "WebhookDeliveryConnection",
});

builder.queryField("webhooks", (t) =>
  t.field({
    type: [WebhookRef],
    authScopes: { admin: true },
    description: "Admins: every endpoint, oldest first; a disabled one says why.",
    resolve: (_root, _args, ctx) => listWebhooks(ctx.db),
  }),
);

builder.queryField("webhookDeliveries", (t) =>
  t.connection(
    {
      type: WebhookDeliveryRef,
      authScopes: { admin: true },
      description: "Admins: an endpoint's deliveries, newest first, with their attempts.",
      args: {
        webhookId: t.arg.id({ required: true }),
        status: t.arg({ type: [WebhookDeliveryStatusEnum], description: "Any of these; omitted: all." }),
      },
      resolve: async (_root, args, ctx) => {
        const page = pageRequest(args, 2);
        const statuses = args.status ?? [];
        const webhookId = String(args.webhookId);
        if (!isUuid(webhookId)) return toConnection([], page, deliveryCursor, 0);
        const rows = await listDeliveries(ctx.db, webhookId, statuses, page);
        return toConnection(rows, page, deliveryCursor, () => countDeliveries(ctx.db, webhookId, statuses));
      },
    },
    WebhookDeliveryConnectionRef,
  ),
);

const WebhookInputFields = {
  description: "At most 500 characters.",
} as const;

const CreateWebhookInput = builder.inputType("CreateWebhookInput", {
  fields: (t) => ({
    url: t.string({ required: true, description: "https, at a public address." }),
    events: t.field({ type: [WebhookEventTypeEnum], required: true }),
    description: t.string(WebhookInputFields),
    includePersonalData: t.boolean({
      description: "Send commenters' and subscribers' email addresses; false unless said.",
    }),
  }),
});

const UpdateWebhookInput = builder.inputType("UpdateWebhookInput", {
  fields: (t) => ({
    webhookId: t.id({ required: true }),
    url: t.string(),
    events: t.field({ type: [WebhookEventTypeEnum] }),
    description: t.string(WebhookInputFields),
    includePersonalData: t.boolean(),
    enabled: t.boolean({ description: "true turns a disabled endpoint back on." }),
  }),
});

const WebhookWithSecretRef = builder.objectRef<WebhookWithSecret>("WebhookWithSecret").implement({
  authScopes: { admin: true },
  fields: (t) => ({
    webhook: t.field({ type: WebhookRef, resolve: (r) => r.webhook }),
    secret: t.exposeString("secret", {
      description: "The signing secret (whsec_…), shown this once: keep it in the receiver's settings.",
    }),
  }),
});

const WebhookPayloadRef = builder.objectRef<{ webhook: Webhook }>("WebhookPayload").implement({
  fields: (t) => ({ webhook: t.field({ type: WebhookRef, resolve: (r) => r.webhook }) }),
});
const WebhookDeliveryPayloadRef = builder
  .objectRef<{ delivery: WebhookDelivery }>("WebhookDeliveryPayload")
  .implement({
    fields: (t) => ({ delivery: t.field({ type: WebhookDeliveryRef, resolve: (r) => r.delivery }) }),
  });

builder.mutationField("createWebhook", (t) =>
  t.field({
    type: WebhookWithSecretRef,
    authScopes: { admin: true },
    description: "Admins: adds an endpoint and answers its signing secret, this once.",
    args: { input: t.arg({ type: CreateWebhookInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) => mapped(() => createWebhook(webhookServices(ctx), input)),
  }),
);

builder.mutationField("updateWebhook", (t) =>
  t.field({
    type: WebhookPayloadRef,
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateWebhookInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (_root, { input }, ctx) => ({
      webhook: await mapped(() => updateWebhook(webhookServices(ctx), String(input.webhookId), input)),
    }),
  }),
);

builder.mutationField("rotateWebhookSecret", (t) =>
  t.field({
    type: WebhookWithSecretRef,
    authScopes: { admin: true },
    description: "Admins: a new signing secret, shown this once; the previous one signs too for 24 hours.",
    args: { webhookId: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_root, args, ctx) =>
      mapped(() => rotateWebhookSecret(webhookServices(ctx), String(args.webhookId))),
  }),
);

builder.mutationField("deleteWebhook", (t) =>
  t.field({
    type: WebhookPayloadRef,
    authScopes: { admin: true },
    description: "Admins: removes an endpoint with its deliveries and their log.",
    args: { webhookId: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, args, ctx) => ({
      webhook: await mapped(() => deleteWebhook(webhookServices(ctx), String(args.webhookId))),
    }),
  }),
);

builder.mutationField("redeliverWebhook", (t) =>
  t.field({
    type: WebhookDeliveryPayloadRef,
    authScopes: { admin: true },
    description: "Admins: sends a delivery's event again (same event id), as a new delivery.",
    args: { deliveryId: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, args, ctx) => ({
      delivery: await mapped(() => redeliverWebhook(webhookServices(ctx), String(args.deliveryId))),
    }),
  }),
);

builder.mutationField("pingWebhook", (t) =>
  t.field({
    type: WebhookDeliveryPayloadRef,
    authScopes: { admin: true },
    description: "Admins: queues a webhook.ping event to this endpoint alone; see it in webhookDeliveries.",
    args: { webhookId: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, args, ctx) => ({
      delivery: await mapped(() => pingWebhook(webhookServices(ctx), String(args.webhookId))),
    }),
  }),
);
