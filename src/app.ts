// Builds the HTTP application: yoga serving /graphql plus the plain endpoints. Tests import this
// and drive it with `app.fetch`, with no socket; server.ts listens on a port.
import type { IncomingMessage } from "node:http";
import { createPubSub, createYoga, maskError, type YogaServerInstance } from "graphql-yoga";
import { type CommentPolicy, DEVELOPMENT_SECRET, defaultCommentPolicy } from "./config.ts";
import { DatabaseBusyError } from "./db/bounded-pool.ts";
import type { Database } from "./db/client.ts";
import { type AppServices, type Context, createContext } from "./graphql/context.ts";
import { clientError } from "./graphql/errors.ts";
import { schema } from "./graphql/schema.ts";
import { clientInfo } from "./infra/client-info.ts";
import type { LedeEvents, LedePubSub } from "./infra/pubsub.ts";
import { MemoryRateLimiter, type RateLimiter } from "./infra/rate-limit.ts";
import { authenticate } from "./modules/staff/staff.auth.ts";

export interface AppOptions {
  db: Database;
  now?: () => Date;
  /** In-process events unless given (server.ts passes the Redis-backed one with REDIS_URL). */
  pubsub?: LedePubSub;
  rateLimiter?: RateLimiter;
  secret?: string;
  commentPolicy?: CommentPolicy;
  /** Trust X-Forwarded-For for the client's address. */
  trustProxy?: boolean;
  /** GraphiQL at GET /graphql (on by default). */
  graphiql?: boolean;
  /** Whether the database is ready to serve (for /ready). */
  ready?: () => Promise<boolean>;
}

/** What node:http hands yoga beside the Request; absent when tests call app.fetch. */
export type ServerContext = { req?: IncomingMessage };
export type App = YogaServerInstance<ServerContext, Context>;

const exampleQuery = `# Welcome to lede. Press the run button to fetch the front page.
query FrontPage {
  articles(first: 5) {
    totalCount
    nodes {
      title
      lede
      publishedAt
      readingTimeMinutes
      author { name jobTitle }
      tags { slug name }
      commentCount
      comments(first: 3) { nodes { authorName body createdAt } }
    }
  }
}
`;

export function createApp(options: AppOptions): App {
  const now = options.now ?? (() => new Date());
  const services: AppServices = {
    db: options.db,
    now,
    pubsub: options.pubsub ?? createPubSub<LedeEvents>(),
    rateLimiter: options.rateLimiter ?? new MemoryRateLimiter(() => now().getTime()),
    secret: options.secret ?? DEVELOPMENT_SECRET,
    commentPolicy: options.commentPolicy ?? defaultCommentPolicy,
  };
  const clientOptions = { secret: services.secret, trustProxy: options.trustProxy ?? false };
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: options.graphiql === false ? false : { title: "lede", defaultQuery: exampleQuery },
    healthCheckEndpoint: "/health",
    maskedErrors: {
      maskError: (error, message, isDev) =>
        causedBy(error, DatabaseBusyError)
          ? clientError("SERVICE_UNAVAILABLE", "The database is busy; try again in a moment")
          : maskError(error, message, isDev),
    },
    context: async ({ request, req }) =>
      createContext(
        services,
        await authenticate(services.db, request.headers.get("authorization")),
        clientInfo(request, req, clientOptions),
      ),
    plugins: [
      {
        onRequest: async ({ request, endResponse, fetchAPI }) => {
          if (new URL(request.url).pathname !== "/ready") return;
          const ready = await (options.ready?.() ?? Promise.resolve(true)).catch(() => false);
          endResponse(
            new fetchAPI.Response(JSON.stringify({ ready }), {
              status: ready ? 200 : 503,
              headers: { "content-type": "application/json" },
            }),
          );
        },
      },
    ],
  });
}

/** Whether `error` or anything in its chain of causes (GraphQL's originalError, Error.cause) is a `type`. */
function causedBy(error: unknown, type: new (...args: never[]) => Error): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof type) return true;
    const { originalError, cause } = current as Error & { originalError?: unknown };
    current = originalError ?? cause;
  }
  return false;
}
