// A WordPress post body (Gutenberg blocks or classic HTML, with shortcodes) as lede wants it: a
// Markdown body, the Quotes it cited, the Sources it linked, and the images it showed. Pure: the
// images come back as references for the caller to resolve, and the Markdown holds placeholders
// (`wp-image:N`) for them until then.
import { parse as parseBlocks } from "@wordpress/block-serialization-default-parser";
import TurndownService from "turndown";

export interface BodyQuote {
  speaker: string;
  speakerRole: string | null;
  text: string;
}

export interface BodySource {
  title: string;
  publisher: string | null;
  url: string;
}

export interface BodyImageUse {
  src: string;
  /** From the `wp-image-N` class, or the gallery's ids. */
  attachmentId: string | null;
  alt: string;
  caption: string;
}

export interface ConvertedBody {
  markdown: string;
  quotes: BodyQuote[];
  sources: BodySource[];
  images: BodyImageUse[];
  /** Shortcodes kept as text, by name. */
  shortcodes: string[];
}

/** The placeholder of the n-th image in the Markdown, until the caller knows what it became. */
export const imagePlaceholder = (index: number) => `wp-image:${index}`;

const PLACEHOLDER = /\]\(wp-image:(\d+)\)/g;

/** What an image of the body became: its `lede:image/ID` or a URL, and a caption to show below it. */
export interface ResolvedImage {
  target: string;
  caption?: string | undefined;
}

/** Replaces each image placeholder with what `resolve` says (null: the image is left out). */
export function resolveImagePlaceholders(
  markdown: string,
  resolve: (index: number) => ResolvedImage | null,
): string {
  return markdown
    .replace(/!\[([^\]]*)\]\(wp-image:(\d+)\)/g, (_all, alt: string, index: string) => {
      const resolved = resolve(Number(index));
      if (!resolved) return "";
      const caption = resolved.caption ? `\n\n*${resolved.caption.replace(/[*_]/g, "\\$&")}*` : "";
      return `![${alt}](${resolved.target})${caption}`;
    })
    .replace(PLACEHOLDER, "]()")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// ---- Text helpers ------------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  hellip: "…",
  laquo: "«",
  raquo: "»",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  ndash: "–",
  mdash: "—",
  eacute: "é",
  egrave: "è",
  agrave: "à",
  ccedil: "ç",
  ecirc: "ê",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, code: string) => {
    if (code[0] === "#") {
      const point =
        code[1] === "x" || code[1] === "X" ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : all;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? all;
  });
}

/** HTML as plain text: paragraphs and line breaks kept as newlines, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(p|div|li|h[1-6]|blockquote)>/gi, "\n\n")
      .replace(/<[^>]*>/g, ""),
  )
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** "Hugo Barra, VP international de Xiaomi" → speaker and role, split at the first comma. */
export function speakerOf(cite: string): { speaker: string; speakerRole: string | null } {
  const clean = cite.replace(/^[\s—–-]+/, "").trim();
  const comma = clean.indexOf(",");
  if (comma < 0) return { speaker: clean, speakerRole: null };
  return { speaker: clean.slice(0, comma).trim(), speakerRole: clean.slice(comma + 1).trim() || null };
}

// ---- Paragraphs of classic posts ---------------------------------------------------------------

const BLOCK_START =
  /^<(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|iframe|dl|address|form|section|article|aside|header|footer|!--)/i;

/**
 * WordPress's own wpautop, in short: a classic body separates paragraphs with blank lines and
 * breaks lines with single newlines; HTML has neither.
 */
export function autop(html: string): string {
  const text = html.replace(/\r\n?/g, "\n").trim();
  if (!text) return "";
  return text
    .split(/\n\s*\n/)
    .map((chunk) => {
      const trimmed = chunk.trim();
      if (BLOCK_START.test(trimmed)) return trimmed;
      return `<p>${trimmed.replace(/\n/g, "<br />\n")}</p>`;
    })
    .join("\n");
}

// ---- Shortcodes --------------------------------------------------------------------------------

const SHORTCODE = /\[(\/?)([a-z][a-z0-9_-]*)((?:\s[^\]]*)?)\]/gi;

const attributesOf = (text: string): Record<string, string> => {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([a-z_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/gi)) {
    attributes[(match[1] as string).toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? "";
  }
  return attributes;
};

/** Shortcodes that have an equivalent become HTML; the others stay as text and are listed. */
function convertShortcodes(html: string, kept: string[]): string {
  let out = html
    // [caption id="attachment_12"]<img …> La légende[/caption]
    .replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_all, attrs: string, inner: string) => {
      const image = /<img[^>]*>/i.exec(inner)?.[0] ?? "";
      const caption =
        attributesOf(attrs).caption ?? inner.replace(/<a[^>]*>\s*<img[^>]*>\s*<\/a>|<img[^>]*>/i, "");
      const id = /attachment_(\d+)/.exec(attributesOf(attrs).id ?? "")?.[1];
      const tagged =
        id && !/wp-image-\d+/.test(image) ? image.replace(/<img/i, `<img class="wp-image-${id}"`) : image;
      return `<figure>${tagged}<figcaption>${caption.trim()}</figcaption></figure>`;
    })
    .replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_all, url: string) => embedLink(url.trim()))
    .replace(/\[gallery([^\]]*)\]/gi, (_all, attrs: string) =>
      (attributesOf(attrs).ids ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter((id) => /^\d+$/.test(id))
        .map((id) => `<figure><img class="wp-image-${id}" src="" alt="" /></figure>`)
        .join("\n"),
    );
  // What is left: kept as written (a reader sees the text), and named in the report.
  out = out.replace(SHORTCODE, (all, closing: string, name: string) => {
    if (!closing) kept.push(name.toLowerCase());
    return all;
  });
  return out;
}

const embedLink = (url: string) => (/^https?:\/\//i.test(url) ? `<p><a href="${url}">${url}</a></p>` : "");

// ---- Blocks ------------------------------------------------------------------------------------

type ParsedBlock = ReturnType<typeof parseBlocks>[number];

/** A block back as HTML, its inner blocks in their places, with lede's handling of some blocks. */
function blockHtml(block: ParsedBlock): string {
  const name = block.blockName;
  if (name === "core/embed" || name?.startsWith("core-embed/")) {
    const url = typeof block.attrs?.url === "string" ? block.attrs.url : "";
    return embedLink(url);
  }
  if (name === null) return autop(block.innerHTML);
  let inner = 0;
  return block.innerContent
    .map((part: string | null) =>
      part === null ? blockHtml(block.innerBlocks[inner++] as ParsedBlock) : part,
    )
    .join("");
}

const isBlockContent = (html: string) => html.includes("<!-- wp:");

// ---- HTML to Markdown --------------------------------------------------------------------------

interface Collected {
  quotes: BodyQuote[];
  sources: BodySource[];
  images: BodyImageUse[];
}

const SOURCE_MARK = "\uE000source\uE000";
const isSourceText = (text: string) => /^\(?\s*sources?\s*\)?$/i.test(text.trim());

const attachmentIdOf = (element: HTMLElement): string | null =>
  /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(element.getAttribute("class") ?? "")?.[1] ?? null;

function insideFigure(node: Node): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (parent.nodeName === "FIGURE") return true;
  }
  return false;
}

function createTurndown(collected: Collected): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    codeBlockStyle: "fenced",
    bulletListMarker: "-",
    emDelimiter: "*",
  });
  service.remove(["script", "style", "noscript", "object", "embed", "form", "input", "button", "select"]);

  const imageMarkdown = (img: HTMLElement, caption: string) => {
    const index = collected.images.length;
    const alt = (img.getAttribute("alt") ?? "").replace(/[[\]\n]/g, " ").trim();
    collected.images.push({
      src: img.getAttribute("src") ?? "",
      attachmentId: attachmentIdOf(img),
      alt,
      caption,
    });
    return `\n\n![${alt}](${imagePlaceholder(index)})\n\n`;
  };

  // Pull quotes and quotes that name who said them are Quotes, not body text.
  service.addRule("citedQuote", {
    filter: (node) => node.nodeName === "BLOCKQUOTE" && Boolean(node.querySelector("cite")),
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const cite = element.querySelector("cite") as HTMLElement;
      const who = speakerOf(decodeEntities(cite.textContent ?? ""));
      cite.remove();
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
      if (!who.speaker || !text) return `\n\n> ${text}\n\n`;
      collected.quotes.push({ ...who, text: text.replace(/^[«“"]\s*|\s*[»”"]$/g, "") });
      return "\n\n";
    },
  });
  service.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE" && Boolean(node.querySelector("img")),
    replacement: (content, node) => {
      const element = node as HTMLElement;
      const images = Array.from(element.querySelectorAll("img")) as HTMLElement[];
      const caption = (element.querySelector("figcaption")?.textContent ?? "").trim();
      // A gallery figure holds figures of its own: those were converted already.
      if (element.querySelector("figure")) return content;
      return images.map((img) => imageMarkdown(img, images.length === 1 ? caption : "")).join("");
    },
  });
  service.addRule("image", {
    filter: "img",
    // An image in a figure is the figure's to convert, with its caption.
    replacement: (_content, node) => (insideFigure(node) ? "" : imageMarkdown(node as HTMLElement, "")),
  });
  service.addRule("link", {
    filter: (node) => node.nodeName === "A" && Boolean((node as HTMLElement).getAttribute("href")),
    replacement: (content, node) => {
      const element = node as HTMLElement;
      const href = element.getAttribute("href") as string;
      // A link around an image (to its full size) is the image alone.
      if (element.querySelector("img")) return content;
      if (isSourceText(element.textContent ?? "") && /^https?:\/\//i.test(href)) {
        const host = URL.parse(href)?.hostname.replace(/^www\./, "") ?? null;
        const title = element.getAttribute("title")?.trim() || host || href;
        collected.sources.push({ title, publisher: host, url: href });
        return SOURCE_MARK;
      }
      const title = element.getAttribute("title");
      return `[${content}](${href.replace(/[()]/g, (c) => encodeURIComponent(c))}${title ? ` "${title.replace(/"/g, '\\"')}"` : ""})`;
    },
  });
  service.addRule("iframe", {
    filter: "iframe",
    replacement: (_content, node) => {
      const src = (node as HTMLElement).getAttribute("src") ?? "";
      return /^https?:\/\//i.test(src) ? `\n\n[${src}](${src})\n\n` : "";
    },
  });
  return service;
}

/** Converts a post's `content:encoded`. */
export function convertBody(content: string): ConvertedBody {
  const shortcodes: string[] = [];
  const collected: Collected = { quotes: [], sources: [], images: [] };
  const html = isBlockContent(content)
    ? parseBlocks(content)
        .map((block) => blockHtml(block))
        .join("\n")
    : autop(content);
  const withShortcodes = convertShortcodes(html, shortcodes);
  const markdown = createTurndown(collected)
    .turndown(withShortcodes)
    // "(Source)" and "Source : lien" leave nothing behind once the link is a Source.
    .replace(/[ \t]*\(?[ \t]*\uE000source\uE000[ \t]*\)?/g, "")
    .replace(/\s*(?:Sources?)\s*:\s*(?=\n|$)/gi, "")
    .replace(/\n(?:[ \t]*\n)+/g, "\n\n")
    .trim();
  return { markdown, ...collected, shortcodes };
}
