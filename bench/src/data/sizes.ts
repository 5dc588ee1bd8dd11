// The data sizes the harness knows. `quick` exists so CI can run the whole harness in well under
// a minute: loading `small` takes longer than the rest of a quick run together.

export interface DataSize {
  name: string;
  articles: number;
  comments: number;
  authors: number;
  tags: number;
}

export const sizes: Record<string, DataSize> = {
  quick: { name: "quick", articles: 1_000, comments: 10_000, authors: 50, tags: 30 },
  small: { name: "small", articles: 5_000, comments: 100_000, authors: 50, tags: 30 },
  large: { name: "large", articles: 100_000, comments: 2_000_000, authors: 50, tags: 30 },
};

/** Bumped whenever the generator changes what it writes, so `--reuse` never reuses stale data. */
export const GENERATOR_VERSION = 2;
export const SEED = 20261101;
