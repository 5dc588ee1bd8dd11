// Q2, the article page by slug, slugs rotating over many published articles: title, body HTML,
// quotes in position order, sources, the first 20 approved top-level comments oldest first, and
// two levels of approved replies under them (first 20 each).
import type postgres from "postgres";
import { dataOf, defineScenario, instant, nodes } from "./types.ts";

const COMMENTS = 20;
const REPLIES = 20;

interface Comment {
  authorName: string;
  body: string;
  createdAt: string;
  replies?: Comment[];
}

const ledeQuery = `query ArticlePage($slug: String!, $comments: Int!, $replies: Int!) {
  article(slug: $slug) {
    title
    bodyHtml
    quotes { text speaker speakerRole }
    sources { title publisher url }
    comments(first: $comments) {
      nodes {
        authorName body createdAt
        replies(first: $replies) {
          nodes {
            authorName body createdAt
            replies(first: $replies) { nodes { authorName body createdAt } }
          }
        }
      }
    }
  }
}`;

const postgraphileQuery = `query ArticlePage($slug: String!, $comments: Int!, $replies: Int!) {
  articleBySlug(slug: $slug) {
    title
    bodyHtml
    quotesByArticleId(orderBy: [POSITION_ASC, ROW_ID_ASC]) { nodes { text speaker speakerRole } }
    sourcesByArticleId(orderBy: [POSITION_ASC, ROW_ID_ASC]) { nodes { title publisher url } }
    commentsByArticleId(
      first: $comments
      condition: { parentId: null, status: approved }
      orderBy: [CREATED_AT_ASC, ROW_ID_ASC]
    ) {
      nodes {
        authorName body createdAt
        commentsByParentId(first: $replies, condition: { status: approved }, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
          nodes {
            authorName body createdAt
            commentsByParentId(first: $replies, condition: { status: approved }, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
              nodes { authorName body createdAt }
            }
          }
        }
      }
    }
  }
}`;

const variables = (input: { slug: string }) => ({ slug: input.slug, comments: COMMENTS, replies: REPLIES });

type RawComment = { authorName: string; body: string; createdAt: string } & Record<string, unknown>;

function comments(list: RawComment[], repliesField: string, depth: number): Comment[] {
  return list.map((c) => ({
    authorName: c.authorName,
    body: c.body,
    createdAt: instant(c.createdAt),
    ...(depth < 2 && { replies: comments(nodes<RawComment>(c[repliesField]), repliesField, depth + 1) }),
  }));
}

// Three levels of approved comments, each level a page of at most $2 or $3 rows oldest first,
// JSON-aggregated by PostgreSQL into lede's response shape in one statement.
const commentJson = (alias: string, replies: string) =>
  `json_build_object('authorName', ${alias}.author_name, 'body', ${alias}.body, 'createdAt', ${alias}.created_at${
    replies ? `, 'replies', json_build_object('nodes', (${replies}))` : ""
  })`;
const page = (alias: string, where: string, limit: string, replies: string) => `
  select coalesce(json_agg(${commentJson(alias, replies)} order by ${alias}.created_at, ${alias}.id), '[]')
  from (select id, author_name, body, created_at from comments
        where ${where} and status = 'approved'
        order by created_at, id limit ${limit}) ${alias}`;

const level2 = page("c2", "parent_id = c1.id", "$3", "");
const level1 = page("c1", "parent_id = c0.id", "$3", level2);
const level0 = page("c0", "article_id = a.id and parent_id is null", "$2", level1);

const rawSql = `
  select json_build_object('data', json_build_object('article', (
    select json_build_object(
      'title', a.title,
      'bodyHtml', a.body_html,
      'quotes', (select coalesce(json_agg(json_build_object('text', q.text, 'speaker', q.speaker,
                   'speakerRole', q.speaker_role) order by q.position, q.id), '[]')
                 from quotes q where q.article_id = a.id),
      'sources', (select coalesce(json_agg(json_build_object('title', s.title, 'publisher', s.publisher,
                   'url', s.url) order by s.position, s.id), '[]')
                  from sources s where s.article_id = a.id),
      'comments', json_build_object('nodes', (${level0})))
    from articles a where a.slug = $1 and a.status = 'published')))::text as body`;

/**
 * The slugs Q2 rotates over: the three most-commented published articles first (they exercise
 * every page limit), then a fixed pseudo-random sample. Exported for Q3, which keeps off them.
 */
export async function articlePageSlugs(sql: postgres.Sql, limit: number): Promise<string[]> {
  const rows = await sql<{ slug: string }[]>`
    (select a.slug from articles a where a.status = 'published'
      order by (select count(*) from comments c where c.article_id = a.id) desc, a.slug limit 3)
    union all
    (select slug from articles where status = 'published' order by md5(slug) limit ${limit})`;
  return [...new Set(rows.map((r) => r.slug))].slice(0, limit);
}

export default defineScenario<{ slug: string }>({
  id: "q2",
  name: "Q2 article page",
  operationName: "ArticlePage",
  inputs: async (sql, limit) => (await articlePageSlugs(sql, limit)).map((slug) => ({ slug })),
  lede: { query: ledeQuery, variables },
  postgraphile: { query: postgraphileQuery, variables },

  raw: async (sql, vars) => {
    const [row] = await sql.unsafe<{ body: string }[]>(
      rawSql,
      [String(vars.slug), Number(vars.comments ?? COMMENTS), Number(vars.replies ?? REPLIES)],
      { prepare: true },
    );
    return row?.body ?? "null";
  },

  normalise: (server, body) => {
    const data = dataOf(body);
    if (server === "postgraphile") {
      const a = data.articleBySlug as Record<string, unknown> | null;
      if (!a) return null;
      return {
        title: a.title,
        bodyHtml: a.bodyHtml,
        quotes: nodes(a.quotesByArticleId),
        sources: nodes(a.sourcesByArticleId),
        comments: comments(nodes<RawComment>(a.commentsByArticleId), "commentsByParentId", 0),
      };
    }
    const a = data.article as Record<string, unknown> | null;
    if (!a) return null;
    return {
      title: a.title,
      bodyHtml: a.bodyHtml,
      quotes: a.quotes,
      sources: a.sources,
      comments: comments(nodes<RawComment>(a.comments), "replies", 0),
    };
  },
});
