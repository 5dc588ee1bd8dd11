// What a security probe sent, refused as bad input before it costs anything: fragments spread an
// exponential number of times.
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
  parse,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionItemFields } from "../src/graphql/lookahead.ts";
import { defaultOperationLimits } from "../src/graphql/plugins/limits.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Answer {
  status: number;
  json: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, json: await response.json() };
}

async function post(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  app = t.app,
): Promise<Answer> {
  return answer(
    await app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  );
}

const get = async (query: string) =>
  answer(await t.app.fetch(`http://lede.test/graphql?query=${encodeURIComponent(query)}`));

/**
 * `levels` fragments over `base` on `type`, each spreading the one below `times` times: the top one
 * spreads `base` times^levels times. By default that is 4^20 = 2^40, in under 1 KB.
 */
function spreads({
  base,
  type = "Query",
  levels = 20,
  times = 4,
}: {
  base: string;
  type?: string;
  levels?: number;
  times?: number;
}): { fragments: string; top: string } {
  const name = (i: number) => `F${i.toString(36)}`;
  let fragments = `fragment ${name(0)} on ${type}{${base}}`;
  for (let i = 1; i <= levels; i++)
    fragments += `fragment ${name(i)} on ${type}{${` ...${name(i - 1)}`.repeat(times)}}`;
  return { fragments, top: name(levels) };
}

describe("fragments spread many times", () => {
  // Before the fix each of these walked all 2^40 spreads: the server froze (a vitest timeout cannot
  // stop a synchronous walk, so a regression hangs this file rather than failing it).
  const timeout = 30_000;

  it(
    "refuses 2^40 aliases spread from a 1 KB document, over POST and GET",
    async () => {
      const { fragments, top } = spreads({ base: "a:__typename" });
      const query = `{...${top}}${fragments}`;
      expect(query.length).toBeLessThan(1024);
      for (const refused of [await post(query), await get(query)]) {
        expect(refused.json.data).toBeUndefined();
        expect(refused.json.errors?.map((e) => e.message)).toEqual([
          `This operation has more than ${defaultOperationLimits.maxAliases} aliases`,
        ]);
      }
    },
    timeout,
  );

  it(
    "refuses 2^40 directives the same way",
    async () => {
      const { fragments, top } = spreads({ base: "__typename@include(if:true)" });
      const refused = await post(`{...${top}}${fragments}`);
      expect(refused.json.errors?.map((e) => e.message)).toEqual([
        `This operation has more than ${defaultOperationLimits.maxDirectives} directives`,
      ]);
    },
    timeout,
  );

  it(
    "refuses 2^40 fields by their breadth, and still runs the ones a fragment repeats once",
    async () => {
      const { fragments, top } = spreads({ base: "nodes{slug}", type: "ArticleConnection" });
      const refused = await post(`{articles(first:1){...${top}}}${fragments}`);
      expect(refused.json.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(refused.json.errors?.[0]?.message).toMatch(/breadth is \d+, over the limit/);
      // 2^40 spreads of `__typename` with no alias are one field to run: nothing to refuse.
      const typename = spreads({ base: "__typename" });
      expect((await post(`{...${typename.top}}${typename.fragments}`)).json).toEqual({
        data: { __typename: "Query" },
      });
    },
    timeout,
  );

  it("still counts a fragment's aliases at every place it is spread", async () => {
    // F0 has one alias: 2^4 = 16 spreads are over the limit of 15, 2^3 = 8 are not.
    const over = spreads({ base: "a:__typename", levels: 4, times: 2 });
    expect((await post(`{...${over.top}}${over.fragments}`)).json.errors?.[0]?.message).toMatch(/aliases/);
    const under = spreads({ base: "a:__typename", levels: 3, times: 2 });
    expect((await post(`{...${under.top}}${under.fragments}`)).json.errors).toBeUndefined();
  });

  it(
    "are walked once by the lookahead that lists what a page's items select",
    () => {
      const { fragments, top } = spreads({ base: "nodes{slug title}", type: "ArticleConnection" });
      const document = parse(`{articles(first:1){...${top}}}${fragments}`);
      const [operation, ...fragmentDefinitions] = document.definitions as [
        OperationDefinitionNode,
        ...FragmentDefinitionNode[],
      ];
      const info = {
        fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
        fragments: Object.fromEntries(fragmentDefinitions.map((d) => [d.name.value, d])),
      } as unknown as GraphQLResolveInfo;
      expect(connectionItemFields(info)).toEqual(new Set(["slug", "title"]));
    },
    timeout,
  );
});
