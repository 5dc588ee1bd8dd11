// With READ_DATABASE_URL, queries read from the replica; mutations (and what they read to decide)
// and subscriptions stay on the primary, so a write never reads a stale row.
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Database } from "../../db/client.ts";
import type { Context } from "../context.ts";

export function readReplicaPlugin(readDb: Database): Plugin<Context> {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation === "query") {
        // Loaders are made on first use, after this: they all read from the replica.
        args.contextValue.db = readDb;
      }
    },
  };
}
