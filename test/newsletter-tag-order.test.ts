// The newsletter's manage page lists the topics (tags) in the order the API lists them, the order
// a reader expects ("Énergie" among the E), whatever the database's collation.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { sql } from "drizzle-orm";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsletterSubscribers } from "../src/db/schema.ts";
import { ensureManageToken } from "../src/modules/newsletter/newsletter.repo.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";

// biome-ignore lint/suspicious/noExplicitAny: untyped documents, parsed here rather than generated
const operation = (source: string) => parse(source) as TypedDocumentNode<any, any>;

const Subscribe = operation(`
  mutation TagOrderSubscribe($input: SubscribeToNewsletterInput!) {
    subscribeToNewsletter(input: $input) { __typename }
  }
`);
const Tags = operation("query TagOrderTags { tags { name } }");

const SECRET = "tag-order-test-secret-0123456789abcdef";
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ secret: SECRET });
});
afterAll(() => t.close());

describe("the newsletter's manage page", () => {
  it("lists the topics in the API's order, accented names among their letter", async () => {
    const email = "tag.order@example.com";
    const subscribed = await t.execute(Subscribe, {
      input: { email, topics: [], language: "FR", consent: true },
    });
    expect(subscribed.data?.subscribeToNewsletter.__typename).toBe("SubscribeToNewsletterSuccess");
    const [subscriber] = await t.db
      .select({ id: newsletterSubscribers.id })
      .from(newsletterSubscribers)
      .where(sql`lower(${newsletterSubscribers.email}) = ${email}`);
    const token = await ensureManageToken(t.db, {
      subscriberId: subscriber?.id as string,
      secret: SECRET,
      now: new Date(),
    });

    const page = await t.app.fetch(`http://lede.test/newsletter/manage?token=${token}`);
    expect(page.status).toBe(200);
    const shown = [...(await page.text()).matchAll(/name="topics" value="[^"]*"> ([^<]*)<\/label>/g)].map(
      (match) => match[1],
    );
    const listed = (await t.execute(Tags)).data?.tags.map((tag: { name: string }) => tag.name);
    expect(shown).toContain("Énergie");
    expect(shown).toEqual(listed);
    // Not after "Start-up" as a byte-wise ("C") collation would put it.
    expect(shown.indexOf("Énergie")).toBeLessThan(shown.indexOf("Start-up"));
  });
});
