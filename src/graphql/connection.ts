// Fields every connection has beside Relay's edges and pageInfo.
import { builder } from "./builder.ts";
import type { Connection } from "./pagination.ts";

builder.globalConnectionField("totalCount", (t) =>
  t.int({
    description: "How many items the whole list has, across all pages.",
    resolve: (connection) => {
      const total = (connection as unknown as Connection<unknown>).totalCount;
      return typeof total === "function" ? total() : total;
    },
  }),
);
