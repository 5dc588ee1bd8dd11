// Staff's view of the outbox: what is waiting, what went, and what gave up (dead) and why. Never
// public: it shows recipients' addresses.
import type { OutboxStatus } from "../db/schema.ts";
import { builder } from "../graphql/builder.ts";
import { pageRequest, toConnection } from "../graphql/pagination.ts";
import { countOutboxMessages, listOutboxMessages, type OutboxMessage, outboxCursor } from "./outbox.ts";

const OutboxStatusEnum = builder.enumType("OutboxStatus", {
  values: {
    PENDING: { value: "pending", description: "Waiting to be sent, or to be tried again." },
    SENT: { value: "sent", description: "Accepted by the transport." },
    DEAD: { value: "dead", description: "Given up after too many failures, or refused for good." },
  } as const satisfies Record<string, { value: OutboxStatus; description: string }>,
});

const OutboxMessageRef = builder.objectRef<OutboxMessage>("OutboxMessage").implement({
  description: "An email in the outbox. Editors and admins only: it shows the recipient.",
  authScopes: { editor: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    idempotencyKey: t.exposeString("idempotencyKey"),
    kind: t.exposeString("kind", { description: 'e.g. "newsletter.confirm", "newsletter.digest".' }),
    recipient: t.exposeString("recipient"),
    subject: t.exposeString("subject"),
    status: t.field({ type: OutboxStatusEnum, resolve: (m) => m.status }),
    attempts: t.exposeInt("attempts"),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime" }),
    lastError: t.exposeString("lastError", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
  }),
});

const OutboxMessageConnectionRef = builder.connectionObject({
  type: OutboxMessageRef,
  name: "OutboxMessageConnection",
});

builder.queryField("outboxMessages", (t) =>
  t.connection(
    {
      type: OutboxMessageRef,
      authScopes: { editor: true },
      description:
        "Editors and admins: the outbox, newest first; `status: [DEAD]` lists the emails given up.",
      args: { status: t.arg({ type: [OutboxStatusEnum], description: "Any of these; omitted: all." }) },
      resolve: async (_root, args, ctx) => {
        const page = pageRequest(args, 2);
        const statuses = args.status ?? [];
        const rows = await listOutboxMessages(ctx.db, statuses, page);
        return toConnection(rows, page, outboxCursor, () => countOutboxMessages(ctx.db, statuses));
      },
    },
    OutboxMessageConnectionRef,
  ),
);
