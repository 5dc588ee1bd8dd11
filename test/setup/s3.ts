// A real S3-protocol server (s3rver) on the loopback, with one bucket, for the media store tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { parseS3Url } from "../../src/modules/media/media.s3.ts";

/** Starts s3rver with bucket `lede-media`; `url` is a MEDIA_S3_URL for it (keys under `prefix`). */
export async function startS3(prefix = "site"): Promise<{ url: string; close: () => Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), "lede-s3rver-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory });
  const { port } = await server.run();
  const url = `s3://S3RVER:S3RVER@lede-media/${prefix}?endpoint=http://127.0.0.1:${port}&region=us-east-1`;
  const location = parseS3Url(url);
  const client = new S3Client({
    endpoint: location.endpoint,
    region: location.region,
    forcePathStyle: true,
    credentials: location.credentials,
  });
  await client.send(new CreateBucketCommand({ Bucket: location.bucket }));
  client.destroy();
  return {
    url,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
