// The deterministic data generator. Each table is a generator of rows in PostgreSQL COPY text
// format; tables must be consumed in the order of `tableOrder`, since later tables draw on what
// earlier ones produced (article ids, dates and statuses). Every table has its own seeded stream,
// so the output does not depend on how fast anything is consumed.
import { slugify } from "../../../src/modules/article/article.slug.ts";
import { Random } from "./prng.ts";
import type { DataSize } from "./sizes.ts";
import { firstNames, jobTitles, lastNames, publishers, speakerRoles, tagNames, vocabulary } from "./words.ts";

type Language = "fr" | "en";

/** Comments and articles are dated back from this instant. */
const NOW = Date.parse("2026-11-01T06:00:00.000Z");
const DAY = 86_400_000;
const FAR_FUTURE = Date.parse("2040-01-01T06:00:00.000Z");

const NULL = "\\N";

/** Escapes a value for COPY's text format. */
function esc(value: string): string {
  if (!/[\\\n\r\t]/.test(value)) return value;
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

const iso = (ms: number) => new Date(ms).toISOString();

function words(rng: Random, lang: Language, count: number): string[] {
  const list = vocabulary[lang];
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = list[Math.floor(rng.float() * list.length)] as string;
  return out;
}

function sentence(rng: Random, lang: Language, min: number, max: number): string {
  const text = words(rng, lang, rng.int(min, max)).join(" ");
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rng: Random, lang: Language, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(rng, lang, 8, 18));
  return out.join(" ");
}

/** A Markdown body of a few hundred words and the HTML lede would render from it. */
function body(rng: Random, lang: Language): { markdown: string; html: string; words: number } {
  const md: string[] = [];
  const html: string[] = [];
  const paragraphs = rng.int(3, 6);
  let count = 0;
  for (let p = 0; p < paragraphs; p++) {
    if (p === 2) {
      const heading = sentence(rng, lang, 3, 6).slice(0, -1);
      md.push(`## ${heading}`);
      html.push(`<h2>${heading}</h2>`);
    }
    const text = paragraph(rng, lang, rng.int(3, 6));
    count += text.split(" ").length;
    if (p === 1) {
      const bold = words(rng, lang, 3).join(" ");
      const link = words(rng, lang, 2).join(" ");
      const url = `https://example.org/${slugify(link)}`;
      md.push(`${text} **${bold}** [${link}](${url}).`);
      html.push(
        `<p>${text} <strong>${bold}</strong> <a href="${url}" rel="noopener noreferrer nofollow">${link}</a>.</p>`,
      );
      count += 5;
    } else {
      md.push(text);
      html.push(`<p>${text}</p>`);
    }
  }
  return { markdown: md.join("\n\n"), html: html.join("\n"), words: count };
}

export interface TableSpec {
  name: string;
  columns: string[];
  /** Rows the table will have (exact for most tables, an estimate for the link tables). */
  rows: number;
  /** Batches of COPY text lines, each ending in a newline. */
  batches(): Generator<string>;
}

export interface Dataset {
  tables: TableSpec[];
}

export function createDataset(size: DataSize, seed: number): Dataset {
  const stream = (n: number) => new Random((seed * 31 + n) >>> 0);

  // Shared state filled as tables are generated.
  const authorIds: string[] = [];
  const tagIds: string[] = [];
  const articleIds: string[] = [];
  const articlePublished: number[] = [];
  const articleStatus: string[] = [];

  // Plan the articles (statuses, dates) up front: cheap, and it fixes the row counts of the
  // comment table before anything is written.
  const plan = stream(1);
  const statuses: string[] = [];
  const published: number[] = [];
  const spanMs = Math.max(365, size.articles / 40) * DAY;
  for (let i = 0; i < size.articles; i++) {
    const r = plan.float();
    const status = r < 0.95 ? "published" : r < 0.97 ? "draft" : r < 0.98 ? "scheduled" : "archived";
    statuses.push(status);
    // Oldest first, evenly spread with jitter, to the millisecond.
    const base = NOW - spanMs + (spanMs * (i + plan.float())) / size.articles;
    // Scheduled far beyond any real clock: lede's scheduler publishes what is due, and must find
    // nothing to do in a bench database.
    published.push(status === "scheduled" ? FAR_FUTURE + plan.int(1, 30) * DAY : Math.floor(base));
  }

  // Comments per article: a log-normal spread (a few hot articles, a long tail), public ones only.
  const weights = statuses.map((s) =>
    s === "published" || s === "archived" ? Math.exp(plan.normal() * 1.1) : 0,
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  const commentCounts = weights.map((w) => Math.floor((w / sum) * size.comments));
  let missing = size.comments - commentCounts.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % commentCounts.length) {
    if ((weights[i] as number) > 0) {
      commentCounts[i] = (commentCounts[i] as number) + 1;
      missing--;
    }
  }

  const people = (rng: Random) => `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;

  const authors: TableSpec = {
    name: "authors",
    columns: ["id", "slug", "name", "bio", "avatar_url", "job_title", "links", "created_at"],
    rows: size.authors,
    *batches() {
      const rng = stream(2);
      const lines: string[] = [];
      const used = new Set<string>();
      for (let i = 0; i < size.authors; i++) {
        let name = people(rng);
        while (used.has(name)) name = people(rng);
        used.add(name);
        const id = rng.uuid();
        authorIds.push(id);
        const slug = slugify(name);
        const bio = sentence(rng, rng.chance(0.5) ? "fr" : "en", 12, 25);
        const links = rng.chance(0.6)
          ? JSON.stringify([{ label: "Mastodon", url: `https://mastodon.example/@${slug}` }])
          : "[]";
        lines.push(
          [
            id,
            slug,
            name,
            esc(bio),
            `https://images.example.org/authors/${slug}.jpg`,
            rng.pick(jobTitles),
            esc(links),
            iso(NOW - spanMs - rng.int(1, 400) * DAY),
          ].join("\t"),
        );
      }
      yield `${lines.join("\n")}\n`;
    },
  };

  const tags: TableSpec = {
    name: "tags",
    columns: ["id", "slug", "name", "created_at"],
    rows: Math.min(size.tags, tagNames.length),
    *batches() {
      const rng = stream(3);
      const lines: string[] = [];
      for (const name of tagNames.slice(0, size.tags)) {
        const id = rng.uuid();
        tagIds.push(id);
        lines.push([id, slugify(name), name, iso(NOW - spanMs - DAY)].join("\t"));
      }
      yield `${lines.join("\n")}\n`;
    },
  };

  const articles: TableSpec = {
    name: "articles",
    columns: [
      "id",
      "slug",
      "language",
      "title",
      "lede",
      "body",
      "body_html",
      "status",
      "published_at",
      "created_at",
      "updated_at",
      "reading_time_minutes",
      "comments_open",
    ],
    rows: size.articles,
    *batches() {
      const rng = stream(4);
      let lines: string[] = [];
      for (let i = 0; i < size.articles; i++) {
        const lang: Language = rng.chance(0.55) ? "fr" : "en";
        const id = rng.uuid();
        const status = statuses[i] as string;
        const publishedAt = published[i] as number;
        articleIds.push(id);
        articlePublished.push(publishedAt);
        articleStatus.push(status);
        const title = sentence(rng, lang, 5, 10).slice(0, -1);
        const slug = `${slugify(title).slice(0, 60)}-${i.toString(36)}`;
        const lede = sentence(rng, lang, 15, 30);
        const b = body(rng, lang);
        const createdAt = publishedAt - rng.int(1, 72) * 3_600_000;
        const updatedAt =
          status === "draft" ? createdAt + rng.int(1, 3600) * 1000 : publishedAt + rng.int(0, 3600) * 1000;
        lines.push(
          [
            id,
            slug,
            lang,
            esc(title),
            esc(lede),
            esc(b.markdown),
            esc(b.html),
            status,
            status === "draft" ? NULL : iso(publishedAt),
            iso(createdAt),
            iso(updatedAt),
            String(Math.max(1, Math.round(b.words / 220))),
            rng.chance(0.9) ? "t" : "f",
          ].join("\t"),
        );
        if (lines.length === 500) {
          yield `${lines.join("\n")}\n`;
          lines = [];
        }
      }
      if (lines.length) yield `${lines.join("\n")}\n`;
    },
  };

  // 1-2 authors and 1-3 tags per article: drawn from one stream, so both tables can be planned
  // together; counts are known only after the draw, so the draw happens once, lazily.
  let links: { bylines: string[]; tagLinks: string[] } | undefined;
  const linkRows = () => {
    if (links) return links;
    const rng = stream(5);
    const bylines: string[] = [];
    const tagLinks: string[] = [];
    for (let i = 0; i < size.articles; i++) {
      const article = articleIds[i] as string;
      const chosen = rng.sample(authorIds, rng.chance(0.8) ? 1 : 2);
      chosen.forEach((author, position) => {
        bylines.push(`${article}\t${author}\t${position}`);
      });
      for (const tag of rng.sample(tagIds, rng.int(1, 3))) tagLinks.push(`${article}\t${tag}`);
    }
    links = { bylines, tagLinks };
    return links;
  };
  const chunked = function* (rows: string[]) {
    for (let i = 0; i < rows.length; i += 5000) yield `${rows.slice(i, i + 5000).join("\n")}\n`;
  };

  const articleAuthors: TableSpec = {
    name: "article_authors",
    columns: ["article_id", "author_id", "position"],
    rows: Math.round(size.articles * 1.2),
    *batches() {
      yield* chunked(linkRows().bylines);
    },
  };
  const articleTags: TableSpec = {
    name: "article_tags",
    columns: ["article_id", "tag_id"],
    rows: size.articles * 2,
    *batches() {
      yield* chunked(linkRows().tagLinks);
    },
  };

  const speakers = (() => {
    const rng = stream(6);
    return Array.from({ length: 60 }, () => ({
      name: people(rng),
      role: rng.chance(0.9) ? rng.pick(speakerRoles) : null,
    }));
  })();

  const quotes: TableSpec = {
    name: "quotes",
    columns: ["id", "article_id", "speaker", "speaker_role", "text", "position", "created_at"],
    rows: Math.round(size.articles * 1.5),
    *batches() {
      const rng = stream(7);
      let lines: string[] = [];
      for (let i = 0; i < size.articles; i++) {
        const n = rng.int(0, 3);
        for (let position = 0; position < n; position++) {
          const speaker = rng.pick(speakers);
          lines.push(
            [
              rng.uuid(),
              articleIds[i],
              speaker.name,
              speaker.role ?? NULL,
              esc(sentence(rng, rng.chance(0.55) ? "fr" : "en", 8, 20)),
              // Positions are written out of order on purpose: readers must sort them.
              String((position * 7 + 3) % 10),
              iso((articlePublished[i] as number) - 3_600_000),
            ].join("\t"),
          );
        }
        if (lines.length >= 2000) {
          yield `${lines.join("\n")}\n`;
          lines = [];
        }
      }
      if (lines.length) yield `${lines.join("\n")}\n`;
    },
  };

  const sources: TableSpec = {
    name: "sources",
    columns: ["id", "article_id", "title", "publisher", "url", "position"],
    rows: size.articles,
    *batches() {
      const rng = stream(8);
      let lines: string[] = [];
      for (let i = 0; i < size.articles; i++) {
        const n = rng.int(0, 2);
        for (let position = 0; position < n; position++) {
          const title = sentence(rng, "en", 4, 9).slice(0, -1);
          lines.push(
            [
              rng.uuid(),
              articleIds[i],
              esc(title),
              rng.chance(0.9) ? rng.pick(publishers) : NULL,
              `https://news.example.com/${slugify(title).slice(0, 50)}`,
              String(position),
            ].join("\t"),
          );
        }
        if (lines.length >= 2000) {
          yield `${lines.join("\n")}\n`;
          lines = [];
        }
      }
      if (lines.length) yield `${lines.join("\n")}\n`;
    },
  };

  const userAgents = [
    "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 19_0 like Mac OS X) Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/142.0",
  ];

  const comments: TableSpec = {
    name: "comments",
    columns: [
      "id",
      "article_id",
      "parent_id",
      "ancestor_ids",
      "author_name",
      "author_email",
      "author_url",
      "body",
      "status",
      "created_at",
      "updated_at",
      "ip_hash",
      "user_agent",
    ],
    rows: size.comments,
    *batches() {
      const rng = stream(9);
      let lines: string[] = [];
      for (let i = 0; i < size.articles; i++) {
        const n = commentCounts[i] as number;
        if (n === 0) continue;
        const article = articleIds[i] as string;
        const lang: Language = rng.chance(0.55) ? "fr" : "en";
        // The thread so far: ids and their ancestor lists, oldest first.
        const ids: string[] = [];
        const ancestors: string[][] = [];
        let at = articlePublished[i] as number;
        for (let k = 0; k < n; k++) {
          at += rng.int(1, 240) * 60_000 + rng.int(0, 59_999);
          const id = rng.uuid();
          let chain: string[] = [];
          let parent: string | null = null;
          if (k > 0 && rng.chance(0.55)) {
            const j = rng.int(0, k - 1);
            const parentChain = ancestors[j] as string[];
            // Threads go at most three levels below a top-level comment.
            if (parentChain.length < 3) {
              parent = ids[j] as string;
              chain = [...parentChain, parent];
            }
          }
          ids.push(id);
          ancestors.push(chain);
          const r = rng.float();
          const status = r < 0.9 ? "approved" : r < 0.97 ? "pending" : "spam";
          const first = rng.pick(firstNames);
          const last = rng.pick(lastNames);
          const email = `${first}.${last}${rng.int(1, 999)}@example.net`.toLowerCase();
          lines.push(
            [
              id,
              article,
              parent ?? NULL,
              `{${chain.join(",")}}`,
              `${first} ${last}`,
              esc(email),
              rng.chance(0.15) ? `https://${last.toLowerCase()}.example.net/` : NULL,
              esc(paragraph(rng, lang, rng.int(1, 4))),
              status,
              iso(at),
              iso(at),
              rng.next().toString(16).padStart(8, "0"),
              rng.pick(userAgents),
            ].join("\t"),
          );
        }
        if (lines.length >= 2000) {
          yield `${lines.join("\n")}\n`;
          lines = [];
        }
      }
      if (lines.length) yield `${lines.join("\n")}\n`;
    },
  };

  return { tables: [authors, tags, articles, articleAuthors, articleTags, quotes, sources, comments] };
}
