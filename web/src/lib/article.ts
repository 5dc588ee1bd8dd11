// What the article page derives from its query: the comments it shows, and the JSON-LD
// NewsArticle that search engines and news apps read.
import type { AstroGlobal } from "astro";
import type { WebArticlePageQuery } from "../gql/graphql.ts";
import { absolute, siteOrigin } from "./http.ts";
import { langOf, localePath } from "./i18n.ts";

interface Threaded {
  replies?: { nodes: Threaded[] };
}

/** Every comment of these threads, replies at every depth included: what the page shows. */
export function countComments(comments: Threaded[]): number {
  return comments.reduce((sum, comment) => sum + 1 + countComments(comment.replies?.nodes ?? []), 0);
}

type PageArticle = NonNullable<WebArticlePageQuery["article"]>;

export function articleJsonLd(astro: AstroGlobal, article: PageArticle, publisherName: string) {
  const lang = langOf(article.language);
  const cover = article.coverImage;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": absolute(astro, `/articles/${article.slug}`) },
    headline: article.title,
    description: article.lede ?? undefined,
    inLanguage: lang,
    image: cover ? [cover.src] : undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    author: article.authors.map((author) => ({
      "@type": "Person",
      name: author.name,
      jobTitle: author.jobTitle ?? undefined,
      url: absolute(astro, localePath(lang, `/authors/${author.slug}`)),
    })),
    publisher: { "@type": "Organization", name: publisherName, url: siteOrigin(astro) },
    keywords: article.tags.map((tag) => tag.name).join(", ") || undefined,
    commentCount: article.commentCount,
  };
}
