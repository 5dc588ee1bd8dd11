// Images end to end: uploads (multipart) and imports, bad input of every kind, renditions served
// over HTTP from both stores, covers and inline images through the typed client, and the rules
// around publishing. The database and the store are checked after each refusal.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaults } from "../src/config.ts";
import { images } from "../src/db/schema.ts";
import { stableUuid } from "../src/db/stable-uuid.ts";
import { parseS3Url, S3MediaStore } from "../src/modules/media/media.s3.ts";
import type { MediaSettings } from "../src/modules/media/media.service.ts";
import { mediaSettingsFromConfig } from "../src/modules/media/media.setup.ts";
import { FileMediaStore, type MediaStore } from "../src/modules/media/media.store.ts";
import { graphql } from "./generated/gql.ts";
import { createTestApp, type TestApp } from "./setup/app.ts";
import { staffToken } from "./setup/factories.ts";
import { startS3 } from "./setup/s3.ts";
import { openArticle } from "./setup/seed-facts.ts";
import { type UploadAnswer, upload, uploaded } from "./setup/uploads.ts";

const rowId = (globalId: string) => decodeGlobalID(globalId).id;

interface CreatedArticle {
  id: string;
  slug: string;
  version: number;
  bodyHtml: string;
}

/** The article a createArticle answer carries; fails the test with the answer otherwise. */
function createdArticle(answer: { data?: { createArticle: unknown } | null }): CreatedArticle {
  const result = answer.data?.createArticle as { __typename: string; article?: CreatedArticle } | undefined;
  if (!result?.article) throw new Error(JSON.stringify(answer));
  return result.article;
}

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
  ...mediaSettingsFromConfig(defaults),
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

  it("serves a WebP or AVIF image as PNG too, for email, and no other image in a format it is not offered in", async () => {
    const webp = await sharp(await png(800, 500))
      .webp()
      .toBuffer();
    const webpId = rowId(uploaded(await upload(t, token, webp, "red.webp")).id);
    const response = await t.app.fetch(`http://lede.test/media/${webpId}/640.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(await sharp(Buffer.from(await response.arrayBuffer())).metadata()).toMatchObject({
      format: "png",
      width: 640,
    });
    expect((await t.app.fetch(`http://lede.test/media/${webpId}/640.jpg`)).status).toBe(404);
    expect((await t.app.fetch(`http://lede.test/media/${id}/640.jpg`)).status).toBe(404);
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

describe("bad uploads get a clear error and leave nothing behind", () => {
  let t: TestApp;
  let token: string;
  const imageCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(images))[0]?.n;
  beforeAll(async () => {
    t = await createTestApp({ media: media({ maxUploadBytes: 200_000 }) });
    token = await staffToken(t, "author");
  });
  afterAll(() => t.close());

  const refusal = (answer: UploadAnswer) =>
    answer.body.data?.uploadImage as { __typename: string; issues: { field: string; message: string }[] };

  it.each([
    ["a truncated JPEG", async () => (await photo(300, 200)).subarray(0, 2000), /damaged or cut short/],
    [
      "an SVG, which can carry script",
      async () =>
        Buffer.from(
          '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
      /SVG.*script/,
    ],
    [
      "a text file named .png",
      async () => Buffer.from("hello, not an image"),
      /not a JPEG, PNG, WebP, AVIF or GIF/,
    ],
    ["an upload of 0 bytes", async () => Buffer.alloc(0), /empty/],
    [
      "a 30,000 × 30,000 pixel bomb",
      async () => pngClaiming(30_000, 30_000),
      /30000 × 30000 pixels, over the limit/,
    ],
  ])("%s", async (_name, make, message) => {
    const before = await imageCount();
    const answer = await upload(t, token, await make(), "upload.png");
    expect(refusal(answer).__typename).toBe("ValidationError");
    expect(refusal(answer).issues).toEqual([{ field: "file", message: expect.stringMatching(message) }]);
    expect(await imageCount()).toBe(before);
  });

  it("takes a PNG named .jpg as the PNG it is", async () => {
    const image = uploaded(await upload(t, token, await png(64, 48), "holiday.jpg"));
    expect(image.mimeType).toBe("image/png");
  });

  it("refuses an upload over the limit before reading it all", async () => {
    // Declared too long: refused before a byte is read.
    const declared = await t.app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "graphql-preflight": "1",
        "content-type": "multipart/form-data; boundary=x",
        "content-length": "5000000",
      },
      body: "--x--",
    });
    expect(declared.status).toBe(413);
    // Streamed without a length: cut off once past the limit; most chunks are never pulled.
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await t.app.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "graphql-preflight": "1",
        "content-type": "multipart/form-data; boundary=x",
      },
      body,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(10);
    // Within the framing allowance but over the file limit: a ValidationError from the rules.
    const over = await upload(t, token, Buffer.concat([await png(10, 10), Buffer.alloc(210_000)]));
    expect(refusal(over).issues[0]?.message).toMatch(/larger than 200000 bytes/);
  });

  it("refuses an anonymous upload without reading it", async () => {
    const answer = await upload(t, null, await png(10, 10));
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("keeps no row and no half image when the store fails in the middle of an upload", async () => {
    const dir = await tempDir();
    const files = new FileMediaStore(dir);
    const failing: MediaStore = {
      description: "a store that fails",
      put: async (key, bytes, type) => {
        // Half the bytes reach the disk under a temporary name, then the write fails.
        await files.put(`${key}.partial-test`, bytes.subarray(0, bytes.length / 2), type);
        await files.delete(`${key}.partial-test`);
        throw new Error("disk full");
      },
      get: (key) => files.get(key),
      has: (key) => files.has(key),
      delete: (key) => files.delete(key),
    };
    const broken = await createTestApp({ media: media(), mediaStore: failing });
    try {
      const brokenToken = await staffToken(broken, "author");
      const before = (await broken.db.select({ n: sql<number>`count(*)::int` }).from(images))[0]?.n;
      const answer = await upload(broken, brokenToken, await photo(200, 100, 9));
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(answer.body.errors?.[0]?.message).toMatch(/nothing was saved/);
      expect((await broken.db.select({ n: sql<number>`count(*)::int` }).from(images))[0]?.n).toBe(before);
      const { readdirSync } = await import("node:fs");
      expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".jpg"))).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});

/** A PNG whose header claims `width` × `height` pixels: metadata says so, decoding would explode. */
function pngClaiming(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    chunk("IHDR", header),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("importing by URL", () => {
  let t: TestApp;
  let token: string;
  let server: Server;
  let base: string;
  const Import = graphql(`
    mutation MediaImport($url: String!) {
      importImageFromUrl(url: $url, alt: "A red square") {
        __typename
        ... on ImageMutationSuccess { image { id width mimeType alt } }
        ... on ValidationError { issues { field message } }
      }
    }
  `);
  beforeAll(async () => {
    const red = await png(120, 80);
    server = createServer((request, response) => {
      const hops = /^\/hop\/(\d+)$/.exec(request.url ?? "");
      if (hops) {
        const left = Number(hops[1]);
        response.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : "/red.png" }).end();
      } else if (request.url === "/red.png")
        response.writeHead(200, { "content-type": "image/png" }).end(red);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await createTestApp({ media: media({ allowPrivateAddresses: true }) });
    token = await staffToken(t, "author");
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it("fetches an image, following up to 3 redirects and no more", async () => {
    const direct = await t.execute(Import, { url: `${base}/hop/2` }, { token });
    expect(direct.data?.importImageFromUrl).toMatchObject({
      __typename: "ImageMutationSuccess",
      image: { width: 120, mimeType: "image/png", alt: "A red square" },
    });
    const tooMany = await t.execute(Import, { url: `${base}/hop/3` }, { token });
    expect(tooMany.data?.importImageFromUrl).toEqual({
      __typename: "ValidationError",
      issues: [{ field: "url", message: "More than 3 redirects" }],
    });
  });

  it("refuses 127.0.0.1 and localhost without the setting", async () => {
    const strict = await createTestApp({ media: media() });
    try {
      const strictToken = await staffToken(strict, "author");
      for (const url of [
        `${base}/red.png`,
        `${base.replace("127.0.0.1", "localhost")}/red.png`,
        "http://[::1]/x.png",
      ]) {
        const answer = await strict.execute(Import, { url }, { token: strictToken });
        expect(answer.data?.importImageFromUrl, url).toEqual({
          __typename: "ValidationError",
          issues: [{ field: "url", message: expect.stringMatching(/private or loopback address/) }],
        });
      }
    } finally {
      await strict.close();
    }
  });
});

describe("images in articles", () => {
  let t: TestApp;
  let editor: string;
  const CoverPage = graphql(`
    query MediaCoverPage($first: Int!) {
      articles(first: $first) {
        nodes { slug title coverImage { id url(width: 640, format: WEBP) srcset width height alt placeholder } }
      }
    }
  `);
  const PlainPage = graphql(`
    query MediaPlainPage($first: Int!) {
      articles(first: $first) { nodes { slug title } }
    }
  `);
  const ArticleWithCover = graphql(`
    query MediaArticle($slug: String!) {
      article(slug: $slug) { bodyHtml coverImage { id alt url } }
    }
  `);
  const Create = graphql(`
    mutation MediaCreate($input: CreateArticleInput!) {
      createArticle(input: $input) {
        __typename
        ... on ArticleMutationSuccess { article { id slug version bodyHtml coverImage { id } } }
        ... on ValidationError { issues { field message } }
      }
    }
  `);
  const Publish = graphql(`
    mutation MediaPublish($id: ID!) {
      publishArticle(input: { articleId: $id }) {
        __typename
        ... on ValidationError { issues { field message } }
      }
    }
  `);
  const Update = graphql(`
    mutation MediaUpdateImage($input: UpdateImageInput!) {
      updateImage(input: $input) {
        __typename
        ... on ImageMutationSuccess { image { alt caption credit decorative } }
      }
    }
  `);
  const Delete = graphql(`
    mutation MediaDelete($id: ID!) {
      deleteArticle(input: { articleId: $id }) { __typename }
    }
  `);
  const Images = graphql(`
    query MediaImages {
      images(first: 50) { totalCount nodes { id articles { slug } } }
    }
  `);
  beforeAll(async () => {
    t = await createTestApp({ media: media() });
    editor = await staffToken(t, "editor");
  });
  afterAll(() => t.close());

  it("shows the seeded covers on the front page, served in every size, for one more statement", async () => {
    const plain = await t.countStatements(() => t.execute(PlainPage, { first: 20 }));
    const covered = await t.countStatements(() => t.execute(CoverPage, { first: 20 }));
    expect(covered.statements.length - plain.statements.length).toBe(1);
    const nodes = covered.result.data?.articles.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(2);
    for (const node of nodes) {
      expect(node.coverImage).toMatchObject({
        width: 1600,
        height: 900,
        alt: expect.stringMatching(/illustration/),
      });
      const id = rowId(node.coverImage?.id as string);
      expect(node.coverImage?.url).toBe(`http://lede.test/media/${id}/640.webp`);
      expect(node.coverImage?.srcset).toBe(
        [320, 640, 960, 1280, 1600].map((w) => `http://lede.test/media/${id}/${w}.jpg ${w}w`).join(", "),
      );
    }
    const first = nodes[0]?.coverImage?.url as string;
    const served = await t.app.fetch(first.replace("http://lede.test", "http://lede.test"));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    const page = await t.execute(ArticleWithCover, { slug: openArticle.slug });
    expect(page.data?.article?.coverImage?.url).toMatch(/\/media\/[0-9a-f-]{36}\/960\.jpg$/);
  });

  it("renders inline images as responsive figures, and refuses to publish without alt text", async () => {
    const token = editor;
    const plain = uploaded(await upload(t, token, await png(1300, 650), "chart.png"));
    const withCaption = await t.execute(
      Update,
      { input: { imageId: plain.id, caption: "Sales by <quarter>", credit: "Chart: lede" } },
      { token },
    );
    expect(withCaption.data?.updateImage).toMatchObject({
      image: { caption: "Sales by <quarter>", alt: null },
    });
    const created = await t.execute(
      Create,
      {
        input: {
          title: "Charts of the week",
          language: "EN",
          authorSlugs: openArticle.authorSlugs,
          body: `Intro.\n\n![](lede:image/${plain.id})\n\nOutro.`,
          coverImageId: plain.id,
        },
      },
      { token },
    );
    const article = createdArticle(created);
    const id = rowId(plain.id);
    expect(article.bodyHtml).toContain("<figure><picture>");
    expect(article.bodyHtml).toContain(
      `<source type="image/avif" srcset="/media/${id}/320.avif 320w, /media/${id}/640.avif 640w, /media/${id}/960.avif 960w, /media/${id}/1280.avif 1280w, /media/${id}/1300.avif 1300w"`,
    );
    expect(article.bodyHtml).toMatch(
      /<img src="\/media\/[^"]+\/960\.png" srcset="[^"]+" sizes="\(min-width: 48rem\) 48rem, 100vw" width="1300" height="650" alt="" loading="lazy" decoding="async" \/>/,
    );
    expect(article.bodyHtml).toContain(
      "<figcaption>Sales by &lt;quarter&gt; <small>Chart: lede</small></figcaption>",
    );
    expect(article.bodyHtml).not.toContain("<p><figure>");

    // No alt text on the cover nor inline: refused, and the article stays a draft.
    const refused = await t.execute(Publish, { id: article.id }, { token });
    expect(refused.data?.publishArticle).toEqual({
      __typename: "ValidationError",
      issues: [
        { field: "input.articleId", message: expect.stringMatching(/cover image has no alt text/) },
        { field: "input.articleId", message: expect.stringMatching(/in the body has no alt text/) },
      ],
    });
    // Described once, everywhere: the stored HTML follows.
    await t.execute(Update, { input: { imageId: plain.id, alt: "Bar chart of sales" } }, { token });
    const page = await t.execute(ArticleWithCover, { slug: article.slug }, { token });
    expect(page.data?.article?.bodyHtml).toContain('alt="Bar chart of sales"');
    const published = await t.execute(Publish, { id: article.id }, { token });
    expect(published.data?.publishArticle.__typename).toBe("ArticleMutationSuccess");
  });

  it("publishes with a decorative image that has no alt text", async () => {
    const ornament = uploaded(await upload(t, editor, await png(400, 40), "rule.png", { decorative: true }));
    const created = await t.execute(
      Create,
      {
        input: {
          title: "With an ornament",
          language: "FR",
          authorSlugs: openArticle.authorSlugs,
          body: `Texte.\n\n![](lede:image/${rowId(ornament.id)})`,
        },
      },
      { token: editor },
    );
    const article = createdArticle(created);
    expect(article.bodyHtml).toContain('alt=""');
    expect(
      (await t.execute(Publish, { id: article.id }, { token: editor })).data?.publishArticle.__typename,
    ).toBe("ArticleMutationSuccess");
  });

  it("refuses a body or cover that names no image", async () => {
    const missing = stableUuid("missing image");
    const answer = await t.execute(
      Create,
      {
        input: {
          title: "Broken",
          language: "EN",
          authorSlugs: openArticle.authorSlugs,
          body: `![x](lede:image/${missing})`,
          coverImageId: Buffer.from(`Image:${missing}`).toString("base64"),
        },
      },
      { token: editor },
    );
    expect(answer.data?.createArticle).toEqual({
      __typename: "ValidationError",
      issues: [
        { field: "input.coverImageId", message: "No image has this id" },
        { field: "input.body", message: `No image has the id in lede:image/${missing}` },
      ],
    });
  });

  it("lists uploads with the articles that use them; deleting one article keeps a shared image", async () => {
    const listed = await t.execute(Images, {}, { token: editor });
    const shared = listed.data?.images.nodes.find((node) => node.articles.length >= 2);
    expect(shared).toBeDefined();
    const [gone, kept] = shared?.articles ?? [];
    const goneId = (await t.execute(ArticleWithCover, { slug: gone?.slug as string }, { token: editor }))
      .data;
    expect(goneId?.article?.coverImage?.id).toBe(shared?.id);
    const { articleGlobalId } = await import("./setup/seed-facts.ts");
    await t.execute(Delete, { id: articleGlobalId(gone?.slug as string) }, { token: editor });
    const after = await t.execute(ArticleWithCover, { slug: kept?.slug as string }, { token: editor });
    expect(after.data?.article?.coverImage?.id).toBe(shared?.id);
    expect((await t.app.fetch(`http://lede.test/media/${rowId(shared?.id as string)}/320.jpg`)).status).toBe(
      200,
    );
    expect((await t.execute(Images, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("records a cover change in the article's revisions, and restores it", async () => {
    const Revisions = graphql(`
      query MediaRevisions($id: ID!) {
        articleRevisions(articleId: $id, first: 5) { nodes { id version changedFields } }
      }
    `);
    const SetCover = graphql(`
      mutation MediaSetCover($input: UpdateArticleInput!) {
        updateArticle(input: $input) {
          __typename
          ... on ArticleMutationSuccess { article { version coverImage { id } } }
        }
      }
    `);
    const Restore = graphql(`
      mutation MediaRestore($input: RestoreArticleRevisionInput!) {
        restoreArticleRevision(input: $input) {
          ... on ArticleMutationSuccess { article { coverImage { id } } }
        }
      }
    `);
    const cover = uploaded(await upload(t, editor, await png(500, 300), "new-cover.png"));
    const created = await t.execute(
      Create,
      { input: { title: "Cover history", language: "EN", authorSlugs: openArticle.authorSlugs } },
      { token: editor },
    );
    const article = createdArticle(created);
    const changed = await t.execute(
      SetCover,
      { input: { articleId: article.id, expectedVersion: article.version, coverImageId: cover.id } },
      { token: editor },
    );
    expect(changed.data?.updateArticle).toMatchObject({ article: { coverImage: { id: cover.id } } });
    const revisions = (await t.execute(Revisions, { id: article.id }, { token: editor })).data
      ?.articleRevisions.nodes;
    expect(revisions?.[0]?.changedFields).toEqual(["coverImage"]);
    const restored = await t.execute(
      Restore,
      {
        input: {
          articleId: article.id,
          revisionId: revisions?.[1]?.id as string,
          expectedVersion: article.version + 1,
        },
      },
      { token: editor },
    );
    expect(restored.data?.restoreArticleRevision).toEqual({ article: { coverImage: null } });
  });

  it("points image URLs and article HTML at MEDIA_PUBLIC_URL (a CDN)", async () => {
    const cdn = await createTestApp({
      media: media({ publicBase: "https://cdn.example.com/media", cdn: true }),
    });
    try {
      const token = await staffToken(cdn, "editor");
      const image = uploaded(await upload(cdn, token, await png(700, 300), "c.png"));
      expect(image.url).toBe(`https://cdn.example.com/media/${rowId(image.id)}/700.png`);
      const created = await cdn.execute(
        Create,
        {
          input: {
            title: "CDN",
            language: "EN",
            authorSlugs: openArticle.authorSlugs,
            body: `![A square](lede:image/${image.id})`,
          },
        },
        { token },
      );
      const html = createdArticle(created).bodyHtml;
      expect(html).toContain(`src="https://cdn.example.com/media/${rowId(image.id)}/700.png"`);
      expect(html).toContain(
        `srcset="https://cdn.example.com/media/${rowId(image.id)}/320.avif 320w, https://cdn.example.com/media/`,
      );
      expect(html).not.toContain('"/media/');
    } finally {
      await cdn.close();
    }
  });
});
