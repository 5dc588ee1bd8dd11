// Whose address a request counts under. Per-IP rate limits and the IP hash kept with a newsletter
// consent rest on it, so a client must not choose it: behind N trusted proxies it is the entry of
// X-Forwarded-For that the outermost proxy wrote, N places from the right.
import type { IncomingMessage } from "node:http";
import { eq } from "drizzle-orm";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVELOPMENT_SECRET } from "../src/config.ts";
import { newsletterSubscribers } from "../src/db/schema.ts";
import { clientInfo, hashIp } from "../src/infra/client-info.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";

const socketPeer = { socket: { remoteAddress: "10.0.0.5" } } as IncomingMessage;

function addressOf(forwardedFor: string | null, trustProxy: number): string | null {
  const headers = new Headers();
  if (forwardedFor !== null) headers.set("x-forwarded-for", forwardedFor);
  const request = new Request("http://lede.test/graphql", { headers });
  return clientInfo(request, socketPeer, { secret: DEVELOPMENT_SECRET, trustProxy }).ip;
}

describe("the client's address", () => {
  it.each([
    ["no proxy trusted: the socket's peer, whatever the header says", "198.51.100.1", 0, "10.0.0.5"],
    ["one proxy: the right-most entry, which it wrote", "6.6.6.6, 198.51.100.1", 1, "198.51.100.1"],
    ["one proxy, a header of one entry", "198.51.100.1", 1, "198.51.100.1"],
    ["two proxies: the second entry from the right", "6.6.6.6, 198.51.100.1, 192.0.2.9", 2, "198.51.100.1"],
    ["two proxies, fewer entries: the left-most, which a proxy wrote", "198.51.100.1", 2, "198.51.100.1"],
    ["a proxy trusted but no header: the socket's peer", null, 1, "10.0.0.5"],
    ["an empty entry: the socket's peer", "6.6.6.6, ", 1, "10.0.0.5"],
  ])("%s", (_label, header, trustProxy, expected) => {
    expect(addressOf(header, trustProxy)).toBe(expected);
  });
});

const Subscribe = graphql(`
  mutation ClientAddressSubscribe($input: SubscribeToNewsletterInput!) {
    subscribeToNewsletter(input: $input) { __typename }
  }
`);

describe("behind one load balancer (TRUST_PROXY=1)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      trustProxy: 1,
      graphql: {
        mutationRateLimits: {
          perIp: { limit: 3, windowMs: 60_000 },
          perToken: { limit: 100, windowMs: 60_000 },
        },
      },
    });
  });
  afterAll(() => t.close());

  const subscribeFrom = (forwardedFor: string, email: string) =>
    t.app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({
        query: print(Subscribe),
        variables: { input: { email, topics: [], language: "EN", consent: true } },
      }),
    });

  it("counts a client under the address the balancer saw, however it rotates the left-most entry", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await subscribeFrom(`203.0.113.${i}, 198.51.100.77`, `rotating${i}@example.org`)).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Another client behind the same balancer has its own budget.
    expect((await subscribeFrom("203.0.113.0, 198.51.100.78", "other@example.org")).status).toBe(200);
  });

  it("records the consent under the hash of that address, not the one the client wrote", async () => {
    await subscribeFrom("203.0.113.200, 198.51.100.90", "consent@example.org");
    const [row] = await t.db
      .select({ consentIpHash: newsletterSubscribers.consentIpHash })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, "consent@example.org"));
    expect(row?.consentIpHash).toBe(hashIp(DEVELOPMENT_SECRET, "198.51.100.90"));
  });
});
