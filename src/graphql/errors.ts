// Errors meant for the client: a GraphQLError with a stable `extensions.code`. Anything else a
// resolver throws is masked by yoga as "Unexpected error." and logged on the server.
import { GraphQLError } from "graphql";

export type ClientErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "SERVICE_UNAVAILABLE"
  | "TIMEOUT"
  | "RATE_LIMITED"
  | "PAYLOAD_TOO_LARGE"
  | "NOT_FOUND"
  | "TOO_MANY_SUBSCRIPTIONS"
  | "SLOW_SUBSCRIBER";

export function clientError(
  code: ClientErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** `replacement`, told at the place in the query where `error` happened (its field path and nodes). */
export function atPathOf(error: unknown, replacement: GraphQLError): GraphQLError {
  const where = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(replacement.message, {
    nodes: where?.nodes,
    path: where?.path,
    extensions: replacement.extensions,
  });
}

export const badUserInput = (message: string, argument?: string) =>
  clientError("BAD_USER_INPUT", message, argument ? { argument } : {});
