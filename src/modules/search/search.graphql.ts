// `search(query, language)`: published articles ranked by relevance, each edge with its rank, a
// highlighted snippet and the highlighted title. Malformed queries never error; at worst they find
// nothing. A short query that finds nothing is searched again with its spelling corrected.

import { builder } from "../../graphql/builder.ts";
import { badUserInput } from "../../graphql/errors.ts";
import { type CursorKey, encodeCursor, pageRequest } from "../../graphql/pagination.ts";
import { escapeHtml } from "../../infra/html.ts";
import { ArticleRef, LanguageEnum } from "../article/article.graphql.ts";
import {
  correctSpelling,
  countSearchMatches,
  isShortQuery,
  MARK_END,
  MARK_START,
  normaliseQuery,
  type SearchMatch,
  searchArticles,
} from "./search.repo.ts";

/** Escaped text, on one line, with the matched words in <mark>: safe to put in a page as HTML. */
export const highlight = (raw: string) =>
  escapeHtml(raw.replace(/\s+/g, " ").trim())
    .replaceAll(MARK_START, "<mark>")
    .replaceAll(MARK_END, "</mark>");

const MatchKindEnum = builder.enumType("SearchMatchKind", {
  values: {
    FULL_TEXT: {
      value: "fullText",
      description: "The words (or their stems, ignoring accents) are in the article.",
    },
    CORRECTED_SPELLING: {
      value: "correctedSpelling",
      description:
        "Nothing matched as typed (a typo, perhaps); these match `correctedQuery`, the query with each word replaced by the closest word of the articles.",
    },
  } as const,
});

type MatchKind = "fullText" | "correctedSpelling";

interface SearchEdgeShape {
  cursor: string;
  node: SearchMatch;
  rank: number;
  snippet: string;
  highlightedTitle: string;
}

interface SearchConnectionShape {
  matchKind: MatchKind;
  correctedQuery: string | null;
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
        // A page that has rows knows the total (matchCount); an empty one asks.
        const totalOf = (rows: SearchMatch[], count: () => Promise<number>) => rows[0]?.matchCount ?? count;
        if (!query) return connectionOf([], 0, page.limit, false, "fullText", 0);

        // Offsets: relevance order has no stable key to seek from, and nobody reads page 50.
        let start = page.after ? offsetOf(page.after, "after") + 1 : 0;
        if (page.backward) {
          const end = page.before ? offsetOf(page.before, "before") : await total();
          start = Math.max(0, end - page.limit);
          const limit = Math.min(page.limit, end - start);
          const rows = await searchArticles(ctx.db, { query, language: args.language, offset: start, limit });
          return connectionOf(rows, start, limit, false, "fullText", totalOf(rows, total));
        }
        const request = { query, language: args.language, offset: start, limit: page.limit + 1 };
        const rows = await searchArticles(ctx.db, request);
        // Past the first page, empty may mean the query ran out: only a query that finds nothing
        // at all is corrected (so corrected results page like any others).
        if (rows.length === 0 && isShortQuery(query) && (start === 0 || (await total()) === 0)) {
          const corrected = await correctSpelling(ctx.db, query);
          if (corrected) {
            const correctedRows = await searchArticles(ctx.db, { ...request, query: corrected });
            const correctedTotal = () => countSearchMatches(ctx.db, corrected, args.language);
            return connectionOf(
              correctedRows,
              start,
              page.limit,
              true,
              "correctedSpelling",
              totalOf(correctedRows, correctedTotal),
              corrected,
            );
          }
        }
        return connectionOf(rows, start, page.limit, true, "fullText", totalOf(rows, total));
      },
    },
    {
      name: "SearchConnection",
      fields: (c) => ({
        matchKind: c.field({
          type: MatchKindEnum,
          description: "How these results matched the query.",
          resolve: (connection) => (connection as unknown as SearchConnectionShape).matchKind,
        }),
        correctedQuery: c.string({
          nullable: true,
          description:
            'With CORRECTED_SPELLING, the query that was searched instead, folded (lower case, no accents): "smartphone" for "smartfone". Null otherwise.',
          resolve: (connection) => (connection as unknown as SearchConnectionShape).correctedQuery,
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
          description:
            "The passage that matched, from the lede and the body's text as a reader sees it (no Markdown), HTML-escaped, with the matched words in <mark>.",
          resolve: (e) => (e as unknown as SearchEdgeShape).snippet,
        }),
        highlightedTitle: edge.string({
          description: "The article's title, HTML-escaped, with the matched words in <mark>.",
          resolve: (e) => (e as unknown as SearchEdgeShape).highlightedTitle,
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
  matchKind: MatchKind,
  totalCount: number | (() => Promise<number>),
  correctedQuery: string | null = null,
) {
  const edges: SearchEdgeShape[] = rows.slice(0, limit).map((node, i) => ({
    cursor: encodeCursor([start + i]),
    node,
    rank: node.rank,
    snippet: highlight(node.rawSnippet),
    highlightedTitle: highlight(node.rawTitle),
  }));
  return {
    edges,
    matchKind,
    correctedQuery,
    totalCount,
    pageInfo: {
      hasNextPage: forward ? rows.length > limit : false,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
