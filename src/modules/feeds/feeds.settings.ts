// What the feeds and sitemaps need to know about this install: the reader site's name and links,
// where images are served, and lede's own address (the sitemap index points at its pages there).
// Built from the configuration by server-main.ts; tests pass their own.
import type { Config } from "../../config.ts";

export interface FeedSettings {
  /** The publication's name: feed titles and the news sitemap's `news:name`. */
  siteName: string;
  /** The reader site's home page. */
  siteUrl: string;
  /** Templates of the reader site's pages, with `{slug}` (the article's may have `{language}`). */
  articleUrl: string;
  tagUrl: string;
  authorUrl: string;
  /** Absolute base of /media (MEDIA_PUBLIC_URL or PUBLIC_URL/media): covers and body images. */
  mediaBase: string;
  /** lede's own address: the feeds' self links and the sitemap index's entries. */
  publicUrl: string;
  /** Most URLs in one page of the article sitemaps (the protocol allows 50,000). */
  sitemapPageSize: number;
}

/** Most URLs in one page of the article sitemaps (the protocol allows 50,000). */
const SITEMAP_PAGE_SIZE = 50_000;

export function feedSettingsFromConfig(config: Config): FeedSettings {
  return {
    siteName: config.site.name,
    siteUrl: config.site.url,
    articleUrl: config.articleUrl,
    tagUrl: config.site.tagUrl,
    authorUrl: config.site.authorUrl,
    mediaBase: config.media.publicBase,
    publicUrl: config.publicUrl,
    sitemapPageSize: SITEMAP_PAGE_SIZE,
  };
}
