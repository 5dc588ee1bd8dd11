// GraphQL over WebSocket (the graphql-ws protocol) on the same port and path as HTTP, for clients
// that prefer it to SSE. Each subscription runs through yoga's own pipeline (plugins, context,
// masking), so both transports behave the same. A connection carries at most
// SUBSCRIPTIONS_PER_CONNECTION operations at once.
import type { Server } from "node:http";
import { type ExecutionArgs, GraphQLError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { App } from "./app.ts";
import { checkVariables } from "./graphql/plugins/limits.ts";

type Enveloped = ReturnType<App["getEnveloped"]>;

export function attachWebSocket(server: Server, app: App): { close(): Promise<void> } {
  const wsServer = new WebSocketServer({ server, path: app.graphqlEndpoint });
  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args as ExecutionArgs),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args as ExecutionArgs),
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has already entered this operation among the connection's.
        const limit = app.live.limits.perConnection;
        if (Object.keys(ctx.subscriptions).length > limit) {
          return [app.live.refuse("connection", `At most ${limit} operations at once on one connection`)];
        }
        // yoga's onParams hook, where HTTP requests get this check, does not run here.
        try {
          checkVariables(payload.variables);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        // The staff token travels in the connection params (browsers cannot set headers here).
        const authorization = ctx.connectionParams?.authorization ?? ctx.extra.request.headers.authorization;
        const headers = new Headers();
        if (typeof authorization === "string") headers.set("authorization", authorization);
        const userAgent = ctx.extra.request.headers["user-agent"];
        if (userAgent) headers.set("user-agent", userAgent);
        const forwarded = ctx.extra.request.headers["x-forwarded-for"];
        if (typeof forwarded === "string") headers.set("x-forwarded-for", forwarded);
        const request = new Request(`http://localhost${app.graphqlEndpoint}`, { method: "POST", headers });
        const enveloped = app.getEnveloped({ request, req: ctx.extra.request, params: payload });
        let contextValue: unknown;
        try {
          contextValue = await enveloped.contextFactory();
        } catch (error) {
          // A bad token: answer this subscription with the error instead of dropping the socket.
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const args = {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document: enveloped.parse(payload.query),
          variableValues: payload.variables,
          contextValue,
          rootValue: enveloped,
        };
        const errors = enveloped.validate(args.schema, args.document);
        return errors.length ? errors : args;
      },
    },
    wsServer,
  );
  return {
    close: async () => {
      await disposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
