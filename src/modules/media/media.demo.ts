// The demo content's cover images: made here, from a seed, the same on every install (no
// downloads). Gradients with a few discs, small enough to make in a few milliseconds each; their
// renditions are made on first request like any image's.
import { createHash } from "node:crypto";
import { cleanUpload, loadSharp, mimeTypes } from "./media.images.ts";
import { originalKey } from "./media.service.ts";
import type { MediaStore } from "./media.store.ts";

export interface DemoImage {
  name: string;
  contentHash: string;
  /** The cleaned original, as the store keeps it. */
  bytes: Buffer;
  width: number;
  height: number;
  placeholder: string;
  alt: string;
}

const WIDTH = 1600;
const HEIGHT = 900;

const palettes: { name: string; colours: [number, number, number][]; alt: string }[] = [
  {
    name: "dusk",
    colours: [
      [32, 44, 99],
      [237, 122, 68],
      [250, 214, 120],
    ],
    alt: "Abstract illustration: a navy-to-orange gradient with pale yellow discs",
  },
  {
    name: "lagoon",
    colours: [
      [8, 94, 104],
      [130, 214, 190],
      [245, 250, 240],
    ],
    alt: "Abstract illustration: a teal gradient with white discs",
  },
  {
    name: "circuit",
    colours: [
      [24, 24, 32],
      [74, 60, 160],
      [80, 220, 140],
    ],
    alt: "Abstract illustration: a dark violet gradient with green discs",
  },
  {
    name: "paper",
    colours: [
      [236, 228, 214],
      [196, 170, 140],
      [170, 60, 50],
    ],
    alt: "Abstract illustration: a beige gradient with brick-red discs",
  },
];

/** A small, seeded generator: the same seed draws the same discs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function draw(index: number): Promise<Buffer> {
  const [from, to, disc] = palettes[index]?.colours ?? [];
  if (!from || !to || !disc) throw new Error(`no demo palette ${index}`);
  const next = random(index + 1);
  const discs = Array.from({ length: 5 }, () => ({
    x: next() * WIDTH,
    y: next() * HEIGHT,
    r: 60 + next() * 220,
  }));
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const t = (x / WIDTH + y / HEIGHT) / 2;
      const inDisc = discs.some((d) => (x - d.x) ** 2 + (y - d.y) ** 2 < d.r * d.r);
      const at = (y * WIDTH + x) * 3;
      for (let c = 0; c < 3; c++) {
        const base = (from[c] as number) * (1 - t) + (to[c] as number) * t;
        pixels[at + c] = inDisc ? (base + (disc[c] as number)) / 2 : base;
      }
    }
  }
  const sharp = await loadSharp();
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

let made: Promise<DemoImage[]> | undefined;

/** The demo images, made once per process. */
export function demoImages(): Promise<DemoImage[]> {
  made ??= Promise.all(
    palettes.map(async (palette, index) => {
      const generated = await draw(index);
      const clean = await cleanUpload(generated, "jpeg", WIDTH * HEIGHT);
      return {
        name: palette.name,
        contentHash: createHash("sha256").update(generated).digest("hex"),
        bytes: clean.bytes,
        width: clean.width,
        height: clean.height,
        placeholder: clean.placeholder,
        alt: palette.alt,
      };
    }),
  );
  return made;
}

/** The names the demo images are seeded under (their ids derive from them). */
export const demoImageNames = (): string[] => palettes.map((palette) => palette.name);

/**
 * Puts the demo images' originals in `store` where they are missing. Given the content hashes the
 * seed recorded, a start whose store holds them all draws nothing (drawing takes about half a
 * second, most of a warm start's own work).
 */
export async function storeDemoImages(store: MediaStore, recorded: readonly string[] = []): Promise<void> {
  if (recorded.length === palettes.length) {
    const present = await Promise.all(recorded.map((hash) => store.has(originalKey(hash, "jpeg"))));
    if (present.every(Boolean)) return;
  }
  for (const image of await demoImages()) {
    const key = originalKey(image.contentHash, "jpeg");
    if (!(await store.has(key))) await store.put(key, image.bytes, mimeTypes.jpeg);
  }
}
