// The one Pothos builder. It defines no types: each domain module adds its own.
import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import RelayPlugin, { decodeGlobalID } from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { DateTimeResolver, URLResolver } from "graphql-scalars";
import type { StaffRole } from "../db/schema.ts";
import type { Context } from "./context.ts";
import { badUserInput, clientError } from "./errors.ts";

const roleRank: Record<StaffRole, number> = { author: 1, editor: 2, admin: 3 };

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    URL: { Input: URL; Output: string | URL };
  };
  AuthScopes: { staff: boolean; editor: boolean; admin: boolean };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin],
  scopeAuth: {
    authScopes: (ctx) => {
      const rank = ctx.viewer ? roleRank[ctx.viewer.role] : 0;
      return {
        staff: rank >= roleRank.author,
        editor: rank >= roleRank.editor,
        admin: rank >= roleRank.admin,
      };
    },
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer
        ? clientError("FORBIDDEN", "Your staff role does not allow this")
        : clientError("UNAUTHENTICATED", "Sign in with a staff token (Authorization: Bearer <token>)"),
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeFieldOptions: { nullable: false },
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
  errors: { defaultTypes: [] },
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
builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
