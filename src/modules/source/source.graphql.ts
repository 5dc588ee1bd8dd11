// A cited publication: the "(Source)" link under an article.
import { builder } from "../../graphql/builder.ts";
import type { SourceRow } from "../article/article.parts.ts";

export const SourceRef = builder.objectRef<SourceRow>("Source").implement({
  fields: (t) => ({
    title: t.exposeString("title"),
    publisher: t.exposeString("publisher", { nullable: true }),
    url: t.expose("url", { type: "URL" }),
  }),
});
