// The media store the configuration asks for: an S3-compatible bucket with MEDIA_S3_URL, files
// under LEDE_DATA_DIR/media otherwise. The S3 client is imported only then (a tenth of a start's
// imports).
import type { Config } from "../../config.ts";
import type { MediaSettings } from "./media.service.ts";
import { FileMediaStore, type MediaStore } from "./media.store.ts";

export async function mediaStoreFromConfig(config: Config): Promise<MediaStore> {
  if (!config.media.s3Url) return new FileMediaStore(config.media.dir);
  const { parseS3Url, S3MediaStore } = await import("./media.s3.ts");
  return new S3MediaStore(parseS3Url(config.media.s3Url));
}

export const mediaSettingsFromConfig = (config: Config): MediaSettings => ({
  maxUploadBytes: config.media.maxUploadBytes,
  maxPixels: config.media.maxPixels,
  publicBase: config.media.publicBase,
  cdn: config.media.cdn,
  allowPrivateAddresses: config.media.allowPrivateAddresses,
  importTimeoutMs: config.media.importTimeoutMs,
});
