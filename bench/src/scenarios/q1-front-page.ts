// Q1, the front page: the 20 newest published articles, each with its primary author, its tags,
// its comment count (approved comments at every depth whose ancestors are all approved) and its
// three oldest approved top-level comments.
import { dataOf, defineScenario, nodes } from "./types.ts";

const PAGE = 20;
const FIRST_COMMENTS = 3;

interface Article {
  slug: string;
  title: string;
  author: string;
  tags: string[];
  commentCount: number;
  comments: { authorName: string; body: string }[];
}

const ledeQuery = `query FrontPage($first: Int!, $comments: Int!) {
  articles(first: $first) {
    nodes {
      slug
      title
      author { name }
      tags { slug }
      commentCount
      comments(first: $comments) { nodes { authorName body } }
    }
  }
}`;

const postgraphileQuery = `query FrontPage($first: Int!, $comments: Int!) {
  allArticles(first: $first, condition: { status: published }, orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC]) {
    nodes {
      slug
      title
      articleAuthorsByArticleId(condition: { position: 0 }) { nodes { authorByAuthorId { name } } }
      articleTagsByArticleId { nodes { tagByTagId { slug } } }
      commentCount: visibleCommentCount
      commentsByArticleId(
        first: $comments
        condition: { parentId: null, status: approved }
        orderBy: [CREATED_AT_ASC, ROW_ID_ASC]
      ) { nodes { authorName body } }
    }
  }
}`;

// Tags are a set: lede sorts them by name, the others in whatever order; compare them sorted.
const sortedTags = (slugs: string[]) => [...slugs].sort();

export default defineScenario<Record<string, never>>({
  id: "q1",
  name: "Q1 front page",
  operationName: "FrontPage",
  inputs: async () => [{}],
  // Issue 7: the same front page answered from lede's response cache (lede-cached), beside the
  // uncached lede and the raw ceiling.
  cacheHits: true,
  lede: { query: ledeQuery, variables: () => ({ first: PAGE, comments: FIRST_COMMENTS }) },
  postgraphile: { query: postgraphileQuery, variables: () => ({ first: PAGE, comments: FIRST_COMMENTS }) },

  raw: async (sql, variables) => {
    // Page sizes go into the SQL as literals (checked integers): with `limit $1`, the generic plan
    // of the prepared statement guesses 10% of the table and, on large data, sorts every article.
    const size = (value: unknown, fallback: number) => {
      const n = Number(value ?? fallback);
      if (!Number.isInteger(n) || n < 0 || n > 100) throw new Error("page size must be 0-100");
      return sql.unsafe(String(n));
    };
    const first = size(variables.first, PAGE);
    const comments = size(variables.comments, FIRST_COMMENTS);
    const [row] = await sql<{ body: string }[]>`
      with page as (
        select id, slug, title, published_at, visible_comment_count from articles
        where status = 'published'
        -- Published articles always have a date, so NULLS LAST changes nothing in the answer; it
        -- matches lede's partial index (published_at DESC NULLS LAST, id DESC NULLS LAST), which a
        -- plain DESC (NULLS FIRST) cannot use. The ceiling uses the index.
        order by published_at desc nulls last, id desc nulls last
        limit ${first}
      )
      select json_build_object('data', json_build_object('articles', json_build_object('nodes',
        coalesce(json_agg(json_build_object(
          'slug', p.slug,
          'title', p.title,
          'author', (select json_build_object('name', au.name) from article_authors aa
                     join authors au on au.id = aa.author_id
                     where aa.article_id = p.id and aa.position = 0),
          'tags', (select coalesce(json_agg(json_build_object('slug', t.slug) order by t.name, t.id), '[]')
                   from article_tags at join tags t on t.id = at.tag_id where at.article_id = p.id),
          'commentCount', p.visible_comment_count,
          'comments', json_build_object('nodes', (
             select coalesce(json_agg(json_build_object('authorName', c.author_name, 'body', c.body)
                                      order by c.created_at, c.id), '[]')
             from (select author_name, body, created_at, id from comments
                   where article_id = p.id and parent_id is null and status = 'approved'
                   order by created_at, id limit ${comments}) c))
        ) order by p.published_at desc nulls last, p.id desc nulls last), '[]'))))::text as body
      from page p`;
    return row?.body ?? "null";
  },

  normalise: (server, body) => {
    const data = dataOf(body);
    if (server === "postgraphile") {
      return nodes<Record<string, unknown>>(data.allArticles).map(
        (a): Article => ({
          slug: a.slug as string,
          title: a.title as string,
          author: nodes<{ authorByAuthorId: { name: string } }>(a.articleAuthorsByArticleId)[0]
            ?.authorByAuthorId.name as string,
          tags: sortedTags(
            nodes<{ tagByTagId: { slug: string } }>(a.articleTagsByArticleId).map((t) => t.tagByTagId.slug),
          ),
          commentCount: a.commentCount as number,
          comments: nodes<{ authorName: string; body: string }>(a.commentsByArticleId).map((c) => ({
            authorName: c.authorName,
            body: c.body,
          })),
        }),
      );
    }
    return nodes<Record<string, unknown>>(data.articles).map(
      (a): Article => ({
        slug: a.slug as string,
        title: a.title as string,
        author: (a.author as { name: string }).name,
        tags: sortedTags((a.tags as { slug: string }[]).map((t) => t.slug)),
        commentCount: a.commentCount as number,
        comments: nodes<{ authorName: string; body: string }>(a.comments).map((c) => ({
          authorName: c.authorName,
          body: c.body,
        })),
      }),
    );
  },
});
