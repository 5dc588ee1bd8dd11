// A GraphQL subscription over SSE, read as a browser's EventSource would.
import { expect } from "vitest";
import type { App } from "../../src/app.ts";

/**
 * Opens the subscription and reads it from now on (yoga starts a subscription on the first
 * read); `next` returns the next `next` payload, or null after the timeout.
 */
export async function openSse<T>(
  app: App,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let closed = false;
  const pump = (async () => {
    while (!closed) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  })().catch(() => {});
  return {
    async next(
      timeoutMs = 3000,
    ): Promise<{ data: T; errors?: { message: string; extensions?: { code?: string } }[] } | null> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const event = /event: next\ndata: (.*)\n\n/.exec(buffer);
        if (event) {
          buffer = buffer.slice(event.index + event[0].length);
          return JSON.parse(event[1] as string);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return null;
    },
    async close() {
      closed = true;
      await reader.cancel();
      await pump;
    },
  };
}

/** Time for a fresh subscription to reach the event source (and Redis) before events are sent. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/**
 * Waits until `app` holds more live subscriptions than `before` (a subscription over graphql-ws
 * registers only after its article was read, which a loaded machine can make slower than any
 * fixed wait), then `settle`s for Redis's own subscribe.
 */
export async function settleLive(app: App, before: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (app.live.active <= before) {
    if (Date.now() > deadline) throw new Error(`no live subscription after 10 s (${app.live.active} open)`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await settle();
}
