// What is derived from an article's Markdown body when it is written: sanitised HTML and the
// reading time. Stored beside the body so that reads never render anything.
import { Marked, type Token, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { type BodyImage, figureHtml, imageIdOfRef } from "../media/media.urls.ts";

const markdown = new Marked({ gfm: true, async: false });

/** An image the body shows by reference: `![alt](lede:image/ID)`. */
export interface BodyImageRef {
  /** The image's id; undefined when the reference names no image id at all. */
  imageId: string | undefined;
  /** As written in the body (the Markdown alt text). */
  alt: string;
  written: string;
}

/** Every `lede:image/` reference of the body, in order (code blocks and spans aside). */
export function imageRefsOf(body: string): BodyImageRef[] {
  const refs: BodyImageRef[] = [];
  markdown.walkTokens(markdown.lexer(body), (token) => {
    if (token.type !== "image") return;
    const image = token as Tokens.Image;
    const imageId = imageIdOfRef(image.href);
    if (imageId !== null) refs.push({ imageId, alt: image.text, written: image.href });
  });
  return refs;
}

/** Markdown with lede images rendered as figures; a reference to an unknown image shows nothing. */
function markdownWithImages(images: ReadonlyMap<string, BodyImage>): Marked {
  const isLedeImage = (token: Token | undefined): token is Tokens.Image =>
    token?.type === "image" && imageIdOfRef((token as Tokens.Image).href) !== null;
  return new Marked(
    { gfm: true, async: false },
    {
      renderer: {
        image(token) {
          const id = imageIdOfRef(token.href);
          if (id === null) return false;
          const image = id ? images.get(id) : undefined;
          return image ? figureHtml(image, token.text) : "";
        },
        // A figure alone in its paragraph is not wrapped in <p> (a <p> cannot hold a <figure>).
        paragraph(token) {
          const meaningful = token.tokens.filter((t) => !(t.type === "text" && !t.raw.trim()));
          if (meaningful.length === 1 && isLedeImage(meaningful[0])) {
            return `${this.parser.parseInline(meaningful)}\n`;
          }
          return false;
        },
      },
    },
  );
}

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
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "del", "ins", "sup", "sub", "picture", "source"],
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    img: ["src", "srcset", "sizes", "alt", "title", "width", "height", "loading", "decoding"],
    source: ["type", "srcset", "sizes"],
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

/** The body as HTML; lede images found in `images` become figures (see media.urls.ts). */
export function renderBody(body: string, images: ReadonlyMap<string, BodyImage> = new Map()): string {
  const parser = images.size ? markdownWithImages(images) : markdown;
  return sanitizeHtml(parser.parse(body) as string, allowed).trim();
}

const WORDS_PER_MINUTE = 220;

export function readingTimeMinutes(body: string): number {
  const words = body.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
