// The outbox: every email lede sends is first a row here, written in the same transaction (or the
// same statement) as the change that causes it, under a unique idempotency key. A key is written once whatever happens
// (two requests, two digest runs, two processes): the second insert does nothing.
import { and, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { asTimestamp, asUuid, keysetFilter, keysetOrder } from "../db/keyset.ts";
import { type OutboxStatus, outbox } from "../db/schema.ts";
import type { PageRequest } from "../graphql/pagination.ts";

export type OutboxMessage = typeof outbox.$inferSelect;

export interface OutgoingEmail {
  /** What makes this email unique, e.g. `confirm:<subscriber>:<token>` or `digest:<subscriber>:<date>`. */
  idempotencyKey: string;
  /** The kind of email, for staff: "newsletter.confirm", "newsletter.digest". */
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
}

/** Queues `emails` (inside the caller's transaction); returns the keys that were new. */
export async function enqueueEmails(
  db: Executor,
  emails: readonly OutgoingEmail[],
  now: Date,
): Promise<string[]> {
  if (!emails.length) return [];
  const rows = await db
    .insert(outbox)
    .values(
      emails.map((email) => ({
        idempotencyKey: email.idempotencyKey,
        kind: email.kind,
        recipient: email.recipient,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html ?? null,
        headers: email.headers ?? {},
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ key: outbox.idempotencyKey });
  return rows.map((row) => row.key);
}

/**
 * The statement that queues one email for each row of `source` (a CTE's name, say, so that the
 * email goes only if that CTE wrote something), under the same idempotency key as `enqueueEmails`.
 * Its values are placeholders, filled by `emailForValues`: a statement built once and prepared
 * serves every email.
 */
export const enqueueEmailFor = (source: SQL): SQL => {
  const p = (name: keyof ReturnType<typeof emailForValues>) => sql.placeholder(name);
  // JSON goes in as text: postgres.js would encode a parameter it sees typed jsonb a second time.
  return sql`insert into outbox (idempotency_key, kind, recipient, subject, text_body, html_body, headers,
      next_attempt_at, created_at)
    select ${p("emailKey")}::text, ${p("emailKind")}::text, ${p("emailRecipient")}::text,
      ${p("emailSubject")}::text, ${p("emailText")}::text, ${p("emailHtml")}::text,
      ${p("emailHeaders")}::text::jsonb, ${p("emailAt")}::timestamptz, ${p("emailAt")}::timestamptz
    from ${source}
    on conflict (idempotency_key) do nothing`;
};

/** The placeholders' values of `enqueueEmailFor` for `email`, queued at `now`. */
export const emailForValues = (email: OutgoingEmail, now: Date) => ({
  emailKey: email.idempotencyKey,
  emailKind: email.kind,
  emailRecipient: email.recipient,
  emailSubject: email.subject,
  emailText: email.text,
  emailHtml: email.html ?? null,
  emailHeaders: JSON.stringify(email.headers ?? {}),
  emailAt: now.toISOString(),
});

/** Withdraws the messages not sent yet whose key starts with `prefix`; returns how many. */
export async function cancelPendingEmails(db: Executor, prefix: string): Promise<number> {
  const rows = await db
    .delete(outbox)
    .where(and(eq(outbox.status, "pending"), sql`starts_with(${outbox.idempotencyKey}, ${prefix})`))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Staff's list of messages: newest first, optionally by status. */
export async function listOutboxMessages(
  db: Executor,
  statuses: readonly OutboxStatus[],
  page: PageRequest,
): Promise<OutboxMessage[]> {
  const key = [outbox.createdAt, outbox.id].map((column) => column.getSQL());
  return db
    .select()
    .from(outbox)
    .where(and(statusFilter(statuses), keysetFilter(key, [asTimestamp, asUuid], page, true)))
    .orderBy(keysetOrder(key, page, true))
    .limit(page.limit + 1);
}

export async function countOutboxMessages(db: Executor, statuses: readonly OutboxStatus[]): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(statusFilter(statuses));
  return row?.n ?? 0;
}

export const outboxCursor = (message: OutboxMessage): [string, string] => [
  message.createdAt.toISOString(),
  message.id,
];

const statusFilter = (statuses: readonly OutboxStatus[]) =>
  statuses.length === 0
    ? undefined
    : statuses.length === 1
      ? eq(outbox.status, statuses[0] as OutboxStatus)
      : inArray(outbox.status, [...statuses]);
