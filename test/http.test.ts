// lede over a real HTTP port, as browsers, GraphiQL and curl reach it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, listenOnLoopback, type TestApp } from "./setup/app.ts";

let t: TestApp;
let listening: Awaited<ReturnType<typeof listenOnLoopback>>;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  listening = await listenOnLoopback(t.app);
  base = listening.base;
});
afterAll(async () => {
  await listening.close();
  await t.close();
});

describe("over HTTP", () => {
  it("answers a POST to /graphql", async () => {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: "{ articles(first: 2) { totalCount nodes { slug } } }" }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { articles: { totalCount: number; nodes: unknown[] } } };
    expect(body.data.articles.totalCount).toBe(30);
    expect(body.data.articles.nodes).toHaveLength(2);
  });

  it("answers a query sent with GET", async () => {
    const query = encodeURIComponent('{ tag(slug: "space") { name } }');
    const response = await fetch(`${base}/graphql?query=${query}`, {
      headers: { accept: "application/json" },
    });
    expect(await response.json()).toEqual({ data: { tag: { name: expect.any(String) } } });
  });

  it("serves GraphiQL with a ready example operation to a browser", async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain("GraphiQL");
    expect(html).toContain("query FrontPage");
  });

  it("reports health and readiness", async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it("masks unexpected errors and never leaks a stack trace", async () => {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ articles(first: 1, after: 5) { totalCount } }" }),
    });
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(text).errors.length).toBeGreaterThan(0);
  });
});

describe("CORS", () => {
  const query = (app: TestApp["app"], origin: string, method = "POST") =>
    app.fetch("http://lede.test/graphql", {
      method,
      headers: {
        origin,
        "content-type": "application/json",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
      ...(method === "POST" && { body: JSON.stringify({ query: "{ __typename }" }) }),
    });

  it("by default lets any origin read public answers, and sends credentials to none", async () => {
    for (const method of ["POST", "OPTIONS"]) {
      const response = await query(t.app, "https://evil.example", method);
      expect(response.headers.get("access-control-allow-origin")).toBe("https://evil.example");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("with CORS_ORIGINS, answers only the listed origins, with credentials", async () => {
    const listed = await createTestApp({ corsOrigins: ["https://reader.example", "https://www.example"] });
    try {
      for (const method of ["POST", "OPTIONS"]) {
        const allowed = await query(listed.app, "https://reader.example", method);
        expect(allowed.headers.get("access-control-allow-origin")).toBe("https://reader.example");
        expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
        expect(allowed.headers.get("vary")).toMatch(/\bOrigin\b/);
        // A sandboxed page's Origin is "null": it must not match anything either.
        for (const origin of ["https://evil.example", "null"]) {
          const refused = await query(listed.app, origin, method);
          expect(refused.headers.get("access-control-allow-origin")).toBeNull();
          expect(refused.headers.get("access-control-allow-credentials")).toBeNull();
          expect(refused.headers.get("vary")).toMatch(/\bOrigin\b/);
        }
      }
    } finally {
      await listed.close();
    }
  });
});
