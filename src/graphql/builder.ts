// The one Pothos builder. It defines no types: each domain module adds its own.
import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { DateTimeResolver, URLResolver } from "graphql-scalars";
import type { StaffRole } from "../db/schema.ts";
import type { Context } from "./context.ts";
import { clientError } from "./errors.ts";

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
  },
  errors: { defaultTypes: [] },
});

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("URL", URLResolver);
builder.queryType({});
