// The one Pothos builder. It defines no types: each domain module adds its own.
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import ErrorsPlugin from "@pothos/plugin-errors";
import RelayPlugin, { decodeGlobalID } from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { getNullableType, isListType } from "graphql";
import { DateTimeResolver, URLResolver } from "graphql-scalars";
import { staffScopes } from "../modules/staff/staff.roles.ts";
import type { Context } from "./context.ts";
import { badUserInput, clientError } from "./errors.ts";
import MutationPlugin from "./mutation-plugin.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./pagination.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    URL: { Input: URL; Output: string | URL };
    File: { Input: File; Output: never };
  };
  AuthScopes: { staff: boolean; editor: boolean; admin: boolean };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ComplexityPlugin, ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, MutationPlugin],
  complexity: {
    // Cost counts the objects a query can return: a connection multiplies what it holds by its
    // page size (variables included), its edges/nodes lists do not multiply again, and other
    // lists (tags, quotes, sources) are short.
    fieldComplexity: (args, _ctx, field) => {
      const page = args as { first?: number | null; last?: number | null };
      if ("first" in page || "last" in page)
        return { field: 1, multiplier: page.first ?? page.last ?? DEFAULT_PAGE_SIZE };
      if (field.name === "edges" || field.name === "nodes") return { field: 0, multiplier: 1 };
      return { field: 1, multiplier: isListType(getNullableType(field.type)) ? 5 : 1 };
    },
    limit: (ctx) => ctx.complexityLimit,
    complexityError: (kind, result) =>
      clientError(
        "BAD_USER_INPUT",
        `This query's ${kind.toLowerCase()} is ${result[kind.toLowerCase() as "complexity"]}, over the limit of ${result[`max${kind}` as "maxComplexity"]}: ask for fewer or smaller pages`,
      ),
  },
  scopeAuth: {
    authScopes: (ctx) => staffScopes(ctx.viewer),
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer
        ? clientError("FORBIDDEN", "Your staff role does not allow this")
        : clientError("UNAUTHENTICATED", "Sign in with a staff token (Authorization: Bearer <token>)"),
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeFieldOptions: { nullable: false },
    // `nodes(ids:)` is a list the client sizes: at most a page long, and costing what it returns
    // like any other list (each id one object, below which its selection is counted again).
    nodesQueryOptions: {
      args: { ids: { description: `At most ${MAX_PAGE_SIZE}; each answers its node, or null.` } },
      complexity: ({ ids }) => ({ field: 1, multiplier: ids.length }),
      resolve: (_root, { ids }, _ctx, _info, resolveNodes) => {
        if (ids.length > MAX_PAGE_SIZE) {
          throw badUserInput(`\`ids\` holds at most ${MAX_PAGE_SIZE} ids, got ${ids.length}`, "ids");
        }
        return resolveNodes(ids);
      },
    },
    nodesOnConnection: true,
    // A global id that does not decode, or names a type that has no ids, is the client's mistake.
    decodeGlobalID: (globalID) => {
      try {
        const decoded = decodeGlobalID(globalID);
        if (isNodeType(decoded.typename)) return decoded;
      } catch {
        // fall through to the error below
      }
      const shown = globalID.length > 64 ? `${globalID.slice(0, 64)}…` : globalID;
      throw badUserInput(`\`${shown}\` is not a valid id`);
    },
  },
  // Every field with `errors` returns its result object directly in a union named after the field
  // (createArticle: CreateArticleResult); a field lists only its error types.
  errors: {
    defaultTypes: [],
    directResult: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${fieldName[0]?.toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
});

/** Whether `typename` is an object type that implements Node: the only types a global id can name. */
function isNodeType(typename: string): boolean {
  if (!builder.configStore.hasImplementation(typename)) return false;
  const config = builder.configStore.getTypeConfig(typename);
  return (
    config.kind === "Object" &&
    config.interfaces.some((ref) => builder.configStore.getTypeConfig(ref).name === "Node")
  );
}

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("URL", URLResolver);
// Uploads (the GraphQL multipart request spec): the request parser puts each file in its variable.
builder.scalarType("File", {
  description:
    "A file sent in a multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec).",
  serialize: () => {
    throw new Error("File is an input type");
  },
  parseValue: (value) => {
    if (!(value instanceof File)) throw badUserInput("Send the file as a part of a multipart request");
    return value;
  },
});
builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
