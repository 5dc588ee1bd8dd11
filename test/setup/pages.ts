// The two pages a reader's site asks for most, shared by the tests that count their statements
// (articles.test.ts) and that snapshot them (sql-snapshots.test.ts).
import { graphql } from "../generated/gql.ts";

export const FrontPage = graphql(`
  query FrontPage($first: Int!) {
    articles(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        slug
        title
        lede
        publishedAt
        author { name }
        tags { slug name }
        commentCount
        comments(first: 3) { nodes { authorName body createdAt } }
      }
    }
  }
`);

export const ArticlePage = graphql(`
  query ArticlePage($slug: String!) {
    article(slug: $slug) {
      title
      lede
      bodyHtml
      readingTimeMinutes
      author { name jobTitle }
      quotes { text speaker speakerRole }
      sources { title publisher url }
      commentCount
      commentsOpen
      comments(first: 20) {
        totalCount
        nodes {
          authorName
          body
          replyCount
          replies(first: 20) {
            nodes {
              body
              replies(first: 20) { nodes { body } }
            }
          }
        }
      }
    }
  }
`);

/** The slug of a demo article with quotes, sources and more than 20 comments with replies. */
export const busyArticleSlug =
  "quillstones-coding-assistant-now-writes-tests-by-default-and-developers-are-split";
