// `search(query, language)`: published articles ranked by relevance, each edge with its rank, a
// highlighted snippet and the highlighted title. Malformed queries never error; at worst they find
// nothing. A short query that finds nothing is searched again with its spelling corrected. At most
// the newest RANKED_MATCHES_BOUND matches are ranked and counted (search.repo.ts); the connection's
// `allMatchesRanked` says whether that was all of them.

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
  RANKED_MATCHES_BOUND,
  type SearchMatch,
  searchArticles,
  searchSettings,
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
  allMatchesRanked: boolean | (() => Promise<boolean>);
}

/** A number, or a thunk that asks the database (once, however many fields read it). */
type MatchCount = number | (() => Promise<number>);

/** The bound as a reader writes it, "1,000", for the schema's descriptions. */
const boundText = RANKED_MATCHES_BOUND.toLocaleString("en-US");

const once = <T>(work: () => Promise<T>): (() => Promise<T>) => {
  let result: Promise<T> | undefined;
  return () => {
    result ??= work();
    return result;
  };
};

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
        // Read once per request: a test may lower it between requests, never within one.
        const bound = searchSettings.rankedMatchesBound;
        const matches = (q: string) => once(() => countSearchMatches(ctx.db, q, args.language, bound));
        const total = matches(query);
        // A page that has rows knows how many matched (matchCount, up to bound + 1); an empty one asks.
        const countOf = (rows: SearchMatch[], count: () => Promise<number>): MatchCount =>
          rows[0]?.matchCount ?? count;
        const connection = connectionsUpTo(bound);
        if (!query) return connection([], 0, page.limit, false, "fullText", 0);

        // Offsets: relevance order has no stable key to seek from, and nobody reads page 50.
        let start = page.after ? offsetOf(page.after, "after") + 1 : 0;
        if (page.backward) {
          const end = page.before ? offsetOf(page.before, "before") : Math.min(await total(), bound);
          start = Math.max(0, end - page.limit);
          const limit = Math.min(page.limit, end - start);
          const rows = await searchArticles(ctx.db, {
            query,
            language: args.language,
            offset: start,
            limit,
            rankedMatchesBound: bound,
          });
          return connection(rows, start, limit, false, "fullText", countOf(rows, total));
        }
        const request = {
          query,
          language: args.language,
          offset: start,
          limit: page.limit + 1,
          rankedMatchesBound: bound,
        };
        const rows = await searchArticles(ctx.db, request);
        // Past the first page, empty may mean the query ran out: only a query that finds nothing
        // at all is corrected (so corrected results page like any others).
        if (rows.length === 0 && isShortQuery(query) && (start === 0 || (await total()) === 0)) {
          const corrected = await correctSpelling(ctx.db, query);
          if (corrected) {
            const correctedRows = await searchArticles(ctx.db, { ...request, query: corrected });
            return connection(
              correctedRows,
              start,
              page.limit,
              true,
              "correctedSpelling",
              countOf(correctedRows, matches(corrected)),
              corrected,
            );
          }
        }
        return connection(rows, start, page.limit, true, "fullText", countOf(rows, total));
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
        allMatchesRanked: c.boolean({
          description: `Whether every match was ranked: true when the query matches at most ${boundText} articles. A search ranks at most the newest ${boundText} matches (by publication date). With more, this is false, \`totalCount\` is ${boundText} (show it as "${boundText}+"), and the pages hold those newest matches, best first: an older article that would rank higher is not among them. More words, a "phrase" or a language find fewer.`,
          resolve: (connection) => {
            const all = (connection as unknown as SearchConnectionShape).allMatchesRanked;
            return typeof all === "function" ? all() : all;
          },
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

/**
 * The connections of a search that ranks at most `bound` matches. `count` is how many articles
 * matched, counted up to `bound` + 1: the connection's totalCount is at most `bound`, and
 * allMatchesRanked says whether there were more.
 */
const connectionsUpTo = (bound: number) =>
  function connectionOf(
    rows: SearchMatch[],
    start: number,
    limit: number,
    forward: boolean,
    matchKind: MatchKind,
    count: MatchCount,
    correctedQuery: string | null = null,
  ) {
    const edges: SearchEdgeShape[] = rows.slice(0, limit).map((node, i) => ({
      cursor: encodeCursor([start + i]),
      node,
      rank: node.rank,
      snippet: highlight(node.rawSnippet),
      highlightedTitle: highlight(node.rawTitle),
    }));
    const totalCount =
      typeof count === "function" ? async () => Math.min(await count(), bound) : Math.min(count, bound);
    const allMatchesRanked =
      typeof count === "function" ? async () => (await count()) <= bound : count <= bound;
    return {
      edges,
      matchKind,
      correctedQuery,
      totalCount,
      allMatchesRanked,
      pageInfo: {
        hasNextPage: forward ? rows.length > limit : false,
        hasPreviousPage: start > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  };
