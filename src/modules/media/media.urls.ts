// Where an image's renditions are found (GET /media/{id}/{width}.{format}), how a page asks for them
// (srcset), and how an article body refers to an image (`![alt](lede:image/ID)`) and shows it.
import { isUuid } from "../../db/keyset.ts";
import { escapeHtml } from "../../infra/html.ts";
import {
  formatOfMimeType,
  formatsFor,
  type ImageFormat,
  mailFormat,
  mimeTypes,
  widthsFor,
} from "./media.images.ts";

/** What the URL helpers need of an image. */
export interface ImageShape {
  id: string;
  width: number;
  height: number;
  mimeType: string;
}

/** How a format is written in a rendition's URL; `auto` picks by the request's Accept header. */
export const urlExtensions: Record<ImageFormat, string> = {
  jpeg: "jpg",
  png: "png",
  webp: "webp",
  avif: "avif",
  gif: "gif",
};

export type RequestedFormat = ImageFormat | "auto";

export function formatOfExtension(extension: string): RequestedFormat | null {
  if (extension === "auto") return "auto";
  if (extension === "jpeg") return "jpeg";
  const found = Object.entries(urlExtensions).find(([, ext]) => ext === extension);
  return found ? (found[0] as ImageFormat) : null;
}

/** The offered width closest to `wanted` from above (the largest when none is as wide). */
export function pickWidth(image: ImageShape, wanted: number | null | undefined): number {
  const widths = widthsFor(image.width);
  const largest = widths[widths.length - 1] as number;
  if (!wanted) return widths.find((w) => w >= 960) ?? largest;
  return widths.find((w) => w >= wanted) ?? largest;
}

export const renditionPath = (image: ImageShape, width: number, format: RequestedFormat) =>
  `${image.id}/${width}.${format === "auto" ? "auto" : urlExtensions[format]}`;

/** `base` is where /media is served from (MEDIA_PUBLIC_URL, a CDN, or PUBLIC_URL/media). */
export const renditionUrl = (base: string, image: ImageShape, width: number, format: RequestedFormat) =>
  `${base}/${renditionPath(image, width, format)}`;

export const ownFormat = (image: ImageShape): ImageFormat => formatOfMimeType(image.mimeType);

export function srcset(base: string, image: ImageShape, format: ImageFormat): string {
  return widthsFor(image.width)
    .map((width) => `${renditionUrl(base, image, width, format)} ${width}w`)
    .join(", ");
}

/** An image as an email shows it: an absolute URL, and the size it takes in the email's column. */
export interface MailImage {
  src: string;
  width: number;
  height: number;
}

/**
 * The rendition an email shows in a column `columnWidth` pixels wide: the offered width just above
 * it (never wider than the image), in a format every mail client shows. width and height are the
 * displayed size, written out because many clients ignore CSS sizes. `base` must be absolute.
 */
export function mailImage(base: string, image: ImageShape, columnWidth: number): MailImage {
  const width = pickWidth(image, columnWidth);
  const shown = Math.min(width, columnWidth);
  return {
    src: renditionUrl(base, image, width, mailFormat(ownFormat(image))),
    width: shown,
    height: Math.round((image.height * shown) / image.width),
  };
}

// ---- In article bodies -------------------------------------------------------------------------

const REF_PREFIX = "lede:image/";

/**
 * The image id a Markdown image's URL names: `lede:image/<uuid>` or `lede:image/<Image global id>`;
 * null for any other URL, undefined for a lede:image URL that names nothing.
 */
export function imageIdOfRef(href: string): string | null | undefined {
  if (!href.startsWith(REF_PREFIX)) return null;
  const ref = decodeURIComponent(href.slice(REF_PREFIX.length));
  if (isUuid(ref)) return ref.toLowerCase();
  const decoded = Buffer.from(ref, "base64").toString("utf8");
  return decoded.startsWith("Image:") ? imageIdOfRef(`${REF_PREFIX}${decoded.slice(6)}`) : undefined;
}

/** What a figure in an article shows of an image. */
export interface BodyImage extends ImageShape {
  alt: string | null;
  caption: string | null;
  credit: string | null;
  decorative: boolean;
}

/** The text that stands for the image: the body's own alt text, else the image's; "" if decorative. */
export const altOf = (image: BodyImage, writtenAlt: string) =>
  image.decorative ? "" : writtenAlt.trim() || image.alt?.trim() || "";

/** The slot an image in an article's column takes: the column is at most 48rem wide. */
const BODY_SIZES = "(min-width: 48rem) 48rem, 100vw";

/**
 * A `<figure><picture>`: AVIF and WebP sources, then the image's own format, every width, with the
 * size written out (no layout shift) and lazy loading. Paths are relative (/media/...): stored in
 * the article's HTML, they hold whatever MEDIA_PUBLIC_URL becomes; the API rewrites them on read.
 */
export function figureHtml(image: BodyImage, writtenAlt: string): string {
  const base = "/media";
  const own = ownFormat(image);
  const sources = formatsFor(own)
    .filter((format) => format !== own)
    .map(
      (format) =>
        `<source type="${mimeTypes[format]}" srcset="${srcset(base, image, format)}" sizes="${BODY_SIZES}" />`,
    );
  const img = `<img src="${renditionUrl(base, image, pickWidth(image, null), own)}" srcset="${srcset(base, image, own)}" sizes="${BODY_SIZES}" width="${image.width}" height="${image.height}" alt="${escapeHtml(altOf(image, writtenAlt))}" loading="lazy" decoding="async" />`;
  const caption = [
    image.caption && escapeHtml(image.caption),
    image.credit && `<small>${escapeHtml(image.credit)}</small>`,
  ]
    .filter(Boolean)
    .join(" ");
  return `<figure><picture>${sources.join("")}${img}</picture>${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
}

/** Points the /media/ paths of stored HTML at `base` (a CDN); unchanged when base is /media. */
export function withMediaBase(html: string, base: string): string {
  if (base === "/media" || !html.includes("/media/")) return html;
  return html.replace(/(src|srcset)="([^"]*)"/g, (_all, name: string, value: string) => {
    const rewritten = value.replace(/(^|, )\/media\//g, `$1${base}/`);
    return `${name}="${rewritten}"`;
  });
}
