// The rules of images: what an upload must be, that the same bytes make one image, that a
// rendition is made once however many requests and processes ask for it at the same time, and
// what an image needs before the article that shows it is published. Explicit collaborators in
// (database, store, clock, settings), domain errors out; nothing here knows about GraphQL.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Database, Executor, Transaction } from "../../db/client.ts";
import { imageEvent, recordWebhookEvent } from "../webhooks/webhook.events.ts";
import { ImageNotFoundError, MediaInputError, MediaStoreError } from "./media.errors.ts";
import { fetchImage, type ImportSettings } from "./media.fetch.ts";
import {
  cleanUpload,
  formatOfMimeType,
  type ImageFormat,
  ImageRejection,
  mimeTypes,
  renderRendition,
  servedFormats,
  sniffFormat,
  unsupportedReason,
  widthsFor,
} from "./media.images.ts";
import {
  findArticleIdsUsingImages,
  findImageByHash,
  findImagesByIds,
  type Image,
  insertImage,
  replaceArticleImages,
  updateImageRow,
} from "./media.repo.ts";
import type { MediaStore } from "./media.store.ts";
import { ownFormat, type RequestedFormat, renditionUrl, urlExtensions } from "./media.urls.ts";

export interface MediaSettings extends ImportSettings {
  /** The largest upload (or import) taken, in bytes. */
  maxUploadBytes: number;
  /** The most pixels an image may have (width × height × frames): a decompression bomb is refused. */
  maxPixels: number;
  /** Where clients fetch /media from: a CDN (MEDIA_PUBLIC_URL) or PUBLIC_URL/media. */
  publicBase: string;
  /** Whether publicBase is a CDN of its own, to which stored article HTML is pointed on read. */
  cdn: boolean;
}

/** What the media rules take from the app. */
export interface MediaServices {
  db: Database;
  store: MediaStore;
  now: () => Date;
  media: MediaSettings;
  renditions: RenditionCache;
}

export const TEXT_LIMITS = { alt: 1000, caption: 2000, credit: 300 } as const;

export interface ImageText {
  alt?: string | null | undefined;
  caption?: string | null | undefined;
  credit?: string | null | undefined;
  decorative?: boolean | null | undefined;
}

/** Trimmed texts within their limits ("" becomes null); absent stays absent. */
function cleanText(input: ImageText): Partial<Pick<Image, "alt" | "caption" | "credit" | "decorative">> {
  const clean: Partial<Pick<Image, "alt" | "caption" | "credit" | "decorative">> = {};
  for (const name of ["alt", "caption", "credit"] as const) {
    const value = input[name];
    if (value === undefined) continue;
    const trimmed = value?.trim() ?? "";
    if (trimmed.length > TEXT_LIMITS[name]) {
      throw new MediaInputError(name, `${name} is longer than ${TEXT_LIMITS[name]} characters`);
    }
    clean[name] = trimmed || null;
  }
  if (input.decorative != null) clean.decorative = input.decorative;
  return clean;
}

export const originalKey = (contentHash: string, format: ImageFormat) =>
  `originals/${contentHash}.${urlExtensions[format]}`;

export const renditionKey = (contentHash: string, width: number, format: ImageFormat) =>
  `renditions/${contentHash}/${width}.${urlExtensions[format]}`;

/**
 * Takes uploaded bytes as an image: checked by content, cleaned, stored, recorded. The same bytes
 * again give the image they gave the first time. The store is written before the row, so a store
 * failure leaves no row, and the store writes objects whole, so it leaves no half image either.
 * `announce: false` records no image.created event (an archive brought in by an import is not news).
 */
export async function addImage(
  services: MediaServices,
  uploaderId: string | null,
  bytes: Uint8Array,
  text: ImageText,
  field = "file",
  { announce = true }: { announce?: boolean } = {},
): Promise<Image> {
  const described = cleanText(text);
  if (bytes.length === 0) throw new MediaInputError(field, "The file is empty (0 bytes)");
  if (bytes.length > services.media.maxUploadBytes) {
    throw new MediaInputError(field, `The file is larger than ${services.media.maxUploadBytes} bytes`);
  }
  const format = sniffFormat(bytes);
  if (!format) throw new MediaInputError(field, unsupportedReason(bytes));
  const contentHash = createHash("sha256").update(bytes).digest("hex");
  const known = await findImageByHash(services.db, contentHash);
  if (known) return known;

  let clean: Awaited<ReturnType<typeof cleanUpload>>;
  try {
    clean = await cleanUpload(bytes, format, services.media.maxPixels);
  } catch (error) {
    if (error instanceof ImageRejection) throw new MediaInputError(field, error.message);
    throw error;
  }
  try {
    await services.store.put(originalKey(contentHash, format), clean.bytes, mimeTypes[format]);
  } catch (error) {
    throw new MediaStoreError("The media store failed; nothing was saved. Try again in a moment", {
      cause: error,
    });
  }
  const now = services.now();
  const values = {
    contentHash,
    mimeType: mimeTypes[format],
    width: clean.width,
    height: clean.height,
    byteSize: clean.bytes.length,
    placeholder: clean.placeholder,
    alt: described.alt ?? null,
    caption: described.caption ?? null,
    credit: described.credit ?? null,
    decorative: described.decorative ?? false,
    uploadedBy: uploaderId,
    createdAt: now,
    updatedAt: now,
  };
  // The row and its image.created event commit together.
  return services.db.transaction(async (tx) => {
    const { image, created } = await insertImage(tx, values);
    if (created && announce) {
      const largest = widthsFor(image.width).at(-1) as number;
      const url = renditionUrl(services.media.publicBase, image, largest, ownFormat(image));
      await recordWebhookEvent(tx, imageEvent(image, url), now);
    }
    return image;
  });
}

/** Fetches an image from the web and adds it (see fetchImage for what is refused). */
export async function importImage(
  services: MediaServices,
  uploaderId: string | null,
  url: string,
  text: ImageText,
): Promise<Image> {
  const bytes = await fetchImage(url, services.media.maxUploadBytes, services.media);
  return addImage(services, uploaderId, bytes, text, "url");
}

export async function updateImage(services: MediaServices, id: string, text: ImageText): Promise<Image> {
  const updated = await updateImageRow(services.db, id, cleanText(text), services.now());
  if (!updated) throw new ImageNotFoundError();
  services.renditions.forget(id);
  return updated;
}

// ---- Renditions ----------------------------------------------------------------------------------

export interface Rendition {
  bytes: Uint8Array;
  format: ImageFormat;
  width: number;
  /** Strong and stable: the content hash, the width and the format. */
  etag: string;
}

/**
 * What one process remembers of images and renditions: rows by id (an image's bytes never change),
 * the most requested renditions' bytes, and the renditions being made right now.
 */
export class RenditionCache {
  readonly images = new LRUCache<string, Image>({ max: 10_000 });
  readonly bytes: LRUCache<string, Uint8Array>;
  readonly inFlight = new Map<string, Promise<Uint8Array>>();
  /** Renditions made at once by this process; more wait (sharp uses every core for one). */
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly maxRunning: number;

  constructor(options: { maxBytes?: number; maxRunning?: number } = {}) {
    this.bytes = new LRUCache({
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: (value) => Math.max(1, value.byteLength),
    });
    this.maxRunning = options.maxRunning ?? 2;
  }

  forget(imageId: string): void {
    this.images.delete(imageId);
  }

  async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxRunning) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

async function imageForServing(services: MediaServices, id: string): Promise<Image | null> {
  const cached = services.renditions.images.get(id);
  if (cached) return cached;
  const [image] = await findImagesByIds(services.db, [id]);
  if (image) services.renditions.images.set(id, image);
  return image ?? null;
}

/** The format `auto` means for a client that accepts `accept`. */
export function negotiateFormat(accept: string, own: ImageFormat): ImageFormat {
  const accepted = new Set(
    accept
      .split(",")
      .map((part) => part.trim().toLowerCase().split(";"))
      .filter(([, ...params]) => !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param)))
      .map(([type]) => type?.trim()),
  );
  if (accepted.has("image/avif")) return "avif";
  if (accepted.has("image/webp")) return "webp";
  return own;
}

/**
 * The rendition of image `id` at `width` in `format`: from memory, else from the store, else made
 * now. Made once: in this process, one request makes it and the others wait for it; across
 * processes, a PostgreSQL advisory lock on its key lets one make it, and the others then find it
 * in the store. Null for an unknown image, a width it is not offered at, or a format it is not in.
 */
export async function findRendition(
  services: MediaServices,
  id: string,
  width: number,
  requested: RequestedFormat,
  accept: string,
): Promise<Rendition | null> {
  const image = await imageForServing(services, id);
  if (!image || !widthsFor(image.width).includes(width)) return null;
  const own = formatOfMimeType(image.mimeType);
  const format = requested === "auto" ? negotiateFormat(accept, own) : requested;
  if (!servedFormats(own).includes(format)) return null;
  const key = renditionKey(image.contentHash, width, format);
  const etag = `"${image.contentHash.slice(0, 24)}-${width}-${urlExtensions[format]}"`;
  const { renditions } = services;
  let bytes = renditions.bytes.get(key);
  if (!bytes) {
    let making = renditions.inFlight.get(key);
    if (!making) {
      making = makeRendition(services, image, own, key, width, format).finally(() =>
        renditions.inFlight.delete(key),
      );
      renditions.inFlight.set(key, making);
    }
    bytes = await making;
    renditions.bytes.set(key, bytes);
  }
  return { bytes, format, width, etag };
}

async function makeRendition(
  services: MediaServices,
  image: Image,
  own: ImageFormat,
  key: string,
  width: number,
  format: ImageFormat,
): Promise<Uint8Array> {
  const stored = await services.store.get(key);
  if (stored) return stored;
  return services.renditions.slot(() =>
    services.db.transaction(async (tx) => {
      await lockKey(tx, key);
      // Another process may have made it while this one waited for the lock.
      const made = await services.store.get(key);
      if (made) return made;
      const original = await services.store.get(originalKey(image.contentHash, own));
      if (!original) throw new MediaStoreError(`The original of image ${image.id} is missing from the store`);
      const bytes = await renderRendition(original, own, width, format);
      await services.store.put(key, bytes, mimeTypes[format]);
      return bytes;
    }),
  );
}

/** Held until the transaction ends; one key's holders queue, other keys pass. */
const lockKey = (tx: Transaction, key: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`lede:media:${key}`}, 0))`);

// ---- What articles need of their images ----------------------------------------------------------

/** The images `ids` names that exist, by id. */
export async function imagesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, Image>> {
  return new Map((await findImagesByIds(db, [...new Set(ids)])).map((image) => [image.id, image]));
}

/** Records which images an article's body shows (the images list and the alt check read it). */
export const recordArticleImages = (tx: Executor, articleId: string, imageIds: readonly string[]) =>
  replaceArticleImages(tx, articleId, imageIds);

/** The live articles that show image `imageId`, as cover or inline. */
export async function articlesShowingImage(db: Executor, imageId: string): Promise<string[]> {
  return [...new Set((await findArticleIdsUsingImages(db, [imageId])).map((row) => row.articleId))];
}
