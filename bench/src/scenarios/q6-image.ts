// Q6, an image: one warm rendition of a cover, `GET /media/{id}/960.jpg` (the width an article
// page shows by default), from lede and from nginx serving the very same bytes from disk.
//
// The generated bench data has no images, so setup adds lede's first demo cover (a 1600×900
// JPEG): its row in the bench database, its original in lede's media store. lede makes the
// rendition on its first request and keeps it in its store and in memory; the harness writes
// those bytes where nginx serves them. What is measured is serving a file already made: lede's
// lookup of the image row (cached), its headers and its copy of the bytes, against nginx's
// sendfile. PostGraphile and the raw server serve no images.
import { stableUuid } from "../../../src/db/stable-uuid.ts";
import { demoImages, storeDemoImages } from "../../../src/modules/media/media.demo.ts";
import { FileMediaStore } from "../../../src/modules/media/media.store.ts";
import { renditionPath } from "../../../src/modules/media/media.urls.ts";
import { ledeDataDir } from "../servers/servers.ts";
import { defineFileScenario } from "./types.ts";

const WIDTH = 960;

interface Input {
  id: string;
  width: number;
  height: number;
  mimeType: string;
}

/** The cover, as lede's own seed names it. */
async function cover() {
  const [image] = await demoImages();
  if (!image) throw new Error("lede has no demo images");
  return { ...image, id: stableUuid(`image:${image.name}`) };
}

export default defineFileScenario<Input>({
  id: "q6",
  name: "Q6 image",
  unsupported: {
    postgraphile: "PostGraphile serves no images",
    raw: "the raw server serves no images",
  },
  async setup(sql) {
    const image = await cover();
    await storeDemoImages(new FileMediaStore(`${ledeDataDir}/media`));
    await sql`insert into images (id, content_hash, mime_type, width, height, byte_size, placeholder, alt)
      values (${image.id}, ${image.contentHash}, 'image/jpeg', ${image.width}, ${image.height},
        ${image.bytes.length}, ${image.placeholder}, ${image.alt})
      on conflict do nothing`;
  },
  async inputs(sql) {
    const { id } = await cover();
    return sql<Input[]>`select id, width, height, mime_type as "mimeType" from images where id = ${id}`;
  },
  path: (image) => `/media/${renditionPath(image, WIDTH, "jpeg")}`,
});
