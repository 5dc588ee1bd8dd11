// Both media stores pass the same tests: files in a directory, and S3 through a real S3-protocol
// server (s3rver) on the loopback. Nothing is mocked.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseS3Url, S3MediaStore } from "../src/modules/media/media.s3.ts";
import { FileMediaStore, type MediaStore } from "../src/modules/media/media.store.ts";
import { startS3 } from "./setup/s3.ts";

const directories: string[] = [];
const temporaryDirectory = () => {
  const dir = mkdtempSync(join(tmpdir(), "lede-store-"));
  directories.push(dir);
  return dir;
};

let s3: Awaited<ReturnType<typeof startS3>>;

beforeAll(async () => {
  s3 = await startS3("site-a");
});

afterAll(async () => {
  await s3?.close();
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => MediaStore][] = [
  ["files", () => new FileMediaStore(temporaryDirectory())],
  ["S3 (s3rver)", () => new S3MediaStore(parseS3Url(s3.url))],
];

describe.each(stores)("the %s media store", (_name, makeStore) => {
  it("keeps what is put, whole, and forgets what is deleted", async () => {
    const store = makeStore();
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    expect(await store.has("originals/abc.jpg")).toBe(false);
    expect(await store.get("originals/abc.jpg")).toBeNull();
    await store.put("originals/abc.jpg", bytes, "image/jpeg");
    expect(await store.has("originals/abc.jpg")).toBe(true);
    expect(Buffer.from((await store.get("originals/abc.jpg")) as Uint8Array).equals(Buffer.from(bytes))).toBe(
      true,
    );
    await store.put("originals/abc.jpg", new Uint8Array([1, 2, 3]), "image/jpeg");
    expect([...((await store.get("originals/abc.jpg")) as Uint8Array)]).toEqual([1, 2, 3]);
    await store.delete("originals/abc.jpg");
    expect(await store.has("originals/abc.jpg")).toBe(false);
  });

  it("keeps keys apart, nested paths included", async () => {
    const store = makeStore();
    await store.put("renditions/h/320.webp", new Uint8Array([1]), "image/webp");
    await store.put("renditions/h/640.webp", new Uint8Array([2]), "image/webp");
    expect([...((await store.get("renditions/h/320.webp")) as Uint8Array)]).toEqual([1]);
    expect([...((await store.get("renditions/h/640.webp")) as Uint8Array)]).toEqual([2]);
    expect(await store.has("renditions/h")).toBe(false);
  });
});

describe("the file store", () => {
  it("leaves no file behind when a write fails", async () => {
    const dir = temporaryDirectory();
    const store = new FileMediaStore(dir);
    // A key whose directory is a file: the write fails after the store started it.
    await store.put("originals", new Uint8Array([1]), "image/jpeg");
    await expect(store.put("originals/x.jpg", new Uint8Array([1]), "image/jpeg")).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["originals"]);
  });

  it("refuses a key that would leave its directory", async () => {
    const store = new FileMediaStore(temporaryDirectory());
    await expect(store.put("../escape.jpg", new Uint8Array([1]), "image/jpeg")).rejects.toThrow(/leaves/);
  });
});

describe("MEDIA_S3_URL", () => {
  it("reads bucket, prefix, endpoint, region and credentials; path style with an endpoint", () => {
    expect(
      parseS3Url("s3://KEY:SE%2FCRET@my-bucket/a/b/?endpoint=https://acct.r2.cloudflarestorage.com"),
    ).toEqual({
      bucket: "my-bucket",
      prefix: "a/b",
      endpoint: "https://acct.r2.cloudflarestorage.com",
      region: "auto",
      forcePathStyle: true,
      credentials: { accessKeyId: "KEY", secretAccessKey: "SE/CRET" },
    });
    expect(parseS3Url("s3://bucket")).toMatchObject({
      region: "us-east-1",
      forcePathStyle: false,
      credentials: undefined,
    });
    expect(() => parseS3Url("https://bucket")).toThrow(/s3:\/\//);
  });
});
