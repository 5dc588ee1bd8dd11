// Images end to end: uploads (multipart) and imports, bad input of every kind, renditions served
// over HTTP from both stores, covers and inline images through the typed client, and the rules
// around publishing. The database and the store are checked after each refusal.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { images } from "../src/db/schema.ts";
import { stableUuid } from "../src/db/seed.ts";
import { parseS3Url, S3MediaStore } from "../src/modules/media/media.s3.ts";
import { defaultMediaSettings, type MediaSettings } from "../src/modules/media/media.service.ts";
import { FileMediaStore, type MediaStore } from "../src/modules/media/media.store.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import { startS3 } from "./setup/s3.ts";
import { openArticle } from "./setup/seed-facts.ts";

const UPLOAD = `mutation Upload($file: File!, $alt: String, $decorative: Boolean) {
  uploadImage(file: $file, alt: $alt, decorative: $decorative) {
    __typename
    ... on ImageMutationSuccess { image { id width height mimeType placeholder alt url srcset(format: WEBP) } }
    ... on ValidationError { message issues { field message } }
  }
}`;

interface UploadAnswer {
  status: number;
  body: {
    data?: { uploadImage: Record<string, unknown> & { image?: Record<string, unknown>; issues?: unknown[] } };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

/** A GraphQL multipart request, as a browser's FormData sends it. */
async function upload(
  t: TestApp,
  token: string | null,
  bytes: Uint8Array,
  filename = "photo.jpg",
  variables: Record<string, unknown> = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query: UPLOAD, variables: { file: null, ...variables } }));
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  form.set("0", new File([bytes as Uint8Array<ArrayBuffer>], filename));
  const response = await t.app.fetch("http://lede.test/graphql", {
    method: "POST",
    headers: { "graphql-preflight": "1", ...(token && { authorization: `Bearer ${token}` }) },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as UploadAnswer["body"] };
}

const uploaded = (answer: UploadAnswer) => {
  const result = answer.body.data?.uploadImage;
  if (result?.__typename !== "ImageMutationSuccess") throw new Error(JSON.stringify(answer.body));
  return result.image as { id: string; width: number; height: number; mimeType: string; url: string };
};

const rowId = (globalId: string) => decodeGlobalID(globalId).id;

/** A photo-like JPEG: `width` × `height` stored sideways (EXIF orientation 6), with GPS and a colour profile. */
function photo(width: number, height: number, seed = 1): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * seed * 7 + (i >> 7)) % 256;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .withIccProfile("p3")
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 24/1" } })
    .jpeg()
    .toBuffer();
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();

/** Counts the writes of renditions, over any store. */
function countingStore(store: MediaStore) {
  const renditionWrites: string[] = [];
  const counting: MediaStore = {
    description: store.description,
    put: async (key, bytes, type) => {
      if (key.startsWith("renditions/")) renditionWrites.push(key);
      return store.put(key, bytes, type);
    },
    get: (key) => store.get(key),
    has: (key) => store.has(key),
    delete: (key) => store.delete(key),
  };
  return { store: counting, renditionWrites };
}

const media = (overrides: Partial<MediaSettings> = {}): MediaSettings => ({
  ...defaultMediaSettings,
  publicBase: "http://lede.test/media",
  ...overrides,
});

let s3: Awaited<ReturnType<typeof startS3>>;
beforeAll(async () => {
  s3 = await startS3("media-test");
});
afterAll(async () => {
  await s3?.close();
});

describe.each([
  ["files", () => undefined],
  ["S3 (s3rver)", () => new S3MediaStore(parseS3Url(s3.url))],
])("an image in the %s store", (_name, makeStore) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    const store = makeStore();
    t = await createTestApp({ media: media(), ...(store && { mediaStore: store }) });
    token = await staffToken(t, "author");
  });
  afterAll(() => t.close());

  it("uploads upright, without EXIF, with its colour profile, and the same bytes give the same image", async () => {
    const bytes = await photo(1400, 700);
    const image = uploaded(await upload(t, token, bytes));
    // Orientation 6 is a quarter turn: the image stands 700 wide and 1400 high.
    expect(image).toMatchObject({ width: 700, height: 1400, mimeType: "image/jpeg" });
    const again = uploaded(await upload(t, token, bytes, "copy.jpg"));
    expect(again.id).toBe(image.id);
    const [row] = await t.db
      .select()
      .from(images)
      .where(eq(images.id, rowId(image.id)));
    const rows = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(images)
      .where(eq(images.contentHash, row?.contentHash as string));
    expect(rows[0]?.n).toBe(1);

    const served = await t.app.fetch(`http://lede.test/media/${rowId(image.id)}/700.jpg`);
    expect(served.status).toBe(200);
    const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(metadata).toMatchObject({ width: 700, height: 1400 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.icc).toBeDefined();
  });

  it("serves every width up to its own, never enlarged, in AVIF, WebP and its own format", async () => {
    const image = uploaded(await upload(t, token, await photo(1000, 700, 3)));
    const id = rowId(image.id);
    // Turned upright: 700 wide.
    for (const width of [320, 640, 700]) {
      for (const [ext, type] of [
        ["avif", "image/avif"],
        ["webp", "image/webp"],
        ["jpg", "image/jpeg"],
      ]) {
        const response = await t.app.fetch(`http://lede.test/media/${id}/${width}.${ext}`);
        expect(response.status, `${width}.${ext}`).toBe(200);
        expect(response.headers.get("content-type")).toBe(type);
        expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
        const served = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
        expect(served.width).toBe(width);
      }
    }
    for (const path of [
      `${id}/960.jpg`,
      `${id}/1920.webp`,
      `${id}/640.png`,
      `${id}/641.jpg`,
      `${id}/640.svg`,
    ]) {
      expect((await t.app.fetch(`http://lede.test/media/${path}`)).status, path).toBe(404);
    }
  });
});

describe("serving", () => {
  let t: TestApp;
  let token: string;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp({ media: media() });
    token = await staffToken(t, "author");
    id = rowId(uploaded(await upload(t, token, await png(800, 500), "red.png")).id);
  });
  afterAll(() => t.close());

  it("answers an ETag with 304, a range with 206, and auto by Accept", async () => {
    const url = `http://lede.test/media/${id}/640.png`;
    const full = await t.app.fetch(url);
    const bytes = Buffer.from(await full.arrayBuffer());
    const etag = full.headers.get("etag") as string;
    expect(etag).toMatch(/^"[0-9a-f]+-640-png"$/);
    expect((await t.app.fetch(url, { headers: { "if-none-match": etag } })).status).toBe(304);
    const part = await t.app.fetch(url, { headers: { range: "bytes=10-19" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 10-19/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);
    expect((await t.app.fetch(url, { headers: { range: `bytes=${bytes.length}-` } })).status).toBe(416);

    const auto = `http://lede.test/media/${id}/640.auto`;
    const chrome = await t.app.fetch(auto, { headers: { accept: "image/avif,image/webp,*/*" } });
    expect(chrome.headers.get("content-type")).toBe("image/avif");
    expect(chrome.headers.get("vary")).toBe("Accept");
    const old = await t.app.fetch(auto, { headers: { accept: "image/webp;q=0,*/*" } });
    expect(old.headers.get("content-type")).toBe("image/png");
  });

  it("answers 404 to unknown ids, widths and paths, never 500", async () => {
    for (const path of [
      `${stableUuid("no image")}/640.png`,
      `${id}/99999.png`,
      `${id}/640`,
      "not-an-id/640.png",
      `${id}/640.png/more`,
    ]) {
      expect((await t.app.fetch(`http://lede.test/media/${path}`)).status, path).toBe(404);
    }
  });

  it("makes a rendition once under concurrent requests, across two processes sharing the store", async () => {
    const shared = countingStore(
      t.app.fetch === undefined ? (null as never) : new FileMediaStore(await tempDir()),
    );
    const first = await createTestApp({ media: media(), mediaStore: shared.store });
    try {
      const uploader = await staffToken(first, "author");
      const imageId = rowId(uploaded(await upload(first, uploader, await png(900, 600), "b.png")).id);
      // A second app on the same database and store: another process, as far as lede can tell.
      const { createApp } = await import("../src/app.ts");
      const second = createApp({ db: first.db, mediaStore: shared.store, media: media() });
      const url = `http://lede.test/media/${imageId}/320.webp`;
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? first.app : second).fetch(url)),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
      expect(shared.renditionWrites).toHaveLength(1);
    } finally {
      await first.close();
    }
  });
});

async function tempDir(): Promise<string> {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  return mkdtempSync(join(tmpdir(), "lede-media-test-"));
}
