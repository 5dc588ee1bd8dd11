// Where image bytes live, behind one small interface: files under LEDE_DATA_DIR/media by default,
// or an S3-compatible bucket (media.s3.ts). Keys are paths such as `originals/<hash>.jpg`; an
// object is written whole or not at all, so a failure never leaves half an image behind.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";

export interface MediaStore {
  /** Writes the object whole (or, on failure, leaves nothing under `key`). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Where it keeps things, for logs. */
  readonly description: string;
}

/** Files in a directory; each written to a temporary name first and renamed into place. */
export class FileMediaStore implements MediaStore {
  readonly description: string;
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
    this.description = `files in ${this.root}`;
  }

  private path(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`media key ${key} leaves the store`);
    return path;
  }

  async put(key: string, bytes: Uint8Array, _contentType: string): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = join(dirname(path), `.${randomUUID()}.partial`);
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
