/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query FrontPage($first: Int!) {\n    articles(first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        slug\n        title\n        lede\n        publishedAt\n        author { name }\n        tags { slug name }\n        commentCount\n        comments(first: 3) { nodes { authorName body createdAt } }\n      }\n    }\n  }\n": typeof types.FrontPageDocument,
    "\n  query ArticlePage($slug: String!) {\n    article(slug: $slug) {\n      title\n      lede\n      bodyHtml\n      readingTimeMinutes\n      author { name jobTitle }\n      quotes { text speaker speakerRole }\n      sources { title publisher url }\n      commentCount\n      commentsOpen\n      comments(first: 20) {\n        totalCount\n        nodes {\n          authorName\n          body\n          replyCount\n          replies(first: 20) {\n            nodes {\n              body\n              replies(first: 20) { nodes { body } }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ArticlePageDocument,
    "\n  query ArticleList($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug language publishedAt status authors { slug } tags { slug } } }\n    }\n  }\n": typeof types.ArticleListDocument,
    "\n  query ArticleBySlug($slug: String!) {\n    article(slug: $slug) { slug status title body bodyHtml }\n  }\n": typeof types.ArticleBySlugDocument,
    "\n  query Viewer {\n    viewer { id name role }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  query FrontPage($first: Int!) {\n    articles(first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        slug\n        title\n        lede\n        publishedAt\n        author { name }\n        tags { slug name }\n        commentCount\n        comments(first: 3) { nodes { authorName body createdAt } }\n      }\n    }\n  }\n": types.FrontPageDocument,
    "\n  query ArticlePage($slug: String!) {\n    article(slug: $slug) {\n      title\n      lede\n      bodyHtml\n      readingTimeMinutes\n      author { name jobTitle }\n      quotes { text speaker speakerRole }\n      sources { title publisher url }\n      commentCount\n      commentsOpen\n      comments(first: 20) {\n        totalCount\n        nodes {\n          authorName\n          body\n          replyCount\n          replies(first: 20) {\n            nodes {\n              body\n              replies(first: 20) { nodes { body } }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ArticlePageDocument,
    "\n  query ArticleList($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug language publishedAt status authors { slug } tags { slug } } }\n    }\n  }\n": types.ArticleListDocument,
    "\n  query ArticleBySlug($slug: String!) {\n    article(slug: $slug) { slug status title body bodyHtml }\n  }\n": types.ArticleBySlugDocument,
    "\n  query Viewer {\n    viewer { id name role }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FrontPage($first: Int!) {\n    articles(first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        slug\n        title\n        lede\n        publishedAt\n        author { name }\n        tags { slug name }\n        commentCount\n        comments(first: 3) { nodes { authorName body createdAt } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FrontPage($first: Int!) {\n    articles(first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        slug\n        title\n        lede\n        publishedAt\n        author { name }\n        tags { slug name }\n        commentCount\n        comments(first: 3) { nodes { authorName body createdAt } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticlePage($slug: String!) {\n    article(slug: $slug) {\n      title\n      lede\n      bodyHtml\n      readingTimeMinutes\n      author { name jobTitle }\n      quotes { text speaker speakerRole }\n      sources { title publisher url }\n      commentCount\n      commentsOpen\n      comments(first: 20) {\n        totalCount\n        nodes {\n          authorName\n          body\n          replyCount\n          replies(first: 20) {\n            nodes {\n              body\n              replies(first: 20) { nodes { body } }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticlePage($slug: String!) {\n    article(slug: $slug) {\n      title\n      lede\n      bodyHtml\n      readingTimeMinutes\n      author { name jobTitle }\n      quotes { text speaker speakerRole }\n      sources { title publisher url }\n      commentCount\n      commentsOpen\n      comments(first: 20) {\n        totalCount\n        nodes {\n          authorName\n          body\n          replyCount\n          replies(first: 20) {\n            nodes {\n              body\n              replies(first: 20) { nodes { body } }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleList($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug language publishedAt status authors { slug } tags { slug } } }\n    }\n  }\n"): (typeof documents)["\n  query ArticleList($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug language publishedAt status authors { slug } tags { slug } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleBySlug($slug: String!) {\n    article(slug: $slug) { slug status title body bodyHtml }\n  }\n"): (typeof documents)["\n  query ArticleBySlug($slug: String!) {\n    article(slug: $slug) { slug status title body bodyHtml }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer { id name role }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer { id name role }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;