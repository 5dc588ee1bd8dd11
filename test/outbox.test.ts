// The outbox and its dispatcher: an email is queued with the change that causes it, once per key;
// dispatchers running at once never send one row twice; failures are retried with backoff, then
// given up as dead where staff can see them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outbox } from "../src/db/schema.ts";
import { backoffMs, DEFAULT_LEASE_MS, dispatchOnce, startDispatcher } from "../src/mail/dispatcher.ts";
import { enqueueEmails, type OutboxMessage, type OutgoingEmail } from "../src/mail/outbox.ts";
import { createMailTransport, type MailTransport } from "../src/mail/transports.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import { signal } from "./setup/signals.ts";

const OutboxMessages = graphql(`
  query OutboxMessages($status: [OutboxStatus!], $first: Int, $after: String) {
    outboxMessages(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { idempotencyKey kind recipient subject status attempts lastError sentAt }
    }
  }
`);

const START = new Date("2027-04-01T09:00:00.000Z");
let clock = START;
const now = () => clock;
const later = (ms: number) => new Date(clock.getTime() + ms);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now });
});
afterAll(() => t.close());
beforeEach(async () => {
  clock = START;
  await t.db.delete(outbox);
});

const email = (key: string): OutgoingEmail => ({
  idempotencyKey: key,
  kind: "test",
  recipient: `${key}@example.com`,
  subject: `Subject ${key}`,
  text: `Body of ${key}`,
  html: `<p>Body of ${key}</p>`,
  headers: { "X-Test": key },
});

/** A transport that records what it sends, optionally failing or taking its time. */
function recordingTransport(behaviour: (message: OutboxMessage) => Promise<void> = async () => {}) {
  const sent: string[] = [];
  const transport: MailTransport = {
    name: "recording",
    async send(message) {
      await behaviour(message);
      sent.push(message.idempotencyKey);
    },
    close() {},
  };
  return { transport, sent };
}

const rows = () => t.db.select().from(outbox).orderBy(outbox.idempotencyKey);
const row = async (key: string) =>
  (await t.db.select().from(outbox).where(eq(outbox.idempotencyKey, key)))[0];

describe("enqueueing", () => {
  it("writes each idempotency key once", async () => {
    expect(await enqueueEmails(t.db, [email("a"), email("b")], clock)).toEqual(["a", "b"]);
    expect(await enqueueEmails(t.db, [email("a"), email("c")], clock)).toEqual(["c"]);
    expect((await rows()).map((r) => r.idempotencyKey)).toEqual(["a", "b", "c"]);
  });

  it("writes nothing when the transaction of its cause rolls back", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueEmails(tx, [email("rolled-back")], clock);
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow("the cause failed");
    expect(await rows()).toEqual([]);
  });
});

describe("dispatching", () => {
  it("sends each due row and marks it sent, keeping no content", async () => {
    await enqueueEmails(t.db, [email("one"), email("two")], clock);
    const { transport, sent } = recordingTransport();
    expect(await dispatchOnce({ db: t.db, transport, now })).toEqual({
      claimed: 2,
      sent: 2,
      retried: 0,
      dead: 0,
      released: 0,
    });
    expect(sent.sort()).toEqual(["one", "two"]);
    expect(await row("one")).toMatchObject({
      status: "sent",
      attempts: 1,
      sentAt: START,
      textBody: "",
      htmlBody: null,
      headers: {},
      recipient: "one@example.com",
      subject: "Subject one",
    });
    expect(await dispatchOnce({ db: t.db, transport, now })).toMatchObject({ claimed: 0 });
    expect(sent).toHaveLength(2);
  });

  it("never sends a row twice with two dispatchers at once", async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `race-${String(i).padStart(2, "0")}`);
    await enqueueEmails(t.db, keys.map(email), clock);
    // A slow transport, so that both dispatchers are busy at the same time.
    const { transport, sent } = recordingTransport(() => new Promise((resolve) => setTimeout(resolve, 2)));
    const drain = async () => {
      for (;;) {
        const report = await dispatchOnce({ db: t.db, transport, now, batchSize: 5 });
        if (report.claimed === 0) return;
      }
    };
    await Promise.all([drain(), drain()]);
    expect(sent.sort()).toEqual(keys);
    expect(new Set((await rows()).map((r) => `${r.status}/${r.attempts}`))).toEqual(new Set(["sent/1"]));
  });

  it("retries a failure with exponential backoff, then gives it up as dead", async () => {
    await enqueueEmails(t.db, [email("flaky")], clock);
    const { transport } = recordingTransport(async () => {
      throw new Error("421 try again later");
    });
    const maxAttempts = 4;
    for (let attempt = 1; attempt < maxAttempts; attempt++) {
      expect(await dispatchOnce({ db: t.db, transport, now, maxAttempts })).toMatchObject({
        claimed: 1,
        retried: 1,
      });
      expect(await row("flaky")).toMatchObject({
        status: "pending",
        attempts: attempt,
        lastError: "421 try again later",
        nextAttemptAt: later(backoffMs(attempt)),
      });
      // Not due before its time.
      clock = later(backoffMs(attempt) - 1);
      expect(await dispatchOnce({ db: t.db, transport, now, maxAttempts })).toMatchObject({ claimed: 0 });
      clock = later(1);
    }
    expect(await dispatchOnce({ db: t.db, transport, now, maxAttempts })).toMatchObject({
      claimed: 1,
      dead: 1,
    });
    expect(await row("flaky")).toMatchObject({ status: "dead", attempts: maxAttempts });
    clock = later(24 * 3600_000);
    expect(await dispatchOnce({ db: t.db, transport, now, maxAttempts })).toMatchObject({ claimed: 0 });
  });

  it("waits 1, 2, 4 … minutes between attempts, and at most an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("gives up at once on a permanent rejection", async () => {
    await enqueueEmails(t.db, [email("bounced")], clock);
    const { transport } = recordingTransport(async () => {
      throw Object.assign(new Error("550 5.1.1 no such user"), { responseCode: 550, permanent: true });
    });
    expect(await dispatchOnce({ db: t.db, transport, now })).toMatchObject({ dead: 1 });
    expect(await row("bounced")).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: "550 5.1.1 no such user",
    });
  });

  it("retries the rows of a dispatcher that died, once their lease ends", async () => {
    await enqueueEmails(t.db, [email("orphan")], clock);
    // The first dispatcher hangs in the middle of sending, as if its process had died.
    let wake: () => void = () => {};
    const sending = signal();
    const hanging = recordingTransport(() => {
      sending.fire();
      return new Promise<void>((resolve) => (wake = resolve));
    });
    const first = dispatchOnce({ db: t.db, transport: hanging.transport, now });
    await sending.fired;
    expect(await row("orphan")).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: later(DEFAULT_LEASE_MS),
    });

    const second = recordingTransport();
    expect(await dispatchOnce({ db: t.db, transport: second.transport, now })).toMatchObject({ claimed: 0 });
    clock = later(DEFAULT_LEASE_MS);
    expect(await dispatchOnce({ db: t.db, transport: second.transport, now })).toMatchObject({ sent: 1 });
    expect(await row("orphan")).toMatchObject({ status: "sent", attempts: 2 });

    // The first one wakes up: the row is no longer its own, so it records nothing.
    wake();
    expect(await first).toMatchObject({ claimed: 1, sent: 0 });
    expect(await row("orphan")).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("finishes the row in flight when stopped, and hands the rest back", async () => {
    await enqueueEmails(t.db, ["s1", "s2", "s3"].map(email), clock);
    let stopping = false;
    const { transport, sent } = recordingTransport(async () => {
      stopping = true;
    });
    const report = await dispatchOnce({ db: t.db, transport, now, shouldStop: () => stopping });
    expect(report).toMatchObject({ claimed: 3, sent: 1, released: 2 });
    expect(sent).toHaveLength(1);
    const left = (await rows()).filter((r) => r.status === "pending");
    expect(left.map((r) => ({ attempts: r.attempts, due: r.nextAttemptAt }))).toEqual([
      { attempts: 0, due: START },
      { attempts: 0, due: START },
    ]);
  });

  it("goes through SMTP when SMTP_URL is set; a refused connection is retried, not given up", async () => {
    await enqueueEmails(t.db, [email("smtp")], clock);
    const transport = createMailTransport({
      // Nothing listens on port 1 of the loopback: the connection is refused at once.
      smtpUrl: "smtp://127.0.0.1:1",
      mailDir: "/nonexistent",
      from: "lede <newsletter@localhost>",
      publicUrl: "http://lede.test",
    });
    try {
      expect(transport.name).toBe("smtp");
      expect(await dispatchOnce({ db: t.db, transport, now })).toMatchObject({
        claimed: 1,
        retried: 1,
        dead: 0,
      });
      expect(await row("smtp")).toMatchObject({
        status: "pending",
        attempts: 1,
        lastError: expect.stringMatching(/ECONNREFUSED|connect/i),
      });
    } finally {
      transport.close();
    }
  });

  it("runs in a loop until stopped", async () => {
    await enqueueEmails(t.db, ["l1", "l2", "l3"].map(email), clock);
    const allSent = signal();
    const { transport, sent } = recordingTransport(async () => {
      // Called before the message is recorded: this is the third.
      if (sent.length === 2) allSent.fire();
    });
    // Two rounds at once (a batch of 2, then the rest), then an hour's pause that stop() cuts short.
    const dispatcher = startDispatcher({ db: t.db, transport, now, intervalMs: 3_600_000, batchSize: 2 });
    await allSent.fired;
    await dispatcher.stop();
    expect(sent.sort()).toEqual(["l1", "l2", "l3"]);
  });
});

describe("outboxMessages", () => {
  it("shows staff the dead messages and why", async () => {
    await enqueueEmails(t.db, [email("dead-one"), email("fine")], clock);
    await t.db
      .update(outbox)
      .set({ status: "dead", attempts: 8, lastError: "550 no such user" })
      .where(eq(outbox.idempotencyKey, "dead-one"));
    const token = await staffToken(t, "editor");
    const { data, errors } = await t.execute(OutboxMessages, { status: ["DEAD"] }, { token });
    expect(errors).toBeUndefined();
    expect(data?.outboxMessages).toEqual({
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      nodes: [
        {
          idempotencyKey: "dead-one",
          kind: "test",
          recipient: "dead-one@example.com",
          subject: "Subject dead-one",
          status: "DEAD",
          attempts: 8,
          lastError: "550 no such user",
          sentAt: null,
        },
      ],
    });
    const all = await t.execute(OutboxMessages, { first: 1 }, { token });
    expect(all.data?.outboxMessages.totalCount).toBe(2);
    const next = await t.execute(
      OutboxMessages,
      { first: 1, after: all.data?.outboxMessages.pageInfo.endCursor },
      { token },
    );
    expect(
      [...(all.data?.outboxMessages.nodes ?? []), ...(next.data?.outboxMessages.nodes ?? [])]
        .map((n) => n.idempotencyKey)
        .sort(),
    ).toEqual(["dead-one", "fine"]);
  });

  it("is hidden from the public and from authors", async () => {
    await enqueueEmails(t.db, [email("secret")], clock);
    const anonymous = await t.execute(OutboxMessages, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(anonymous)).not.toContain("secret@example.com");
    const author = await t.execute(OutboxMessages, {}, { token: await staffToken(t, "author") });
    expect(author.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(author)).not.toContain("secret@example.com");
  });
});
