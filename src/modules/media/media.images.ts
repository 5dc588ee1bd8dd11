// What lede does to image bytes, with sharp: recognise the format from the content, clean an upload
// (orientation applied, EXIF and other metadata dropped, colour profile kept), make renditions, and
// a thumbhash placeholder. No database and no store here.
import type { Metadata, Sharp } from "sharp";
import { rgbaToThumbHash } from "thumbhash";

// sharp loads libvips (a large native library) when imported: only once an image is processed,
// not at every start (src/server-main.ts).
type SharpFactory = typeof import("sharp").default;
let loadingSharp: Promise<SharpFactory> | undefined;
export const loadSharp = () => (loadingSharp ??= import("sharp").then((module) => module.default));

export const IMAGE_FORMATS = ["jpeg", "png", "webp", "avif", "gif"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** The widths renditions are made at; an image narrower than one is never enlarged to it. */
export const RENDITION_WIDTHS = [320, 640, 960, 1280, 1920] as const;

export const mimeTypes: Record<ImageFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
};

export const formatOfMimeType = (mimeType: string): ImageFormat =>
  (Object.entries(mimeTypes).find(([, type]) => type === mimeType)?.[0] ?? "jpeg") as ImageFormat;

/** Why bytes cannot be taken as an image; the message is for the person who sent them. */
export class ImageRejection extends Error {}

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.subarray(start, end)).toString("latin1");

/** The format the bytes are in, by their signature (never by a file name or a declared type). */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  // ISO BMFF: a `ftyp` box whose major or compatible brands include avif (still) or avis (sequence).
  if (ascii(bytes, 4, 8) === "ftyp") {
    const boxSize = Math.min(new DataView(bytes.buffer, bytes.byteOffset).getUint32(0), bytes.length, 256);
    for (let at = 8; at + 4 <= boxSize; at += 4) {
      const brand = ascii(bytes, at, at + 4);
      if (brand === "avif" || brand === "avis") return "avif";
    }
  }
  return null;
}

/** Says what the bytes are when they are no image lede takes: SVG gets its own reason. */
export function unsupportedReason(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("utf8").trimStart().toLowerCase();
  if (head.startsWith("<") && head.includes("<svg")) {
    return "SVG is not accepted: it can carry script. Upload a PNG or WebP made from it";
  }
  return "This is not a JPEG, PNG, WebP, AVIF or GIF image (the type is read from the content, not the name)";
}

export interface CleanImage {
  bytes: Buffer;
  format: ImageFormat;
  width: number;
  height: number;
  placeholder: string;
}

const decoder = (sharp: SharpFactory, bytes: Uint8Array, format: ImageFormat, maxPixels: number): Sharp =>
  // failOn "warning": a truncated file is refused, not served half grey.
  sharp(bytes, { limitInputPixels: maxPixels, failOn: "warning", animated: format === "gif" });

/**
 * The image as lede stores it: turned upright by its EXIF orientation, then written again in its
 * own format with its colour profile but without EXIF (GPS positions leak sources) or XMP.
 * Refuses what is over `maxPixels` from the header alone, before decoding anything.
 */
export async function cleanUpload(
  bytes: Uint8Array,
  format: ImageFormat,
  maxPixels: number,
): Promise<CleanImage> {
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejection("The image cannot be read: the file is damaged or cut short");
  }
  // Every frame of an animation counts.
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0) * (metadata.pages ?? 1);
  if (!metadata.width || !metadata.height) throw new ImageRejection("The image has no size");
  if (pixels > maxPixels) {
    throw new ImageRejection(
      `The image is ${metadata.width} × ${metadata.height} pixels, over the limit of ${maxPixels} pixels`,
    );
  }
  try {
    const pipeline = encode(
      decoder(sharp, bytes, format, maxPixels).rotate().keepIccProfile(),
      format,
      "original",
    );
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    const height = info.pageHeight ?? info.height;
    return { bytes: data, format, width: info.width, height, placeholder: await placeholderOf(data) };
  } catch {
    throw new ImageRejection("The image cannot be read: the file is damaged or cut short");
  }
}

function encode(image: Sharp, format: ImageFormat, use: "original" | "rendition"): Sharp {
  const original = use === "original";
  switch (format) {
    case "jpeg":
      return image.jpeg({ quality: original ? 92 : 80, mozjpeg: !original });
    case "png":
      return image.png({ compressionLevel: original ? 6 : 9 });
    case "webp":
      return image.webp({ quality: original ? 90 : 78 });
    case "avif":
      // effort 2: AVIF at the default effort takes seconds a rendition; this stays well under one.
      return image.avif({ quality: original ? 70 : 55, effort: 2 });
    case "gif":
      return image.gif();
  }
}

/** A thumbhash of the image (at most 100 × 100, as thumbhash wants), base64. */
async function placeholderOf(bytes: Buffer): Promise<string> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(bytes)
    .resize(100, 100, { fit: "inside" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString("base64");
}

/** The widths an image of `width` pixels is offered at: the standard ones below it, and its own. */
export function widthsFor(width: number): number[] {
  const below = RENDITION_WIDTHS.filter((w) => w < width);
  return width <= (RENDITION_WIDTHS.at(-1) as number) ? [...below, width] : [...RENDITION_WIDTHS];
}

/** The formats an image is offered in: AVIF, WebP, and its own. */
export const formatsFor = (own: ImageFormat): ImageFormat[] => [
  ...new Set<ImageFormat>(["avif", "webp", own]),
];

/** The format an email shows an image in: its own, or PNG for WebP and AVIF (Outlook shows neither). */
export const mailFormat = (own: ImageFormat): ImageFormat => (own === "webp" || own === "avif" ? "png" : own);

/** The formats /media serves an image's renditions in: those pages are offered, and the email one. */
export const servedFormats = (own: ImageFormat): ImageFormat[] => [
  ...new Set<ImageFormat>([...formatsFor(own), mailFormat(own)]),
];

/** `original` made `width` pixels wide (never wider than it is) in `format`. */
export async function renderRendition(
  original: Uint8Array,
  ownFormat: ImageFormat,
  width: number,
  format: ImageFormat,
): Promise<Buffer> {
  const sharp = await loadSharp();
  const image = sharp(original, { animated: ownFormat === "gif" && format !== "avif" })
    .resize({ width, withoutEnlargement: true })
    .keepIccProfile();
  return encode(image, format, "rendition").toBuffer();
}
