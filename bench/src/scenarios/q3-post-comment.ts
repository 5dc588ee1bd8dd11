// Q3, posting a comment (issue 4): each request posts a new top-level comment, with a body of its
// own, on a published article open to comments, from a known commenter (an email with an approved
// comment in the data), so that lede approves it at once. Requests rotate over many commenters
// and over articles that neither Q1 (the newest) nor Q2 (its slugs) reads, so that the other
// scenarios' answers do not change while this one writes.
//
// lede applies its rules (validation, the article must be published and open, the flood check,
// the duplicate check, the known-commenter rule, cache invalidation and the commentApproved
// event). PostGraphile's generated `createComment` applies none: it inserts what it is given
// (status approved here). The raw ceiling is one INSERT … SELECT … RETURNING that checks the
// article and decides the status as lede does, for top-level comments only (no parent, empty
// ancestor_ids); no flood or duplicate check, no link counting.

import { createHash } from "node:crypto";
import { isUuid } from "../../../src/db/keyset.ts";
import { articlePageSlugs } from "./q2-article-page.ts";
import { dataOf, defineScenario, maskUnique } from "./types.ts";

interface Input {
  articleId: string;
  authorName: string;
  authorEmail: string;
}

/** Articles newer than this many are left alone (Q1 shows the newest 20). */
const NEWEST_KEPT_OFF = 200;
const ARTICLES = 20;

const BODY_PREFIX = "Bench comment";
const bodyOf = (unique: string) => `${BODY_PREFIX} ${unique}: thanks, this explained it well.`;

const articleGlobalId = (uuid: string) => Buffer.from(`Article:${uuid}`).toString("base64");

const ledeQuery = `mutation PostComment($input: PostCommentInput!) {
  postComment(input: $input) {
    __typename
    ... on PostCommentSuccess { status comment { authorName body } }
    ... on UserError { message }
  }
}`;

const postgraphileQuery = `mutation PostComment($input: CreateCommentInput!) {
  createComment(input: $input) { comment { authorName body status } }
}`;

const rawSql = `
  with article as (
    select id from articles
    where id = $1 and status = 'published' and deleted_at is null and comments_open
  ), posted as (
    insert into comments (article_id, parent_id, ancestor_ids, author_name, author_email, body, status)
    select a.id, null, '{}', $2, $3, $4,
      case when exists (select 1 from comments k
                        where lower(k.author_email) = lower($3) and k.status = 'approved')
           then 'approved'::comment_status else 'pending'::comment_status end
    from article a
    returning author_name, body, status
  )
  select json_build_object('data', json_build_object('postComment', coalesce(
    (select json_build_object('__typename', 'PostCommentSuccess', 'status', upper(p.status::text),
              'comment', json_build_object('authorName', p.author_name, 'body', p.body))
     from posted p),
    json_build_object('__typename', 'NotFound', 'message', 'No published article has this id'))))::text as body`;

export default defineScenario<Input>({
  id: "q3",
  name: "Q3 post comment",
  operationName: "PostComment",
  mutates: {
    cleanup: async (sql) => {
      await sql`delete from comments where body like ${`${BODY_PREFIX} %`}`;
    },
  },
  inputs: async (sql, limit) => {
    const keptOff = await articlePageSlugs(sql, limit);
    const articles = await sql<{ id: string }[]>`
      select id from articles
      where status = 'published' and deleted_at is null and comments_open
        and slug <> all(${keptOff})
        and id not in (select id from articles where status = 'published'
                       order by published_at desc nulls last, id desc nulls last limit ${NEWEST_KEPT_OFF})
      order by md5(slug) desc limit ${ARTICLES}`;
    // Known commenters: an approved comment each; plain ASCII addresses (lede checks the syntax).
    const commenters = await sql<{ name: string; email: string }[]>`
      select distinct on (author_email) author_name as name, author_email as email from comments
      where status = 'approved' and author_email ~ '^[a-z0-9.]+@example\\.net$'
      order by author_email, created_at`;
    const people = commenters
      .map((c) => ({ ...c, key: createHash("md5").update(c.email).digest("hex") }))
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .slice(0, Math.max(ARTICLES, limit));
    return people.map((person, k) => ({
      articleId: (articles[k % articles.length] as { id: string }).id,
      authorName: person.name,
      authorEmail: person.email,
    }));
  },
  lede: {
    query: ledeQuery,
    variables: (input, unique) => ({
      input: {
        articleId: articleGlobalId(input.articleId),
        authorName: input.authorName,
        authorEmail: input.authorEmail,
        body: bodyOf(unique),
      },
    }),
    expect: /"status"\s*:\s*"APPROVED"/,
  },
  postgraphile: {
    query: postgraphileQuery,
    variables: (input, unique) => ({
      input: {
        comment: {
          articleId: input.articleId,
          authorName: input.authorName,
          authorEmail: input.authorEmail,
          body: bodyOf(unique),
          status: "approved",
        },
      },
    }),
    expect: /"status"\s*:\s*"approved"/,
  },

  raw: async (sql, vars) => {
    const input = (vars.input ?? {}) as Record<string, string>;
    const [kind, id] = Buffer.from(String(input.articleId ?? ""), "base64")
      .toString("utf8")
      .split(":");
    const articleId = kind === "Article" && id && isUuid(id) ? id : "00000000-0000-0000-0000-000000000000";
    const [row] = await sql.unsafe<{ body: string }[]>(
      rawSql,
      [
        articleId,
        String(input.authorName).trim(),
        String(input.authorEmail).trim(),
        String(input.body).trim(),
      ],
      { prepare: true },
    );
    return row?.body ?? "null";
  },

  // Ids and dates differ by nature: compare what was posted and how it was moderated.
  normalise: (server, body) => {
    const data = dataOf(body);
    if (server === "postgraphile") {
      const c = (data.createComment as { comment: Record<string, string> | null } | null)?.comment;
      if (!c) return null;
      return {
        result: "PostCommentSuccess",
        status: String(c.status).toUpperCase(),
        authorName: c.authorName,
        body: maskUnique(c.body as string),
      };
    }
    const r = data.postComment as Record<string, unknown>;
    const c = r.comment as Record<string, string> | undefined;
    return {
      result: r.__typename,
      status: r.status ?? null,
      authorName: c?.authorName ?? null,
      body: c ? maskUnique(c.body as string) : (r.message ?? null),
    };
  },
});
