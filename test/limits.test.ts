// What a security probe sent, refused as bad input before it costs anything: fragments spread an
// exponential number of times, `nodes(ids:)` lists, variables nested deep, U+0000 in any string,
// and bodies that are not JSON.

import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
  parse,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaults } from "../src/config.ts";
import { comments } from "../src/db/schema.ts";
import { connectionSelection } from "../src/graphql/lookahead.ts";
import { MAX_PAGE_SIZE } from "../src/graphql/pagination.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";

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

  it.each([
    ["aliases", "a:__typename", defaults.graphql.limits.maxAliases],
    ["directives", "__typename@include(if:true)", defaults.graphql.limits.maxDirectives],
  ])(
    "refuses 2^40 %s spread from a 1 KB document, over POST and GET",
    async (what, base, max) => {
      const { fragments, top } = spreads({ base });
      const query = `{...${top}}${fragments}`;
      expect(query.length).toBeLessThan(1024);
      for (const refused of [await post(query), await get(query)]) {
        expect(refused.json.data).toBeUndefined();
        expect(refused.json.errors?.map((e) => e.message)).toEqual([
          `This operation has more than ${max} ${what}`,
        ]);
      }
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
        fragments: Object.fromEntries(fragmentDefinitions.map((d) => [d.name.value, d])),
      } as unknown as GraphQLResolveInfo;
      const selection = connectionSelection(info, [operation.selectionSet.selections[0] as FieldNode]);
      expect(new Set(selection.items.keys())).toEqual(new Set(["slug", "title"]));
    },
    timeout,
  );
});

describe("nodes(ids:)", () => {
  const articleId = async () => {
    const { json } = await post("{ articles(first: 1) { nodes { id } } }");
    return (json.data as { articles: { nodes: { id: string }[] } }).articles.nodes[0]?.id as string;
  };
  const query = "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }";

  it(`answers up to ${MAX_PAGE_SIZE} ids and refuses more, naming the argument`, async () => {
    const id = await articleId();
    const most = await post(query, { ids: Array(MAX_PAGE_SIZE).fill(id) });
    expect(most.json.errors).toBeUndefined();
    expect(most.json.data?.nodes).toHaveLength(MAX_PAGE_SIZE);
    const refused = await post(query, { ids: Array(5000).fill(id) });
    expect(refused.json.data).toBeNull();
    expect(refused.json.errors).toHaveLength(1);
    expect(refused.json.errors?.[0]?.message).toBe(`\`ids\` holds at most ${MAX_PAGE_SIZE} ids, got 5000`);
    expect(refused.json.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "ids" });
  });

  it("costs each id like an item of any other list", async () => {
    const limited = await createTestApp({ graphql: { limits: defaults.graphql.limits } });
    try {
      const id = await articleId();
      // One article with 100 comments of 100 replies is within the cost limit; thirty are not,
      // whether asked through a page of articles or the same id thirty times.
      const threads =
        "... on Article { comments(first: 100) { nodes { replies(first: 100) { nodes { body } } } } }";
      const ask = (count: number) =>
        post(
          `query ($ids: [ID!]!) { nodes(ids: $ids) { ${threads} } }`,
          { ids: Array(count).fill(id) },
          {},
          limited.app,
        );
      expect((await ask(1)).json.errors).toBeUndefined();
      const refused = await ask(30);
      expect(refused.json.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(refused.json.errors?.[0]?.message).toMatch(/complexity is \d+, over the limit of 50000/);
      const page = await post(
        `{ articles(first: 30) { nodes { comments(first: 100) { nodes { replies(first: 100) { nodes { body } } } } } } }`,
        {},
        {},
        limited.app,
      );
      expect(page.json.errors?.[0]?.message).toMatch(/complexity is \d+, over the limit of 50000/);
    } finally {
      await limited.close();
    }
  });
});

describe("variables", () => {
  const quotes = "query ($speaker: String!) { quotes(speaker: $speaker) { totalCount } }";
  /** `value` inside `depth` arrays, as JSON text: JSON.stringify itself overflows at 10,000. */
  const nested = (depth: number, value = '"x"') => `${"[".repeat(depth)}${value}${"]".repeat(depth)}`;
  const postRaw = async (variables: string) =>
    answer(
      await t.app.fetch("http://lede.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `{"query": ${JSON.stringify(quotes)}, "variables": ${variables}}`,
      }),
    );

  it("nested 10,000 deep are refused with a 400 before anything walks them", async () => {
    for (const variables of [`{"speaker": ${nested(10_000)}}`, `{"speaker": {"a": ${nested(40)}}}`]) {
      const refused = await postRaw(variables);
      expect(refused.status).toBe(400);
      expect(refused.json.errors).toEqual([
        {
          message: "Variable `$speaker` nests deeper than 32 levels",
          extensions: { code: "BAD_USER_INPUT", variable: "speaker" },
        },
      ]);
    }
  });

  it("nested a few levels deep are left to their types", async () => {
    const wrong = await postRaw(`{"speaker": ${nested(5)}}`);
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors?.[0]?.message).toMatch(/^Variable "\$speaker" got invalid value/);
  });
});

describe("a NUL character (U+0000)", () => {
  const nul = "a\u0000b";
  // A variable and the same string written inline; the error names what holds it.
  const publicInputs: [string, string, Record<string, unknown>, string][] = [
    ["article(slug)", "query ($v: String!) { article(slug: $v) { id } }", { v: nul }, "`$v`"],
    ["quotes(speaker)", "query ($v: String!) { quotes(speaker: $v) { totalCount } }", { v: nul }, "`$v`"],
    ["tag(slug)", "query ($v: String!) { tag(slug: $v) { id } }", { v: nul }, "`$v`"],
    [
      "newsletterSubscription(token)",
      "query ($v: String!) { newsletterSubscription(token: $v) { email } }",
      { v: nul },
      "`$v`",
    ],
    [
      "subscribeToNewsletter, deep in its input",
      "mutation ($input: SubscribeToNewsletterInput!) { subscribeToNewsletter(input: $input) { __typename } }",
      { input: { email: "reader@example.org", language: "EN", consent: true, topics: ["ai", nul] } },
      "`$input.topics.1`",
    ],
  ];

  it.each(publicInputs)(
    "in a variable of %s is refused as bad input",
    async (_label, query, variables, named) => {
      const refused = await post(query, variables);
      expect(refused.status).toBe(400);
      expect(refused.json.data).toBeUndefined();
      expect(refused.json.errors).toHaveLength(1);
      expect(refused.json.errors?.[0]?.message).toBe(
        `Variable ${named} holds a NUL character (U+0000), which text cannot contain`,
      );
      expect(refused.json.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    },
  );

  it.each([
    ["article(slug)", '{ article(slug: "a\\u0000b") { id } }', "slug", "slug"],
    ["quotes(speaker)", '{ quotes(speaker: "a\\u0000b") { totalCount } }', "speaker", "speaker"],
    [
      "author(slug), through a fragment",
      '{ ...A } fragment A on Query { author(slug: "\\u0000") { id } }',
      "slug",
      "slug",
    ],
    [
      "subscribeToNewsletter, inside its input",
      'mutation { subscribeToNewsletter(input: { email: "reader@example.org", language: EN, consent: true, source: "\\u0000" }) { __typename } }',
      "input",
      "input.source",
    ],
    [
      "subscribeToNewsletter, in a list inside its input",
      'mutation { subscribeToNewsletter(input: { email: "reader@example.org", language: EN, consent: true, topics: ["ai", "\\u0000"] }) { __typename } }',
      "input",
      "input.topics",
    ],
  ])("written inline in %s is refused as bad input", async (_label, query, argument, named) => {
    const overGet = query.startsWith("mutation") ? [] : [await get(query)];
    for (const refused of [await post(query), ...overGet]) {
      expect(refused.status).toBe(400);
      expect(refused.json.data).toBeUndefined();
      expect(refused.json.errors).toHaveLength(1);
      expect(refused.json.errors?.[0]?.message).toBe(
        `Argument \`${named}\` holds a NUL character (U+0000), which text cannot contain`,
      );
      expect(refused.json.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    }
  });

  it("in a variable's default value is refused", async () => {
    const refused = await post('query ($v: String = "\\u0000") { quotes(speaker: $v) { totalCount } }');
    expect(refused.status).toBe(400);
    expect(refused.json.errors?.[0]?.message).toMatch(/^Variable `\$v` holds a NUL character/);
  });

  it("in a comment or a staff member's article is refused, and nothing is written", async () => {
    const { json } = await post("{ articles(first: 1) { nodes { id } } }");
    const articleId = (json.data as { articles: { nodes: { id: string }[] } }).articles.nodes[0]?.id;
    const before = await t.db.$count(comments);
    const comment = await post(
      "mutation ($input: PostCommentInput!) { postComment(input: $input) { __typename } }",
      { input: { articleId, authorName: "Ann", authorEmail: "ann@example.org", body: `Hello ${nul}` } },
    );
    expect(comment.status).toBe(400);
    expect(comment.json.errors?.[0]?.message).toMatch(/^Variable `\$input.body` holds a NUL character/);
    expect(await t.db.$count(comments)).toBe(before);

    const token = await staffToken(t, "editor");
    const staff = { authorization: `Bearer ${token}` };
    const article = await post(
      "mutation ($input: CreateArticleInput!) { createArticle(input: $input) { __typename } }",
      { input: { title: nul, language: "EN" } },
      staff,
    );
    expect(article.status).toBe(400);
    expect(article.json.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", variable: "input" });
    const tag = await post('mutation { createTag(input: { name: "a\\u0000" }) { __typename } }', {}, staff);
    expect(tag.status).toBe(400);
    expect(tag.json.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "input" });
  });
});

describe("a body that is not JSON", () => {
  const invalid = '{"query": "{ __typename }", ';
  const send = async (body: BodyInit) =>
    answer(
      await t.app.fetch("http://lede.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit),
    );
  const chunked = (text: string) =>
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });

  it("is a plain 400, with its length declared or chunked, and none of the parser's words", async () => {
    for (const refused of [await send(invalid), await send(chunked(invalid))]) {
      expect(refused.status).toBe(400);
      expect(refused.json).toEqual({
        errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_USER_INPUT" } }],
      });
    }
  });

  it("is refused when it is JSON but not an object", async () => {
    for (const body of ["null", "42", '"query"']) {
      for (const refused of [await send(body), await send(chunked(body))]) {
        expect(refused.status).toBe(400);
        expect(refused.json.errors?.[0]?.message).toBe("The request body must be a JSON object");
      }
    }
  });

  it("is a 400 in GET's variables too", async () => {
    const refused = await answer(
      await t.app.fetch(
        `http://lede.test/graphql?query=${encodeURIComponent("{ __typename }")}&variables={bad`,
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.json.errors?.[0]?.message).toBe("`variables` is not valid JSON");
  });

  it("leaves good JSON working, declared or chunked", async () => {
    const body = JSON.stringify({ query: "{ __typename }" });
    expect((await send(body)).json).toEqual({ data: { __typename: "Query" } });
    expect((await send(chunked(body))).json).toEqual({ data: { __typename: "Query" } });
  });
});
