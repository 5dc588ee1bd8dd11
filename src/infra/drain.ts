// Draining the HTTP server for a graceful shutdown: stop accepting connections, let the requests
// in flight finish, close each keep-alive connection as soon as it is idle, and end event streams
// (SSE subscriptions never finish by themselves; their clients reconnect to another process).
// Past the deadline, whatever is left is cut.
import type { Server, ServerResponse } from "node:http";

export interface DrainResult {
  /** Every request finished by itself before the deadline. */
  clean: boolean;
  /** Requests cut at the deadline. */
  cut: number;
  /** Event streams ended. */
  streamsEnded: number;
}

export interface RequestTracker {
  /** Requests being answered now. */
  inFlight(): number;
  /** Closes the server and resolves once every connection is gone (or cut after `timeoutMs`). */
  drain(timeoutMs: number): Promise<DrainResult>;
}

const isEventStream = (response: ServerResponse) =>
  response.headersSent && String(response.getHeader("content-type") ?? "").startsWith("text/event-stream");

export function trackRequests(server: Server): RequestTracker {
  const active = new Set<ServerResponse>();
  server.on("request", (_request, response: ServerResponse) => {
    active.add(response);
    response.on("close", () => active.delete(response));
  });
  return {
    inFlight: () => active.size,
    drain: (timeoutMs) =>
      new Promise((resolve) => {
        let streamsEnded = 0;
        let cut = 0;
        const endStreams = () => {
          for (const response of active) {
            if (!isEventStream(response)) continue;
            streamsEnded += 1;
            active.delete(response);
            response.destroy();
          }
        };
        const sweep = setInterval(() => {
          endStreams();
          server.closeIdleConnections();
        }, 25);
        const deadline = setTimeout(() => {
          cut = active.size;
          server.closeAllConnections();
        }, timeoutMs);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(deadline);
          resolve({ clean: cut === 0, cut, streamsEnded });
        });
        endStreams();
        server.closeIdleConnections();
      }),
  };
}
