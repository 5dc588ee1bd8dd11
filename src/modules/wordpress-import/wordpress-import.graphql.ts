// Staff's view of the redirects an import wrote: each old URL (a WordPress permalink, `/?p=ID`)
// and the article it leads to now. Editors and admins only, like the other operator lists.
import { builder } from "../../graphql/builder.ts";
import { pageRequest, toConnection } from "../../graphql/pagination.ts";
import { ArticleRef } from "../article/article.graphql.ts";
import { loadVisibleArticle } from "../article/article.loaders.ts";
import { articleUrlOf } from "./wordpress-import.redirects.ts";
import { countRedirects, listRedirects, type RedirectRow, redirectCursor } from "./wordpress-import.repo.ts";

const RedirectRef = builder.objectRef<RedirectRow>("Redirect").implement({
  description: "An old URL of the site (its path and query) that now leads to an article.",
  authScopes: { editor: true },
  fields: (t) => ({
    from: t.exposeString("fromPath", {
      description: 'The old path and query, e.g. "/2024/03/05/mon-article/" or "/?p=12".',
    }),
    to: t.field({
      type: "URL",
      description: "The article's URL now (NEWSLETTER_ARTICLE_URL with its slug).",
      resolve: (row, _args, ctx) => articleUrlOf(ctx.newsletter.articleUrl, row.slug),
    }),
    article: t.field({
      type: ArticleRef,
      resolve: async (row, _args, ctx) => {
        const article = await loadVisibleArticle(ctx, row.articleId);
        if (!article) throw new Error(`redirect ${row.fromPath} leads to an article the viewer cannot see`);
        return article;
      },
    }),
  }),
});

const RedirectConnectionRef = builder.connectionObject({ type: RedirectRef, name: "RedirectConnection" });

builder.queryField("redirects", (t) =>
  t.connection(
    {
      type: RedirectRef,
      authScopes: { editor: true },
      description:
        "Editors and admins: the old URLs that lead to articles (written by `lede import wordpress`), in path order.",
      resolve: async (_root, args, ctx) => {
        const page = pageRequest(args, 1);
        const rows = await listRedirects(ctx.db, page);
        return toConnection(rows, page, redirectCursor, () => countRedirects(ctx.db));
      },
    },
    RedirectConnectionRef,
  ),
);
