// Guards for a public endpoint: CSRF prevention, and a rate limit on mutations per IP and per
// staff token (shared across processes when the limiter is Redis).
import {
  type ArgumentNode,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  getOperationAST,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  visit,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { MutationRateLimits } from "../../config.ts";
import type { Context } from "../context.ts";

/**
 * A browser can send a cross-site POST without a preflight only as text/plain, form-urlencoded or
 * multipart. lede takes JSON, so those are refused unless they carry a header that only a
 * same-origin script (or a non-browser client) can set. GET stays open: it cannot run mutations.
 */
export function csrfPreventionPlugin(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== "POST" || new URL(request.url).pathname !== "/graphql") return;
      const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      const simple =
        type === "" ||
        type === "text/plain" ||
        type === "application/x-www-form-urlencoded" ||
        type === "multipart/form-data";
      if (
        simple &&
        !request.headers.has("x-graphql-yoga-csrf") &&
        !request.headers.has("graphql-preflight")
      ) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [
                { message: "Send GraphQL as application/json (or add the x-graphql-yoga-csrf header)" },
              ],
            }),
            { status: 403, headers: { "content-type": "application/json" } },
          ),
        );
      }
    },
  };
}

/**
 * Each mutation field an operation runs costs one unit of the limit: one request with 15 aliased
 * mutations is 15 changes, not one.
 */
export function mutationRateLimitPlugin(limits: MutationRateLimits): Plugin<Context> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== "mutation") return;
      const cost = rootFieldCount(operation.selectionSet, args.document);
      if (cost === 0) return;
      const ctx = args.contextValue;
      const checks: [string, { limit: number; windowMs: number }][] = [];
      if (ctx.viewer) checks.push([`mutation:staff:${ctx.viewer.id}`, limits.perToken]);
      else if (ctx.client.ipHash) checks.push([`mutation:ip:${ctx.client.ipHash}`, limits.perIp]);
      for (const [key, { limit, windowMs }] of checks) {
        const verdict = await ctx.rateLimiter.hit(key, limit, windowMs, cost);
        if (!verdict.allowed) {
          const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
          setResultAndStopExecution({
            errors: [
              new GraphQLError(`Too many changes; try again in ${seconds} s`, {
                extensions: {
                  code: "RATE_LIMITED",
                  retryAfterSeconds: seconds,
                  http: { status: 429, headers: { "Retry-After": String(seconds) } },
                },
              }),
            ],
          });
          return;
        }
      }
    },
  };
}

/**
 * The fields an operation runs at its root, through inline and named fragments: one per response
 * key, as graphql-js merges fields of one key into one call. `__typename` changes nothing. Each
 * named fragment is walked once, as graphql-js does.
 */
function rootFieldCount(selectionSet: SelectionSetNode, document: DocumentNode): number {
  const keys = new Set<string>();
  const spread = new Set<string>();
  const collect = (selections: SelectionSetNode) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== "__typename") keys.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = document.definitions.find(
          (definition): definition is FragmentDefinitionNode =>
            definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
        );
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(selectionSet);
  return keys.size;
}

/**
 * With introspection off, `__schema` (the whole map of the API, what tools and scanners fetch) is
 * refused, and `__type(name:)` answers null whatever the name, as for a type that does not exist:
 * asked name by name, it rebuilt the whole schema, staff-only types included. It is not refused,
 * because the GraphQL-over-HTTP audit asks for types that do not exist and expects no error.
 */
export function schemaIntrospectionOffPlugin(): Plugin {
  const rule = (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      if (node.name.value === "__schema") {
        context.reportError(new GraphQLError("Introspection is turned off on this server", { nodes: node }));
      }
    },
  });
  // Yoga hands the same document object for the same query text: each is rewritten once.
  const rewritten = new WeakMap<DocumentNode, DocumentNode>();
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const document = rewritten.get(args.document) ?? withoutTypeLookups(args.document);
      rewritten.set(args.document, document);
      if (document !== args.document)
        setExecuteFn((executionArgs) => executeFn({ ...executionArgs, document }));
    },
  };
}

/** The name of no type: `__type` asked for it answers null. */
const NO_TYPE: ArgumentNode = {
  kind: Kind.ARGUMENT,
  name: { kind: Kind.NAME, value: "name" },
  value: { kind: Kind.STRING, value: "" },
};

/** `document` with every `__type(name:)` asking for no type; `document` itself when it has none. */
function withoutTypeLookups(document: DocumentNode): DocumentNode {
  // `__type` is valid only on the query root, so every field of that name is the lookup.
  return visit(document, {
    Field: (node) => (node.name.value === "__type" ? { ...node, arguments: [NO_TYPE] } : undefined),
  });
}
