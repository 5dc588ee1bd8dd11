// commentAdded over SSE and graphql-ws, and across processes through Redis.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type App, createApp } from "../src/app.ts";
import { createLedePubSub, type PubSubHandle } from "../src/infra/pubsub.ts";
import { attachWebSocket } from "../src/websocket.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import { testChannels } from "./setup/names.ts";
import { articleGlobalId, knownCommenterEmail, openArticle } from "./setup/seed-facts.ts";
import { openSse, settle, settleLive } from "./setup/sse.ts";

const PostForStream = graphql(`
  mutation PostForStream($input: PostCommentInput!) {
    postComment(input: $input) {
      __typename
      ... on PostCommentSuccess { status comment { id } }
    }
  }
`);

const ApproveForStream = graphql(`
  mutation ApproveForStream($input: ModerateCommentInput!) {
    moderateComment(input: $input) { __typename }
  }
`);

const subscription = `subscription ($articleId: ID!) { commentAdded(articleId: $articleId) { body authorName } }`;
const articleId = articleGlobalId(openArticle.slug);

let clock = new Date("2026-11-22T09:00:00Z").getTime();
const now = () => new Date(clock);

let t: TestApp;
let editor: string;
beforeAll(async () => {
  t = await createTestApp({ now });
  editor = await staffToken(t, "editor");
});
afterAll(() => t.close());
beforeEach(() => {
  clock += 60_000;
});

let counter = 0;
async function postComment(app: App, body: string, email = knownCommenterEmail) {
  counter += 1;
  const response = await app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: (await import("graphql")).print(PostForStream),
      variables: {
        input: { articleId, authorName: "Streamer", authorEmail: email, body: `${body} #${counter}` },
      },
    }),
  });
  const json = (await response.json()) as {
    data: { postComment: { status: string; comment: { id: string } } };
  };
  return json.data.postComment;
}

const openCommentStream = (app: App) =>
  openSse<{ commentAdded: { body: string } }>(app, subscription, { articleId });

describe("commentAdded over SSE", () => {
  it("emits comments posted approved and comments approved later, never pending ones", async () => {
    const stream = await openCommentStream(t.app);
    await settle();
    const posted = await postComment(t.app, "Approved straight away");
    expect(posted.status).toBe("APPROVED");
    expect((await stream.next())?.data.commentAdded.body).toMatch(/^Approved straight away/);

    clock += 60_000;
    const held = await postComment(t.app, "Held for moderation", "first.timer@example.net");
    expect(held.status).toBe("PENDING");
    expect(await stream.next(400)).toBeNull();

    await t.execute(
      ApproveForStream,
      { input: { commentId: held.comment.id, action: "APPROVE" } },
      { token: editor },
    );
    expect((await stream.next())?.data.commentAdded.body).toMatch(/^Held for moderation/);
    await stream.close();
  });
});

describe("commentAdded after a lost connection", () => {
  const resumable = `subscription ($articleId: ID!, $after: ID) {
    commentAdded(articleId: $articleId, after: $after) { id body }
  }`;
  type Resumed = { commentAdded: { id: string; body: string } };
  const bodyOf = (event: { data: Resumed } | null) => event?.data.commentAdded.body.replace(/ #\d+$/, "");

  it("catches up with `after` on what became public meanwhile, in order, then goes on live", async () => {
    const first = await openSse<Resumed>(t.app, resumable, { articleId });
    await settle();
    await postComment(t.app, "Seen live");
    const lastSeen = await first.next();
    expect(bodyOf(lastSeen)).toBe("Seen live");
    await first.close();

    // While no one listens: two comments approved at once, and one held that is approved later.
    clock += 60_000;
    await postComment(t.app, "Missed one");
    clock += 60_000;
    const held = await postComment(t.app, "Missed, held first", "held.while.away@example.net");
    clock += 60_000;
    await postComment(t.app, "Missed two");
    clock += 60_000;
    await t.execute(
      ApproveForStream,
      { input: { commentId: held.comment.id, action: "APPROVE" } },
      { token: editor },
    );

    const resumed = await openSse<Resumed>(t.app, resumable, {
      articleId,
      after: lastSeen?.data.commentAdded.id,
    });
    expect(bodyOf(await resumed.next())).toBe("Missed one");
    expect(bodyOf(await resumed.next())).toBe("Missed two");
    expect(bodyOf(await resumed.next())).toBe("Missed, held first");
    clock += 60_000;
    await postComment(t.app, "Live again");
    expect(bodyOf(await resumed.next())).toBe("Live again");
    expect(await resumed.next(300)).toBeNull();
    await resumed.close();
  });

  it("refuses an `after` that is not a comment of the article", async () => {
    const stream = await openSse<Resumed>(t.app, resumable, {
      articleId,
      after: encodeGlobalID("Comment", "00000000-0000-4000-8000-000000000000"),
    });
    expect((await stream.next())?.errors?.[0]).toMatchObject({
      message: "`after` is not a comment of this article",
      extensions: { code: "BAD_USER_INPUT" },
    });
    await stream.close();
  });
});

describe("commentAdded over graphql-ws on the same port", () => {
  let server: Server;
  let closeWs: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    server = createServer(t.app);
    closeWs = attachWebSocket(server, t.app).close;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await closeWs();
    await new Promise((resolve) => server.close(resolve));
  });

  it("streams an approved comment to a WebSocket subscriber", async () => {
    const client = createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    const received: string[] = [];
    const liveBefore = t.app.live.active;
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ commentAdded: { body: string } }>(
        { query: subscription, variables: { articleId } },
        {
          next: (value) => {
            received.push(value.data?.commentAdded.body ?? "");
            resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await settleLive(t.app, liveBefore);
    await postComment(t.app, "Over the socket");
    await Promise.race([
      done,
      new Promise((_, reject) => setTimeout(() => reject(new Error("no event")), 3000)),
    ]);
    expect(received[0]).toMatch(/^Over the socket/);
    await client.dispose();
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)(
  "commentAdded across processes through Redis (needs TEST_REDIS_URL)",
  () => {
    let first: PubSubHandle;
    let second: PubSubHandle;
    beforeAll(() => {
      first = createLedePubSub(process.env.TEST_REDIS_URL, testChannels);
      second = createLedePubSub(process.env.TEST_REDIS_URL, testChannels);
    });
    afterAll(async () => {
      await first.close();
      await second.close();
    });

    it("delivers a comment approved through one process to a subscriber of the other", async () => {
      // Two lede apps that share only the database and Redis, as two processes would.
      const approving = createApp({ db: t.db, now, pubsub: first.pubsub });
      const streaming = createApp({ db: t.db, now, pubsub: second.pubsub });
      const stream = await openCommentStream(streaming);
      await settle();
      const held = await postComment(approving, "Crossing processes", "cross.process@example.net");
      expect(held.status).toBe("PENDING");
      const response = await approving.fetch("http://lede.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${editor}` },
        body: JSON.stringify({
          query:
            "mutation ($id: ID!) { moderateComment(input: { commentId: $id, action: APPROVE }) { __typename } }",
          variables: { id: held.comment.id },
        }),
      });
      expect(await response.json()).toEqual({
        data: { moderateComment: { __typename: "ModerationSuccess" } },
      });
      expect((await stream.next())?.data.commentAdded.body).toMatch(/^Crossing processes/);
      await stream.close();
    });
  },
);
