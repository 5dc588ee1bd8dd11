// Slugs: the URL name of an article (and of an author or a tag), made from its title. ASCII only,
// French accents folded ("Œuvres d'été" → "oeuvres-d-ete"), at most 80 characters. An article's
// slug is unique across every article, deleted ones included (the column is); a second "Foo" is
// "foo-2", then "foo-3".
import { and, inArray, ne, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { articles } from "../../db/schema.ts";
import type { FieldIssue } from "../errors.ts";

export const MAX_SLUG_LENGTH = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Letters that NFD does not split into a base letter and a combining mark.
const LIGATURES: Record<string, string> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
};

/** The slug of `text`, or `fallback` when nothing of it is left (a title made only of symbols). */
export function slugify(text: string, fallback = "article"): string {
  const ascii = text
    .toLowerCase()
    .replace(/[œæßøđðłþı]/g, (letter) => LIGATURES[letter] ?? letter)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return truncateSlug(ascii, MAX_SLUG_LENGTH) || fallback;
}

/** Checks a slug given by hand (authors and tags may choose theirs); returns it trimmed. */
export function checkSlug(issues: FieldIssue[], field: string, slug: string): string {
  const value = slug.trim();
  if (!SLUG_PATTERN.test(value) || value.length > MAX_SLUG_LENGTH) {
    issues.push({
      field,
      message: `slug must be lowercase letters, digits and single hyphens, at most ${MAX_SLUG_LENGTH} characters`,
    });
  }
  return value;
}

/** Cuts at a hyphen when one is near the limit, so a slug does not end in half a word. */
function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const hyphen = cut.lastIndexOf("-");
  return (hyphen >= max / 2 ? cut.slice(0, hyphen) : slug.slice(0, max)).replace(/-+$/, "");
}

/** The n-th candidate for `base`: the base itself, then base-2, base-3… each within the limit. */
export function candidate(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
}

/** Whether `slug` is `base` or one of its numbered candidates: the title has not really changed. */
export function isSlugOf(slug: string, base: string): boolean {
  if (slug === base) return true;
  const match = /^(.*)-(\d+)$/.exec(slug);
  return match !== null && Number(match[2]) >= 2 && candidate(base, Number(match[2])) === slug;
}

// Serialises slug allocation across transactions and processes: checking and inserting are two
// statements, and two drafts titled alike must not both take "foo".
const SLUG_LOCK = 0x1ede_5106;

/**
 * The first free slug for `base`, inside the caller's transaction; `articleId` is the article that
 * will carry it (its own slug counts as free). The lock is held until the transaction ends, so the
 * slug stays free until it is written.
 */
export async function allocateArticleSlug(tx: Executor, base: string, articleId?: string): Promise<string> {
  await (tx as Database).execute(sql`select pg_advisory_xact_lock(${SLUG_LOCK})`);
  for (let first = 1; ; first += 50) {
    const candidates = Array.from({ length: 50 }, (_, i) => candidate(base, first + i));
    const taken = await tx
      .select({ slug: articles.slug })
      .from(articles)
      .where(and(inArray(articles.slug, candidates), articleId ? ne(articles.id, articleId) : undefined));
    const takenSlugs = new Set(taken.map((row) => row.slug));
    const free = candidates.find((slug) => !takenSlugs.has(slug));
    if (free) return free;
  }
}
