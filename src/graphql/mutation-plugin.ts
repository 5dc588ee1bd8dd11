// What every mutation field gets, in one place instead of in each resolver: after it ran (whether
// it succeeded, returned an error or threw), the request's loaders are forgotten, so the fields
// selected on its result read what it wrote; and a service's AccessDeniedError becomes the API's
// UNAUTHENTICATED or FORBIDDEN error.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { AccessDeniedError } from "../modules/errors.ts";
import type { Context } from "./context.ts";
import { clientError } from "./errors.ts";

/** The API's error for a service's refusal; any other error as it is. */
export function apiErrorOf(error: unknown): unknown {
  if (!(error instanceof AccessDeniedError)) return error;
  return clientError(error.reason === "unauthenticated" ? "UNAUTHENTICATED" : "FORBIDDEN", error.message);
}

class MutationPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    if (fieldConfig.kind !== "Mutation") return resolver;
    return async (parent, args, context, info) => {
      try {
        return await resolver(parent, args, context, info);
      } catch (error) {
        throw apiErrorOf(error);
      } finally {
        (context as Context).forgetReads();
      }
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      ledeMutations: MutationPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("ledeMutations", MutationPlugin);

export default "ledeMutations" as const;
