// What a stranger can do with subscriptions: stop reading, open many, share the same events; and
// what they answer for an article that is not public. In memory, and through Redis with
// TEST_REDIS_URL.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { and, eq, isNull } from "drizzle-orm";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type AppOptions, createApp } from "../src/app.ts";
import { defaults } from "../src/config.ts";
import { comments } from "../src/db/schema.ts";
import { stableUuid } from "../src/db/stable-uuid.ts";
import { LiveStream } from "../src/graphql/live-feeds.ts";
import { createLedePubSub, type PubSubHandle } from "../src/infra/pubsub.ts";
import { attachWebSocket } from "../src/websocket.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { collectLogs } from "./setup/logs.ts";
import { testChannels } from "./setup/names.ts";
import { articleGlobalId, draftArticle, openArticle } from "./setup/seed-facts.ts";
import { openSse, settle } from "./setup/sse.ts";

const subscription = `subscription ($articleId: ID!) { commentAdded(articleId: $articleId) { id body } }`;
const articleId = articleGlobalId(openArticle.slug);
const articleUuid = stableUuid(`article:${openArticle.slug}`);
type CommentEvent = { commentAdded: { id: string; body: string } };

const now = () => new Date("2026-11-22T09:00:00Z");

let t: TestApp;
/** An approved comment of the open article: what every published event below points at. */
let commentId: string;
beforeAll(async () => {
  t = await createTestApp({ now });
  const [row] = await t.db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(eq(comments.articleId, articleUuid), eq(comments.status, "approved"), isNull(comments.parentId)),
    )
    .limit(1);
  commentId = row?.id as string;
});
afterAll(() => t.close());

const pubsubs: [string, string | undefined][] = [["in memory", undefined]];
if (process.env.TEST_REDIS_URL) pubsubs.push(["through Redis", process.env.TEST_REDIS_URL]);

/** An app of its own (its own live feeds and limits) on the test database. */
function appWith(events: PubSubHandle, options: Partial<AppOptions> = {}) {
  return createApp({ db: t.db, now, pubsub: events.pubsub, ...options });
}

const announce = (events: PubSubHandle, times = 1) => {
  for (let i = 0; i < times; i++) events.pubsub.publish("commentApproved", articleUuid, { commentId });
};

describe.each(pubsubs)("a subscriber that stops reading (%s)", (_name, redisUrl) => {
  let events: PubSubHandle;
  beforeAll(() => {
    events = createLedePubSub(redisUrl, testChannels);
  });
  afterAll(() => events.close());

  it("is dropped alone, past its queue: the process serves on and the others get every event", async () => {
    const logs = collectLogs("warn");
    const app = appWith(events, {
      logger: logs.logger,
      subscriptions: { ...defaults.subscriptions, maxQueued: 50 },
    });
    const reader = await openSse<CommentEvent>(app, subscription, { articleId });
    // Read once, so that yoga starts the subscription, and never again.
    // Its connection, as node:http would hand it over: dropping it must close the socket.
    let destroyed = 0;
    const req = { socket: { remoteAddress: "192.0.2.1", destroy: () => void destroyed++ } };
    const response = await app.fetch(
      "http://lede.test/graphql",
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ query: subscription, variables: { articleId } }),
      },
      { req } as never,
    );
    const stalled = (response.body as ReadableStream<Uint8Array>).getReader();
    const firstRead = stalled.read();
    await settle();

    // More than yoga's own queue ever held (1024) before it threw from Redis's socket callback, in
    // bursts that a reading client keeps up with.
    const bursts = 60;
    const burst = 25;
    for (let b = 0; b < bursts; b++) {
      announce(events, burst);
      for (let i = 0; i < burst; i++) {
        expect((await reader.next())?.data.commentAdded.id, `event ${b * burst + i}`).toBe(
          encodeGlobalID("Comment", commentId),
        );
      }
    }
    await reader.close();

    // The stalled one got what the response's buffers held before its queue filled, then the end.
    await firstRead;
    let rest = "";
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await stalled.read();
      if (chunk.done) break;
      rest += decoder.decode(chunk.value, { stream: true });
    }
    expect(rest).toContain('"code":"SLOW_SUBSCRIBER"');
    expect(destroyed).toBe(1);
    expect(rest.match(/"commentAdded"/g)?.length ?? 0).toBeLessThan((bursts * burst) / 2);

    const metrics = await (await app.fetch("http://lede.test/metrics")).text();
    expect(metrics).toMatch(/^lede_subscriptions_dropped_total 1$/m);
    expect(logs.lines).toEqual([
      expect.objectContaining({ level: "warn", msg: "subscription dropped: its client stopped reading" }),
    ]);
    expect(metrics).toMatch(/^lede_subscriptions_active 0$/m);
    const query = await app.fetch("http://lede.test/graphql?query=%7B__typename%7D");
    expect(await query.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("subscription limits", () => {
  const events = createLedePubSub();
  const limits = { perConnection: 2, perIp: 2, maxQueued: 100 };
  const from = (ip: string) => ({ "x-forwarded-for": ip });

  it("refuse a client address its third live subscription over SSE, until one of the two ends", async () => {
    const app = appWith(events, { trustProxy: 1, subscriptions: limits });
    const first = await openSse<CommentEvent>(app, subscription, { articleId }, from("203.0.113.7"));
    const second = await openSse<CommentEvent>(app, subscription, { articleId }, from("203.0.113.7"));
    const third = await openSse<CommentEvent>(app, subscription, { articleId }, from("203.0.113.7"));
    const elsewhere = await openSse<CommentEvent>(app, subscription, { articleId }, from("198.51.100.4"));
    expect((await third.next())?.errors?.[0]?.extensions?.code).toBe("TOO_MANY_SUBSCRIPTIONS");
    await settle();
    announce(events);
    for (const stream of [first, second, elsewhere]) expect(await stream.next()).toMatchObject({ data: {} });

    await first.close();
    const again = await openSse<CommentEvent>(app, subscription, { articleId }, from("203.0.113.7"));
    await settle();
    announce(events);
    expect((await again.next())?.data.commentAdded.id).toBe(encodeGlobalID("Comment", commentId));
    const metrics = await (await app.fetch("http://lede.test/metrics")).text();
    expect(metrics).toMatch(/^lede_subscriptions_refused_total\{limit="ip"\} 1$/m);
    for (const stream of [second, third, elsewhere, again]) await stream.close();
  });

  describe("over graphql-ws", () => {
    let server: Server;
    let closeWs: () => Promise<void>;
    let url: string;
    beforeAll(async () => {
      const app = appWith(events, { subscriptions: { ...limits, perIp: 100 } });
      server = createServer(app);
      closeWs = attachWebSocket(server, app).close;
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    });
    afterAll(async () => {
      await closeWs();
      await new Promise((resolve) => server.close(resolve));
    });

    it("refuse a connection its third operation at once", async () => {
      const client = createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
      const outcomes = [0, 1, 2].map(
        () =>
          new Promise<string>((resolve) => {
            client.subscribe(
              { query: subscription, variables: { articleId } },
              {
                next: () => resolve("event"),
                error: (errors) =>
                  resolve(String((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code)),
                complete: () => {},
              },
            );
          }),
      );
      expect(await outcomes[2]).toBe("TOO_MANY_SUBSCRIPTIONS");
      await settle();
      announce(events);
      expect(await Promise.all(outcomes.slice(0, 2))).toEqual(["event", "event"]);
      await client.dispose();
    });
  });
});

describe("one event, many subscribers", () => {
  it("reads the comment once, whatever the number of subscribers", async () => {
    const events = createLedePubSub();
    const app = appWith(events);
    const statementsFor = async (subscribers: number) => {
      const streams = await Promise.all(
        Array.from({ length: subscribers }, () => openSse<CommentEvent>(app, subscription, { articleId })),
      );
      await settle();
      const { statements } = await t.countStatements(async () => {
        announce(events);
        for (const stream of streams) expect((await stream.next())?.data.commentAdded).toBeTruthy();
      });
      for (const stream of streams) await stream.close();
      return statements.length;
    };
    expect(await statementsFor(1)).toBe(1);
    expect(await statementsFor(8)).toBe(1);
  });
});

/** Subscribes once over graphql-ws on a real port, and answers the errors of its first message. */
async function firstErrorsOverWebSocket(variables: Record<string, unknown>): Promise<unknown> {
  const server = createServer(t.app);
  const websocket = attachWebSocket(server, t.app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const client = createClient({
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  try {
    return await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: subscription, variables },
        { next: (value) => resolve(value.errors), error: resolve, complete: () => {} },
      );
    });
  } finally {
    await client.dispose();
    await websocket.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("commentAdded on an article that is not public", () => {
  const ids = {
    draft: articleGlobalId(draftArticle.slug),
    missing: encodeGlobalID("Article", randomUUID()),
    malformed: encodeGlobalID("Article", "not-an-id"),
  };

  it.each(Object.entries(ids))("answers NOT_FOUND over SSE for a %s id", async (_kind, id) => {
    const stream = await openSse<CommentEvent>(t.app, subscription, { articleId: id });
    expect((await stream.next())?.errors).toEqual([
      expect.objectContaining({
        message: "No published article has this id",
        extensions: expect.objectContaining({ code: "NOT_FOUND" }),
      }),
    ]);
    await stream.close();
  });

  it.each(Object.entries(ids))("answers NOT_FOUND over graphql-ws for a %s id", async (_kind, id) => {
    const errors = await firstErrorsOverWebSocket({ articleId: id });
    expect(errors).toEqual([
      expect.objectContaining({
        message: "No published article has this id",
        extensions: expect.objectContaining({ code: "NOT_FOUND" }),
      }),
    ]);
  });
});

describe("variables over graphql-ws", () => {
  it.each([
    ["a NUL character", { articleId: "\u0000" }, /holds a NUL character/],
    ["nesting 100 deep", { articleId: JSON.parse(`${"[".repeat(100)}${"]".repeat(100)}`) }, /nests deeper/],
  ])("are refused for %s as over HTTP, with a 400's error", async (_what, variables, message) => {
    const errors = await firstErrorsOverWebSocket(variables);
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(message),
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }),
      }),
    ]);
  });
});

describe("a live stream that starts with a catch-up", () => {
  it("skips the live events the catch-up already delivered", async () => {
    const stream = new LiveStream<{ id: string }>(
      () => true,
      () => {},
    );
    stream.push(Promise.resolve({ id: "b" }), 10);
    stream.push(Promise.resolve({ id: "c" }), 10);
    stream.startWith([{ id: "a" }, { id: "b" }], (item) => item.id);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await stream.next()).value.id);
    expect(ids).toEqual(["a", "b", "c"]);
    await stream.return();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)("channel prefixes on one Redis (needs TEST_REDIS_URL)", () => {
  it("keep apart the events of instances that share the Redis but not their data", async () => {
    const url = process.env.TEST_REDIS_URL as string;
    const [ours, sameInstance, other] = [
      createLedePubSub(url, { channelPrefix: "lede-a:" }),
      createLedePubSub(url, { channelPrefix: "lede-a:" }),
      createLedePubSub(url, { channelPrefix: "lede-b:" }),
    ];
    try {
      const heard = { sameInstance: [] as string[], other: [] as string[] };
      sameInstance.pubsub.listen("commentApproved", articleUuid, ({ commentId }) =>
        heard.sameInstance.push(commentId),
      );
      other.pubsub.listen("commentApproved", articleUuid, ({ commentId }) => heard.other.push(commentId));
      await settle();
      ours.pubsub.publish("commentApproved", articleUuid, { commentId: "c1" });
      await expect.poll(() => heard.sameInstance).toEqual(["c1"]);
      await settle();
      expect(heard.other).toEqual([]);
    } finally {
      await Promise.all([ours.close(), sameInstance.close(), other.close()]);
    }
  });
});
