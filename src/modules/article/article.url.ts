// Pages on the reader site, from the configured templates: an article's (NEWSLETTER_ARTICLE_URL)
// has `{slug}` and, if the site puts the language in its paths, `{language}`; a tag's and an
// author's (SITE_TAG_URL, SITE_AUTHOR_URL) have `{slug}`. The digest, webhook payloads, feeds and
// sitemaps all link through these.
import type { Language } from "../../db/schema.ts";

/** `template` with `{slug}` (and `{language}`, when given) filled in. */
export function pageUrl(template: string, slug: string, language?: Language): string {
  const url = template.replaceAll("{slug}", encodeURIComponent(slug));
  return language ? url.replaceAll("{language}", language) : url;
}

export const articleUrl = (template: string, article: { slug: string; language: Language }): string =>
  pageUrl(template, article.slug, article.language);
