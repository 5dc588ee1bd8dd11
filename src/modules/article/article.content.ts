// What is derived from an article's Markdown body when it is written: sanitised HTML and the
// reading time. Stored beside the body so that reads never render anything.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const markdown = new Marked({ gfm: true, async: false });

/** A host that nothing links to: relative URLs resolved against it stay on it. */
const HERE = "lede.invalid";

/**
 * How a browser reads a URL written in the body: spaces and control characters around it dropped,
 * a backslash read as a slash (so `/\host` is `//host`), relative to the page; null if unreadable.
 */
function resolveUrl(written: string): URL | null {
  return URL.parse(written, `https://${HERE}/`);
}

/**
 * A link to another host written without a scheme (`//host/…`) becomes `https://host/…`: written so,
 * it takes the scheme of whatever shows it (an email, a feed, a file), and a front end that sends
 * links starting with "/" through its own router would treat it as one of its pages.
 */
function linkHref(written: string): string {
  if (URL.canParse(written)) return written; // it has a scheme of its own
  const url = resolveUrl(written);
  return url && url.host !== HERE ? url.href : written;
}

/**
 * Images come from https URLs, or from lede's own `/media/` path; anything else (a relative path,
 * http, data:) is dropped, since an article is shown on pages and in emails whose base lede does
 * not know.
 */
function imageSource(written: string): string | null {
  const url = resolveUrl(written);
  if (!url) return null;
  if (url.host !== HERE) return url.protocol === "https:" ? url.href : null;
  const local = `${url.pathname}${url.search}`;
  return written.trim().startsWith("/media/") && local.startsWith("/media/") ? local : null;
}

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "del", "ins", "sup", "sub"],
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    img: ["src", "alt", "title", "width", "height"],
    code: ["class"],
    th: ["align"],
    td: ["align"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  transformTags: {
    // Links leave the site without passing it a referrer or control of the opener.
    a: (tagName, { href, ...attribs }) => ({
      tagName,
      attribs: {
        ...(href !== undefined && { href: linkHref(href) }),
        ...attribs,
        rel: "noopener noreferrer nofollow",
      },
    }),
    img: (tagName, { src, ...attribs }) => {
      const source = src === undefined ? null : imageSource(src);
      return { tagName, attribs: source === null ? attribs : { src: source, ...attribs } };
    },
  },
  // An image whose source was refused is dropped whole.
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
};

export function renderBody(body: string): string {
  return sanitizeHtml(markdown.parse(body) as string, allowed).trim();
}

const WORDS_PER_MINUTE = 220;

export function readingTimeMinutes(body: string): number {
  const words = body.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
