// Q5, search (issue 6): the first 10 published articles matching a web-search style query, by
// relevance among the newest 1,000 matches (issue 10), with the total (at most 1,000), whether every
// match was ranked (`allMatchesRanked`), each edge's rank and highlighted snippet. Queries rotate
// over words of the generator's vocabulary (one or two words, French and English, accents
// included).
//
// PostGraphile's generated API has no full-text search: it would take a bench-only SQL function,
// which would then measure that function more than PostGraphile. It is left out ("n/a").
// The raw ceiling runs lede's SQL (src/modules/search/search.repo.ts: websearch_to_tsquery on
// lede_fr / lede_en by each article's language, only the newest RANKED_MATCHES_BOUND (1,000)
// matches ranked, ts_rank_cd normalised by length, ts_headline on the page only) in one
// statement, counting the matches (up to the bound plus one: totalCount is capped at the bound,
// as lede's) from the same scan, and turns the headline (of the lede and the rendered body's
// text) into lede's snippet (HTML escaped, <mark>) in SQL. Like lede's, the statement is not
// prepared: PostgreSQL plans it for each query, as the number of articles a word matches decides
// the plan (the full-text index for a rare word, the newest articles for a common one).
import { vocabulary } from "../data/words.ts";
import { dataOf, defineScenario } from "./types.ts";

const FIRST = 10;

/**
 * Content words of the generator's vocabulary (from "data" / "données" on: the function words
 * before them are stopwords, which search ignores), 6 letters or more, French and English in
 * turn, with a pair of words of the same language (both must occur) after every third word. Each
 * word is in roughly half the articles of its language, so every query finds many articles and
 * ranking has work to do.
 */
function queries(limit: number): string[] {
  const content = (words: readonly string[], from: string) => [
    ...new Set(words.slice(words.indexOf(from)).filter((w) => w.length >= 6 && !w.includes("'"))),
  ];
  const languages = [content(vocabulary.fr, "données"), content(vocabulary.en, "data")];
  const out: string[] = [];
  for (let i = 0; out.length < limit && i < Math.max(...languages.map((l) => l.length)); i++) {
    for (const words of languages) {
      const word = words[i];
      if (!word) continue;
      out.push(word);
      if (i % 3 === 2) out.push(`${word} ${words[(i * 7 + 5) % words.length]}`);
    }
  }
  return [...new Set(out)].slice(0, limit);
}

const ledeQuery = `query Search($q: String!, $first: Int!) {
  search(query: $q, first: $first) {
    totalCount
    allMatchesRanked
    edges { rank snippet node { slug title } }
  }
}`;

// lede's snippet options and markers and the rendered body's text (search.repo.ts), and highlight()
// of search.graphql.ts in SQL: collapse whitespace, escape HTML, then <mark>.
const snippetOptions = `StartSel=\u0002, StopSel=\u0003, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`;
const renderedText = (html: string) =>
  `replace(replace(replace(regexp_replace(${html}, '<[^>]*>', ' ', 'g'), '&lt;', '<'), '&gt;', '>'), '&amp;', '&')`;
const highlight = (raw: string) => {
  let t = raw;
  t = `btrim(regexp_replace(${t}, '\\s+', ' ', 'g'))`;
  for (const [c, e] of [
    ["&", "&amp;"],
    ["<", "&lt;"],
    [">", "&gt;"],
    ['"', "&quot;"],
    ["''", "&#39;"],
  ])
    t = `replace(${t}, '${c}', '${e}')`;
  return `replace(replace(${t}, chr(2), '<mark>'), chr(3), '</mark>')`;
};

const tsquery = (alias: string) =>
  `(case when ${alias}.language = 'fr' then websearch_to_tsquery('lede_fr', $1) else websearch_to_tsquery('lede_en', $1) end)`;
// For ranking every match: parsed once per statement (InitPlans), not once per row, as lede does.
const onceTsquery = (alias: string) =>
  `(case when ${alias}.language = 'fr' then (select websearch_to_tsquery('lede_fr', $1)) else (select websearch_to_tsquery('lede_en', $1)) end)`;

/** lede's RANKED_MATCHES_BOUND (src/modules/search/search.repo.ts). */
const RANKED_MATCHES_BOUND = 1000;

const rawSql = `
  with bounded as (
    select a.id, a.language, a.search_vector, a.published_at
    from articles a
    where a.status in ('published') and a.deleted_at is null
      and ((a.language = 'fr' and a.search_vector @@ websearch_to_tsquery('lede_fr', $1))
        or (a.language = 'en' and a.search_vector @@ websearch_to_tsquery('lede_en', $1)))
    order by a.published_at desc, a.id desc
    limit ${RANKED_MATCHES_BOUND + 1}
  ), matches as (
    select b.id, ts_rank_cd(b.search_vector, ${onceTsquery("b")}, 1) as rank
    from (select *, row_number() over (order by published_at desc, id desc) as newness from bounded) b
    where b.newness <= ${RANKED_MATCHES_BOUND}
  ), page as (
    select a.id, a.slug, a.title, a.language, a.lede, a.body_html, m.rank
    from (select * from matches order by rank desc, id limit $2) m
    join articles a on a.id = m.id
  )
  select json_build_object('data', json_build_object('search', json_build_object(
    'totalCount', least((select count(*) from bounded), ${RANKED_MATCHES_BOUND}),
    'allMatchesRanked', (select count(*) from bounded) <= ${RANKED_MATCHES_BOUND},
    'edges', (select coalesce(json_agg(json_build_object(
        'rank', p.rank,
        'snippet', ${highlight(
          `ts_headline(case when p.language = 'fr' then 'lede_fr'::regconfig else 'lede_en'::regconfig end,
             coalesce(p.lede || ' ', '') || ${renderedText("p.body_html")}, ${tsquery("p")}, '${snippetOptions}')`,
        )},
        'node', json_build_object('slug', p.slug, 'title', p.title)) order by p.rank desc, p.id), '[]')
      from page p))))::text as body`;

interface Edge {
  rank: number;
  snippet: string;
  node: { slug: string; title: string };
}

export default defineScenario<{ q: string }>({
  id: "q5",
  name: "Q5 search",
  operationName: "Search",
  inputs: async (_sql, limit) => queries(limit).map((q) => ({ q })),
  unsupported: { postgraphile: "its generated API has no full-text search" },
  lede: { query: ledeQuery, variables: (input) => ({ q: input.q, first: FIRST }) },

  raw: async (sql, vars) => {
    // lede's normaliseQuery: control characters become spaces, trimmed, at most 200 characters.
    const q = [...String(vars.q ?? "")]
      .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? " " : c))
      .join("")
      .trim()
      .slice(0, 200);
    const first = Number(vars.first ?? FIRST);
    if (!Number.isInteger(first) || first < 0 || first > 100) throw new Error("first must be 0-100");
    // Unnamed, so planned with the query in hand (lede's search carries PLANNED_PER_RUN).
    const [row] = await sql.unsafe<{ body: string }[]>(rawSql, [q, first], { prepare: false });
    return row?.body ?? "null";
  },

  // The articles in order, the total and the snippets; ranks to 6 significant digits (a float4
  // printed by two different paths).
  normalise: (_server, body) => {
    const search = dataOf(body).search as { totalCount: number; allMatchesRanked: boolean; edges: Edge[] };
    return {
      totalCount: search.totalCount,
      allMatchesRanked: search.allMatchesRanked,
      edges: search.edges.map((e) => ({
        slug: e.node.slug,
        title: e.node.title,
        rank: Number(e.rank).toPrecision(6),
        snippet: e.snippet.replace(/\s+/g, " ").trim(),
      })),
    };
  },
});
