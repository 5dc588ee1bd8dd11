// `search(query, language)`: published articles ranked by relevance, each edge with its rank and a
// highlighted snippet. Malformed queries never error; at worst they find nothing.
import { builder } from "../../graphql/builder.ts";
import { badUserInput } from "../../graphql/errors.ts";
import { type CursorKey, encodeCursor, pageRequest } from "../../graphql/pagination.ts";
import { ArticleRef, LanguageEnum } from "../article/article.graphql.ts";
import {
  countSearchMatches,
  isShortQuery,
  MARK_END,
  MARK_START,
  normaliseQuery,
  type SearchMatch,
  searchArticles,
  searchSimilarTitles,
} from "./search.repo.ts";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

/** Snippets come from the Markdown source: keep the words, drop the markup. */
const stripMarkdown = (text: string) =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]{1,3}/g, "")
    .replace(/(^|\n)#{1,6}\s*/g, "$1")
    .replace(/\s+/g, " ")
    .trim();

/** Escaped text with the matched words in <mark>: safe to put in a page as HTML. */
export const highlight = (raw: string) =>
  escapeHtml(stripMarkdown(raw)).replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>");

const MatchKindEnum = builder.enumType("SearchMatchKind", {
  values: {
    FULL_TEXT: {
      value: "fullText",
      description: "The words (or their stems, ignoring accents) are in the article.",
    },
    SIMILAR_TITLE: {
      value: "similarTitle",
      description: "Nothing matched exactly; these titles hold a word close to the query (a typo, perhaps).",
    },
  } as const,
});

interface SearchEdgeShape {
  cursor: string;
  node: SearchMatch;
  rank: number;
  snippet: string;
}

builder.queryField("search", (t) =>
  t.connection(
    {
      type: ArticleRef,
      description: 'Published articles matching a web-search style query: words, "a phrase", -excluded, OR.',
      args: {
        query: t.arg.string({ required: true }),
        language: t.arg({ type: LanguageEnum, description: "Only articles in this language." }),
      },
      resolve: async (_root, args, ctx) => {
        const query = normaliseQuery(args.query);
        const page = pageRequest(args, 1);
        const total = () => countSearchMatches(ctx.db, query, args.language);
        if (!query) return connectionOf([], 0, page.limit, false, "fullText", 0);

        // Offsets: relevance order has no stable key to seek from, and nobody reads page 50.
        let start = page.after ? offsetOf(page.after, "after") + 1 : 0;
        if (page.backward) {
          const end = page.before ? offsetOf(page.before, "before") : await total();
          start = Math.max(0, end - page.limit);
          const limit = Math.min(page.limit, end - start);
          const rows = await searchArticles(ctx.db, { query, language: args.language, offset: start, limit });
          return connectionOf(rows, start, limit, false, "fullText", total);
        }
        const request = { query, language: args.language, offset: start, limit: page.limit + 1 };
        const rows = await searchArticles(ctx.db, request);
        if (rows.length === 0 && start === 0 && isShortQuery(query)) {
          const similar = await searchSimilarTitles(ctx.db, request);
          return connectionOf(similar, start, page.limit, true, "similarTitle", similar.length);
        }
        return connectionOf(rows, start, page.limit, true, "fullText", total);
      },
    },
    {
      name: "SearchConnection",
      fields: (c) => ({
        matchKind: c.field({
          type: MatchKindEnum,
          description: "How these results matched the query.",
          resolve: (connection) =>
            (connection as unknown as { matchKind: "fullText" | "similarTitle" }).matchKind,
        }),
      }),
    },
    {
      name: "SearchEdge",
      fields: (edge) => ({
        rank: edge.float({
          description: "Relevance: higher is better. Comparable within one search only.",
          resolve: (e) => (e as unknown as SearchEdgeShape).rank,
        }),
        snippet: edge.string({
          description: "The passage that matched, HTML-escaped, with the matched words in <mark>.",
          resolve: (e) => (e as unknown as SearchEdgeShape).snippet,
        }),
      }),
    },
  ),
);

const MAX_OFFSET = 10_000;

function offsetOf(cursor: CursorKey, argument: string): number {
  const offset = Number(cursor[0]);
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw badUserInput(`\`${argument}\` is not a valid cursor for this list`, argument);
  }
  return offset;
}

function connectionOf(
  rows: SearchMatch[],
  start: number,
  limit: number,
  forward: boolean,
  matchKind: "fullText" | "similarTitle",
  totalCount: number | (() => Promise<number>),
) {
  const edges: SearchEdgeShape[] = rows.slice(0, limit).map((node, i) => ({
    cursor: encodeCursor([start + i]),
    node,
    rank: node.rank,
    snippet: highlight(node.rawSnippet),
  }));
  return {
    edges,
    matchKind,
    totalCount,
    pageInfo: {
      hasNextPage: forward ? rows.length > limit : false,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
