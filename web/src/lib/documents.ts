// Every operation the reader site sends. GraphQL Code Generator turns each into a typed document
// (src/gql/) and a line of persisted-documents.json: at run time only the hash goes to lede.
import { graphql } from "../gql/index.ts";

export const ArticleCardFields = graphql(`
  fragment ArticleCardFields on Article {
    id
    slug
    language
    title
    lede
    publishedAt
    readingTimeMinutes
    commentCount
    authors { slug name }
    tags { slug name }
    coverImage {
      alt
      decorative
      width
      height
      src: url(width: 640)
      srcset
      avif: srcset(format: AVIF)
      webp: srcset(format: WEBP)
    }
  }
`);

export const FrontPageQuery = graphql(`
  query WebFrontPage($language: Language!, $after: String) {
    articles(first: 12, after: $after, filter: { language: $language }) {
      pageInfo { hasNextPage endCursor }
      nodes { ...ArticleCardFields }
    }
  }
`);

export const TagPageQuery = graphql(`
  query WebTagPage($slug: String!, $language: Language!, $after: String) {
    tag(slug: $slug) { name slug }
    articles(first: 12, after: $after, filter: { tag: $slug, language: $language }) {
      pageInfo { hasNextPage endCursor }
      nodes { ...ArticleCardFields }
    }
  }
`);

export const AuthorPageQuery = graphql(`
  query WebAuthorPage($slug: String!, $after: String) {
    author(slug: $slug) {
      slug
      name
      bio
      jobTitle
      avatarUrl
      links { label url }
      articles(first: 12, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ...ArticleCardFields }
      }
    }
  }
`);

export const SearchPageQuery = graphql(`
  query WebSearchPage($query: String!, $language: Language, $after: String) {
    search(query: $query, language: $language, first: 10, after: $after) {
      totalCount
      allMatchesRanked
      matchKind
      correctedQuery
      pageInfo { hasNextPage endCursor }
      edges {
        highlightedTitle
        snippet
        node { slug language publishedAt authors { slug name } }
      }
    }
  }
`);

export const CommentFields = graphql(`
  fragment CommentFields on Comment {
    id
    authorName
    authorUrl
    body
    createdAt
    replyCount
  }
`);

// A comment and four levels of replies under it: five levels with the comment, as the page shows
// them (lede's cost limit bounds one query: 6, 3, 3 and 2 replies a level).
export const CommentTree = graphql(`
  fragment CommentTree on Comment {
    ...CommentFields
    replies(first: 6) {
      nodes {
        ...CommentFields
        replies(first: 3) {
          nodes {
            ...CommentFields
            replies(first: 3) {
              nodes {
                ...CommentFields
                replies(first: 2) { nodes { ...CommentFields } }
              }
            }
          }
        }
      }
    }
  }
`);

export const ArticlePageQuery = graphql(`
  query WebArticlePage($slug: String!, $commentsAfter: String) {
    article(slug: $slug) {
      id
      slug
      language
      title
      lede
      bodyHtml
      publishedAt
      updatedAt
      readingTimeMinutes
      commentsOpen
      commentCount
      authors { slug name jobTitle }
      tags { slug name }
      quotes { id text speaker speakerRole }
      sources { title publisher url }
      coverImage {
        alt
        decorative
        width
        height
        caption
        credit
        src: url(width: 1280)
        srcset
        avif: srcset(format: AVIF)
        webp: srcset(format: WEBP)
      }
      comments(first: 20, after: $commentsAfter) {
        pageInfo { hasNextPage endCursor }
        nodes { ...CommentTree }
      }
    }
  }
`);

export const PostCommentMutation = graphql(`
  mutation WebPostComment($input: PostCommentInput!) {
    postComment(input: $input) {
      __typename
      ... on PostCommentSuccess { status comment { id } }
      ... on ValidationError { message issues { field message } }
      ... on RateLimited { message retryAfterSeconds }
      ... on CommentsClosed { message }
      ... on NotFound { message }
    }
  }
`);

export const NewsletterPageQuery = graphql(`
  query WebNewsletterPage($language: Language!) {
    newsletterConsent(language: $language) { text version }
    tags { slug name }
  }
`);

export const SubscribeMutation = graphql(`
  mutation WebSubscribe($input: SubscribeToNewsletterInput!) {
    subscribeToNewsletter(input: $input) {
      __typename
      ... on ValidationError { message issues { field message } }
      ... on RateLimited { message retryAfterSeconds }
    }
  }
`);

export const CommentAddedSubscription = graphql(`
  subscription WebCommentAdded($articleId: ID!, $after: ID) {
    commentAdded(articleId: $articleId, after: $after) {
      ...CommentFields
      parent { id }
    }
  }
`);

// One thread on its own page: a comment and its replies, for threads longer or deeper than the
// article page shows.
export const CommentThreadQuery = graphql(`
  query WebCommentThread($id: ID!) {
    node(id: $id) {
      __typename
      ... on Comment {
        ...CommentFields
        article { slug language title commentsOpen }
        replies(first: 20) { nodes { ...CommentTree } }
      }
    }
  }
`);
