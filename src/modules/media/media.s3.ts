// The S3-compatible media store (AWS S3, Cloudflare R2, MinIO and the like), chosen by MEDIA_S3_URL:
//   s3://ACCESS_KEY:SECRET@BUCKET/optional/prefix?endpoint=https://host&region=auto
// Without an endpoint it is AWS itself; without credentials in the URL the AWS SDK looks for them
// the usual way (AWS_ACCESS_KEY_ID..., an instance role). PutObject is atomic: an interrupted upload
// leaves no object.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { MediaStore } from "./media.store.ts";

export interface S3Location {
  bucket: string;
  /** Prepended to every key, without a trailing slash; "" for none. */
  prefix: string;
  endpoint: string | undefined;
  region: string;
  /** Path-style URLs (endpoint/bucket/key): what MinIO and most self-hosted servers need. */
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

/** Reads MEDIA_S3_URL; throws with a message that never repeats the URL (it holds a secret). */
export function parseS3Url(value: string): S3Location {
  const url = URL.parse(value);
  if (url?.protocol !== "s3:" || !url.hostname) {
    throw new Error("must look like s3://ACCESS_KEY:SECRET@BUCKET/prefix?endpoint=https://host&region=auto");
  }
  const endpoint = url.searchParams.get("endpoint") ?? undefined;
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) {
    throw new Error("its endpoint must be an http(s) URL");
  }
  const pathStyle = url.searchParams.get("forcePathStyle");
  return {
    bucket: url.hostname,
    prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, ""),
    endpoint,
    region: url.searchParams.get("region") ?? (endpoint ? "auto" : "us-east-1"),
    forcePathStyle: pathStyle === null ? endpoint !== undefined : pathStyle === "true",
    credentials: url.username
      ? { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) }
      : undefined,
  };
}

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);

export class S3MediaStore implements MediaStore {
  readonly description: string;
  private readonly client: S3Client;
  private readonly location: S3Location;

  constructor(location: S3Location) {
    this.location = location;
    this.description = `S3 bucket ${location.bucket}${location.endpoint ? ` at ${new URL(location.endpoint).host}` : ""}`;
    this.client = new S3Client({
      region: location.region,
      endpoint: location.endpoint,
      forcePathStyle: location.forcePathStyle,
      credentials: location.credentials,
      // R2 and older MinIO reject the SDK's newer default checksums on some requests.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  private key(key: string): string {
    return this.location.prefix ? `${this.location.prefix}/${key}` : key;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.location.bucket,
        Key: this.key(key),
        Body: bytes,
        ContentType: contentType,
        CacheControl: "public, max-age=31536000, immutable",
      }),
    );
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.location.bucket, Key: this.key(key) }),
      );
      return answer.Body ? await answer.Body.transformToByteArray() : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.key(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.key(key) }));
  }
}
