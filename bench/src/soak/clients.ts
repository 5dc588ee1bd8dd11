// Real clients of lede's public API: GraphQL over HTTP, subscriptions over SSE (fetch with
// `accept: text/event-stream`, read as a browser's EventSource would) and over graphql-ws.
import { createClient } from "graphql-ws";
import { WebSocket } from "ws";

export interface GraphqlAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function postGraphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<GraphqlAnswer<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphqlAnswer<T>;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
}

/** One live subscription, whatever carries it. */
export interface Subscription {
  transport: "sse" | "ws";
  /** Why it ended before it was closed (an error, the server completing it); null while live. */
  ended(): string | null;
  close(): Promise<void>;
}

export type OnPayload<T> = (payload: GraphqlAnswer<T>) => void;

export async function subscribeSse<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  onPayload: OnPayload<T>,
): Promise<Subscription> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  if (!response.headers.get("content-type")?.includes("text/event-stream") || !response.body) {
    throw new Error(`SSE subscription refused: HTTP ${response.status} ${await response.text()}`);
  }
  let ended: string | null = null;
  let closing = false;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const pump = (async () => {
    let buffer = "";
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += chunk.value;
      let boundary = buffer.indexOf("\n\n");
      while (boundary >= 0) {
        const message = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        boundary = buffer.indexOf("\n\n");
        let event = "message";
        let data = "";
        for (const line of message.split("\n")) {
          if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data += line.slice(5).trimStart();
        }
        if (event === "next" && data) onPayload(JSON.parse(data) as GraphqlAnswer<T>);
        else if (event === "complete") ended ??= "completed by the server";
      }
    }
    ended ??= "stream closed by the server";
  })().catch((error: unknown) => {
    if (!closing) ended ??= `stream failed: ${error instanceof Error ? error.message : String(error)}`;
  });
  return {
    transport: "sse",
    ended: () => (closing ? null : ended),
    close: async () => {
      closing = true;
      controller.abort();
      await pump;
    },
  };
}

export async function subscribeWs<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  onPayload: OnPayload<T>,
): Promise<Subscription> {
  let ended: string | null = null;
  let closing = false;
  const client = createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
  // Connected (connection_ack) before the subscription is sent: a refused connection fails here.
  await new Promise<void>((resolve, reject) => {
    const offConnected = client.on("connected", () => {
      offConnected();
      offClosed();
      resolve();
    });
    const offClosed = client.on("closed", (event) => {
      offConnected();
      offClosed();
      const { code, reason } = event as { code?: number; reason?: string };
      reject(new Error(`graphql-ws connection closed before it was acknowledged: ${code} ${reason ?? ""}`));
    });
  });
  client.on("closed", (event) => {
    const { code, reason } = event as { code?: number; reason?: string };
    if (!closing) ended ??= `socket closed by the server: ${code} ${reason ?? ""}`;
  });
  client.subscribe<T>(
    { query, variables },
    {
      next: (value) => onPayload(value as GraphqlAnswer<T>),
      error: (error) => {
        ended ??= `error: ${JSON.stringify(error)}`;
      },
      complete: () => {
        if (!closing) ended ??= "completed by the server";
      },
    },
  );
  return {
    transport: "ws",
    ended: () => (closing ? null : ended),
    close: async () => {
      closing = true;
      await client.dispose();
    },
  };
}
