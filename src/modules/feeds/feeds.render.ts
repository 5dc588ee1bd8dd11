// Feeds and sitemaps as XML. RSS 2.0 and Atom come from the `feed` package; the sitemaps are small
// enough to write by hand. Everything that goes into the XML passes through `xmlSafe` (characters
// XML 1.0 cannot hold are dropped) and, where `feed` leaves it raw, through our own escaping.
import { Feed, type Item } from "feed";
import type { Language } from "../../db/schema.ts";
import { escapeHtml } from "../../infra/html.ts";
import { articleUrl, pageUrl } from "../article/article.url.ts";
import { mailFormat } from "../media/media.images.ts";
import { ownFormat, pickWidth, renditionUrl, withMediaBase } from "../media/media.urls.ts";
import type { FeedArticle, SitemapArticle, SitemapMonth } from "./feeds.repo.ts";
import type { FeedSettings } from "./feeds.settings.ts";

export type FeedFormat = "rss" | "atom";

/** Control characters (but tab and newlines) and U+FFFE/U+FFFF: XML 1.0 cannot hold them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: they are what it finds, to remove them.
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
/** `text` as XML can hold it: lone surrogates become U+FFFD, the characters above go. */
export const xmlSafe = (text: string) => text.toWellFormed().replace(NOT_XML, "");

/** For text and attribute values that we write ourselves (sitemaps) or that `feed` writes unescaped. */
export const escapeXml = (text: string) =>
  xmlSafe(text).replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c,
  );

/**
 * HTML that goes into a CDATA section. xml-js (under `feed`) splits only the first `]]>` of a
 * section; written `]]&gt;`, any number of them mean the same HTML.
 */
const cdataHtml = (html: string) => xmlSafe(html).replaceAll("]]>", "]]&gt;");

/** Plain text in a CDATA section (an RSS title): the same care, at the cost of a visible `&gt;` in that one case. */
const cdataText = cdataHtml;

/**
 * `feed` escapes only `&` in a category's attributes (Atom `term`/`label`), so a `<` there would
 * break the document: it becomes the full-width sign, which reads the same.
 */
const atomAttribute = (text: string) => xmlSafe(text).replaceAll("<", "\uFF1C");

/** The cover as the enclosure: a large rendition in a format every reader shows (PNG for WebP/AVIF). */
const ENCLOSURE_WIDTH = 1280;
function enclosureOf(settings: FeedSettings, cover: NonNullable<FeedArticle["cover"]>) {
  const format = mailFormat(ownFormat(cover));
  // Written `.jpeg`, not `.jpg`: `feed` takes an Atom enclosure's type from the URL's extension.
  const url = renditionUrl(settings.mediaBase, cover, pickWidth(cover, ENCLOSURE_WIDTH), format).replace(
    /\.jpg$/,
    ".jpeg",
  );
  // The rendition's size is not known until it is first served; 0 is RSS's "unknown".
  return { url, type: `image/${format}`, length: 0 };
}

export interface FeedDocument {
  format: FeedFormat;
  title: string;
  description: string;
  /** The page on the reader site that the feed follows (home, tag page, author page). */
  link: string;
  /** This feed's own URL. */
  selfUrl: string;
  /** The feed's one language, or null when it mixes them (then each RSS item says its own). */
  language: Language | null;
  /** The newest change of its items (or of nothing: a fixed date keeps an empty feed stable). */
  updated: Date;
  articles: readonly FeedArticle[];
}

export function renderFeed(settings: FeedSettings, doc: FeedDocument): string {
  const atom = doc.format === "atom";
  const feed = new Feed({
    title: xmlSafe(doc.title),
    description: xmlSafe(doc.description),
    id: doc.selfUrl,
    link: doc.link,
    feed: doc.selfUrl,
    language: doc.language ?? undefined,
    updated: doc.updated,
    generator: "lede",
  });
  for (const article of doc.articles) {
    const link = articleUrl(settings.articleUrl, article);
    const item: Item = {
      // Atom's title is type="html": escaped HTML; RSS's is the text itself.
      title: atom ? cdataHtml(escapeHtml(article.title)) : cdataText(article.title),
      id: `urn:uuid:${article.id}`,
      guid: `urn:uuid:${article.id}`,
      link,
      date: article.updatedAt,
      published: article.publishedAt,
      description: article.lede ? cdataHtml(escapeHtml(article.lede)) : undefined,
      // The body as the API's bodyHtml gives it, its /media/ images made absolute for readers.
      content: cdataHtml(withMediaBase(article.bodyHtml, settings.mediaBase)),
      category: article.tags.map((tag) =>
        atom
          ? { term: atomAttribute(tag.name), label: atomAttribute(tag.name) }
          : { name: xmlSafe(tag.name) },
      ),
    };
    if (article.cover) {
      const enclosure = enclosureOf(settings, article.cover);
      item.enclosure =
        atom && article.cover.alt ? { ...enclosure, title: escapeXml(article.cover.alt) } : enclosure;
    }
    if (atom) {
      item.author = article.authors.map((author) => ({
        name: xmlSafe(author.name),
        link: pageUrl(settings.authorUrl, author.slug),
      }));
    } else {
      // RSS's <author> is an email address, which lede never publishes: Dublin Core names the byline.
      item.extensions = [
        {
          name: "dc:creator",
          // An array: xml-js writes one element per name.
          objects: article.authors.map((author) => ({ _text: xmlSafe(author.name) })) as unknown as Record<
            string,
            unknown
          >,
        },
        { name: "dc:language", objects: { _text: article.language } },
      ];
    }
    feed.addItem(item);
  }
  if (!atom) return feed.rss2();
  const xml = feed.atom1();
  if (!doc.language) return xml;
  // Atom says a feed's language with xml:lang on its root, which `feed` does not write.
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">';
  if (!xml.includes(root)) throw new Error("feed: unexpected Atom root element");
  return xml.replace(root, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${doc.language}">`);
}

// ---- Sitemaps -------------------------------------------------------------------------------------

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

/** The sitemap pages of a month: `articles-2026-09.xml`, then `articles-2026-09-2.xml`… past the page size. */
export const sitemapPageName = (month: string, part: number) =>
  part === 1 ? `articles-${month}.xml` : `articles-${month}-${part}.xml`;

export function renderSitemapIndex(settings: FeedSettings, months: readonly SitemapMonth[]): string {
  const entries = months.flatMap((month) => {
    const parts = Math.max(1, Math.ceil(month.count / settings.sitemapPageSize));
    return Array.from({ length: parts }, (_, index) => {
      const loc = `${settings.publicUrl}/sitemaps/${sitemapPageName(month.month, index + 1)}`;
      return `<sitemap><loc>${escapeXml(loc)}</loc><lastmod>${new Date(month.lastChange).toISOString()}</lastmod></sitemap>`;
    });
  });
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

export function renderSitemapPage(settings: FeedSettings, articles: readonly SitemapArticle[]): string {
  const urls = articles.map(
    (article) =>
      `<url><loc>${escapeXml(articleUrl(settings.articleUrl, article))}</loc><lastmod>${article.updatedAt.toISOString()}</lastmod></url>`,
  );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${urls.join("\n")}\n</urlset>\n`;
}

/** Google News: https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap */
export function renderNewsSitemap(settings: FeedSettings, articles: readonly SitemapArticle[]): string {
  const name = escapeXml(settings.siteName);
  const urls = articles.map(
    (article) =>
      `<url><loc>${escapeXml(articleUrl(settings.articleUrl, article))}</loc>` +
      `<news:news><news:publication><news:name>${name}</news:name><news:language>${article.language}</news:language></news:publication>` +
      `<news:publication_date>${article.publishedAt.toISOString()}</news:publication_date>` +
      `<news:title>${escapeXml(article.title)}</news:title></news:news></url>`,
  );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${urls.join("\n")}\n</urlset>\n`;
}
