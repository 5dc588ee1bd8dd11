// The media store the configuration asks for: an S3-compatible bucket with MEDIA_S3_URL, files
// under LEDE_DATA_DIR/media otherwise.
import type { Config } from "../../config.ts";
import { parseS3Url, S3MediaStore } from "./media.s3.ts";
import { FileMediaStore, type MediaStore } from "./media.store.ts";

export const mediaStoreFromConfig = (config: Config): MediaStore =>
  config.media.s3Url
    ? new S3MediaStore(parseS3Url(config.media.s3Url))
    : new FileMediaStore(config.media.dir);
