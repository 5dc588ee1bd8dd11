// An article's public URL on the reader site, from the configured template (NEWSLETTER_ARTICLE_URL):
// `{slug}` and, if the site puts the language in its paths, `{language}` are filled in. The digest,
// webhook payloads, feeds and sitemaps all link through this one function.
import type { Language } from "../../db/schema.ts";

export const articleUrl = (template: string, article: { slug: string; language: Language }): string =>
  template.replaceAll("{slug}", encodeURIComponent(article.slug)).replaceAll("{language}", article.language);
