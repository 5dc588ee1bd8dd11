/* eslint-disable */
import * as types from './graphql';
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
    "\n  fragment ArticleCardFields on Article {\n    id\n    slug\n    language\n    title\n    lede\n    publishedAt\n    readingTimeMinutes\n    commentCount\n    authors { slug name }\n    tags { slug name }\n    coverImage {\n      alt\n      decorative\n      width\n      height\n      src: url(width: 640)\n      srcset\n      avif: srcset(format: AVIF)\n      webp: srcset(format: WEBP)\n    }\n  }\n": typeof types.ArticleCardFieldsFragmentDoc,
    "\n  query WebFrontPage($language: Language!, $after: String) {\n    articles(first: 12, after: $after, filter: { language: $language }) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ArticleCardFields }\n    }\n  }\n": typeof types.WebFrontPageDocument,
    "\n  query WebTagPage($slug: String!, $language: Language!, $after: String) {\n    tag(slug: $slug) { name slug }\n    articles(first: 12, after: $after, filter: { tag: $slug, language: $language }) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ArticleCardFields }\n    }\n  }\n": typeof types.WebTagPageDocument,
    "\n  query WebAuthorPage($slug: String!, $after: String) {\n    author(slug: $slug) {\n      slug\n      name\n      bio\n      jobTitle\n      avatarUrl\n      links { label url }\n      articles(first: 12, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes { ...ArticleCardFields }\n      }\n    }\n  }\n": typeof types.WebAuthorPageDocument,
    "\n  query WebSearchPage($query: String!, $language: Language, $after: String) {\n    search(query: $query, language: $language, first: 10, after: $after) {\n      totalCount\n      allMatchesRanked\n      matchKind\n      correctedQuery\n      pageInfo { hasNextPage endCursor }\n      edges {\n        highlightedTitle\n        snippet\n        node { slug language publishedAt authors { slug name } }\n      }\n    }\n  }\n": typeof types.WebSearchPageDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    authorName\n    authorUrl\n    body\n    createdAt\n    replyCount\n  }\n": typeof types.CommentFieldsFragmentDoc,
    "\n  fragment CommentTree on Comment {\n    ...CommentFields\n    replies(first: 6) {\n      nodes {\n        ...CommentFields\n        replies(first: 3) {\n          nodes {\n            ...CommentFields\n            replies(first: 3) {\n              nodes {\n                ...CommentFields\n                replies(first: 2) { nodes { ...CommentFields } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CommentTreeFragmentDoc,
    "\n  query WebArticlePage($slug: String!, $commentsAfter: String) {\n    article(slug: $slug) {\n      id\n      slug\n      language\n      title\n      lede\n      bodyHtml\n      publishedAt\n      updatedAt\n      readingTimeMinutes\n      commentsOpen\n      commentCount\n      authors { slug name jobTitle }\n      tags { slug name }\n      quotes { id text speaker speakerRole }\n      sources { title publisher url }\n      coverImage {\n        alt\n        decorative\n        width\n        height\n        caption\n        credit\n        src: url(width: 1280)\n        srcset\n        avif: srcset(format: AVIF)\n        webp: srcset(format: WEBP)\n      }\n      comments(first: 20, after: $commentsAfter) {\n        pageInfo { hasNextPage endCursor }\n        nodes { ...CommentTree }\n      }\n    }\n  }\n": typeof types.WebArticlePageDocument,
    "\n  mutation WebPostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id } }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAfterSeconds }\n      ... on CommentsClosed { message }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.WebPostCommentDocument,
    "\n  query WebNewsletterPage($language: Language!) {\n    newsletterConsent(language: $language) { text version }\n    tags { slug name }\n  }\n": typeof types.WebNewsletterPageDocument,
    "\n  mutation WebSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) {\n      __typename\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAfterSeconds }\n    }\n  }\n": typeof types.WebSubscribeDocument,
    "\n  subscription WebCommentAdded($articleId: ID!, $after: ID) {\n    commentAdded(articleId: $articleId, after: $after) {\n      ...CommentFields\n      parent { id }\n    }\n  }\n": typeof types.WebCommentAddedDocument,
    "\n  query WebCommentThread($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Comment {\n        ...CommentFields\n        article { slug language title commentsOpen }\n        replies(first: 20) { nodes { ...CommentTree } }\n      }\n    }\n  }\n": typeof types.WebCommentThreadDocument,
};
const documents: Documents = {
    "\n  fragment ArticleCardFields on Article {\n    id\n    slug\n    language\n    title\n    lede\n    publishedAt\n    readingTimeMinutes\n    commentCount\n    authors { slug name }\n    tags { slug name }\n    coverImage {\n      alt\n      decorative\n      width\n      height\n      src: url(width: 640)\n      srcset\n      avif: srcset(format: AVIF)\n      webp: srcset(format: WEBP)\n    }\n  }\n": types.ArticleCardFieldsFragmentDoc,
    "\n  query WebFrontPage($language: Language!, $after: String) {\n    articles(first: 12, after: $after, filter: { language: $language }) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ArticleCardFields }\n    }\n  }\n": types.WebFrontPageDocument,
    "\n  query WebTagPage($slug: String!, $language: Language!, $after: String) {\n    tag(slug: $slug) { name slug }\n    articles(first: 12, after: $after, filter: { tag: $slug, language: $language }) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ArticleCardFields }\n    }\n  }\n": types.WebTagPageDocument,
    "\n  query WebAuthorPage($slug: String!, $after: String) {\n    author(slug: $slug) {\n      slug\n      name\n      bio\n      jobTitle\n      avatarUrl\n      links { label url }\n      articles(first: 12, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes { ...ArticleCardFields }\n      }\n    }\n  }\n": types.WebAuthorPageDocument,
    "\n  query WebSearchPage($query: String!, $language: Language, $after: String) {\n    search(query: $query, language: $language, first: 10, after: $after) {\n      totalCount\n      allMatchesRanked\n      matchKind\n      correctedQuery\n      pageInfo { hasNextPage endCursor }\n      edges {\n        highlightedTitle\n        snippet\n        node { slug language publishedAt authors { slug name } }\n      }\n    }\n  }\n": types.WebSearchPageDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    authorName\n    authorUrl\n    body\n    createdAt\n    replyCount\n  }\n": types.CommentFieldsFragmentDoc,
    "\n  fragment CommentTree on Comment {\n    ...CommentFields\n    replies(first: 6) {\n      nodes {\n        ...CommentFields\n        replies(first: 3) {\n          nodes {\n            ...CommentFields\n            replies(first: 3) {\n              nodes {\n                ...CommentFields\n                replies(first: 2) { nodes { ...CommentFields } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CommentTreeFragmentDoc,
    "\n  query WebArticlePage($slug: String!, $commentsAfter: String) {\n    article(slug: $slug) {\n      id\n      slug\n      language\n      title\n      lede\n      bodyHtml\n      publishedAt\n      updatedAt\n      readingTimeMinutes\n      commentsOpen\n      commentCount\n      authors { slug name jobTitle }\n      tags { slug name }\n      quotes { id text speaker speakerRole }\n      sources { title publisher url }\n      coverImage {\n        alt\n        decorative\n        width\n        height\n        caption\n        credit\n        src: url(width: 1280)\n        srcset\n        avif: srcset(format: AVIF)\n        webp: srcset(format: WEBP)\n      }\n      comments(first: 20, after: $commentsAfter) {\n        pageInfo { hasNextPage endCursor }\n        nodes { ...CommentTree }\n      }\n    }\n  }\n": types.WebArticlePageDocument,
    "\n  mutation WebPostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id } }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAfterSeconds }\n      ... on CommentsClosed { message }\n      ... on NotFound { message }\n    }\n  }\n": types.WebPostCommentDocument,
    "\n  query WebNewsletterPage($language: Language!) {\n    newsletterConsent(language: $language) { text version }\n    tags { slug name }\n  }\n": types.WebNewsletterPageDocument,
    "\n  mutation WebSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) {\n      __typename\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAfterSeconds }\n    }\n  }\n": types.WebSubscribeDocument,
    "\n  subscription WebCommentAdded($articleId: ID!, $after: ID) {\n    commentAdded(articleId: $articleId, after: $after) {\n      ...CommentFields\n      parent { id }\n    }\n  }\n": types.WebCommentAddedDocument,
    "\n  query WebCommentThread($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Comment {\n        ...CommentFields\n        article { slug language title commentsOpen }\n        replies(first: 20) { nodes { ...CommentTree } }\n      }\n    }\n  }\n": types.WebCommentThreadDocument,
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
export function graphql(source: "\n  fragment ArticleCardFields on Article {\n    id\n    slug\n    language\n    title\n    lede\n    publishedAt\n    readingTimeMinutes\n    commentCount\n    authors { slug name }\n    tags { slug name }\n    coverImage {\n      alt\n      decorative\n      width\n      height\n      src: url(width: 640)\n      srcset\n      avif: srcset(format: AVIF)\n      webp: srcset(format: WEBP)\n    }\n  }\n"): (typeof documents)["\n  fragment ArticleCardFields on Article {\n    id\n    slug\n    language\n    title\n    lede\n    publishedAt\n    readingTimeMinutes\n    commentCount\n    authors { slug name }\n    tags { slug name }\n    coverImage {\n      alt\n      decorative\n      width\n      height\n      src: url(width: 640)\n      srcset\n      avif: srcset(format: AVIF)\n      webp: srcset(format: WEBP)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebFrontPage($language: Language!, $after: String) {\n    articles(first: 12, after: $after, filter: { language: $language }) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ArticleCardFields }\n    }\n  }\n"): (typeof documents)["\n  query WebFrontPage($language: Language!, $after: String) {\n    articles(first: 12, after: $after, filter: { language: $language }) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ArticleCardFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebTagPage($slug: String!, $language: Language!, $after: String) {\n    tag(slug: $slug) { name slug }\n    articles(first: 12, after: $after, filter: { tag: $slug, language: $language }) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ArticleCardFields }\n    }\n  }\n"): (typeof documents)["\n  query WebTagPage($slug: String!, $language: Language!, $after: String) {\n    tag(slug: $slug) { name slug }\n    articles(first: 12, after: $after, filter: { tag: $slug, language: $language }) {\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ArticleCardFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebAuthorPage($slug: String!, $after: String) {\n    author(slug: $slug) {\n      slug\n      name\n      bio\n      jobTitle\n      avatarUrl\n      links { label url }\n      articles(first: 12, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes { ...ArticleCardFields }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebAuthorPage($slug: String!, $after: String) {\n    author(slug: $slug) {\n      slug\n      name\n      bio\n      jobTitle\n      avatarUrl\n      links { label url }\n      articles(first: 12, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes { ...ArticleCardFields }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebSearchPage($query: String!, $language: Language, $after: String) {\n    search(query: $query, language: $language, first: 10, after: $after) {\n      totalCount\n      allMatchesRanked\n      matchKind\n      correctedQuery\n      pageInfo { hasNextPage endCursor }\n      edges {\n        highlightedTitle\n        snippet\n        node { slug language publishedAt authors { slug name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebSearchPage($query: String!, $language: Language, $after: String) {\n    search(query: $query, language: $language, first: 10, after: $after) {\n      totalCount\n      allMatchesRanked\n      matchKind\n      correctedQuery\n      pageInfo { hasNextPage endCursor }\n      edges {\n        highlightedTitle\n        snippet\n        node { slug language publishedAt authors { slug name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id\n    authorName\n    authorUrl\n    body\n    createdAt\n    replyCount\n  }\n"): (typeof documents)["\n  fragment CommentFields on Comment {\n    id\n    authorName\n    authorUrl\n    body\n    createdAt\n    replyCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentTree on Comment {\n    ...CommentFields\n    replies(first: 6) {\n      nodes {\n        ...CommentFields\n        replies(first: 3) {\n          nodes {\n            ...CommentFields\n            replies(first: 3) {\n              nodes {\n                ...CommentFields\n                replies(first: 2) { nodes { ...CommentFields } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CommentTree on Comment {\n    ...CommentFields\n    replies(first: 6) {\n      nodes {\n        ...CommentFields\n        replies(first: 3) {\n          nodes {\n            ...CommentFields\n            replies(first: 3) {\n              nodes {\n                ...CommentFields\n                replies(first: 2) { nodes { ...CommentFields } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebArticlePage($slug: String!, $commentsAfter: String) {\n    article(slug: $slug) {\n      id\n      slug\n      language\n      title\n      lede\n      bodyHtml\n      publishedAt\n      updatedAt\n      readingTimeMinutes\n      commentsOpen\n      commentCount\n      authors { slug name jobTitle }\n      tags { slug name }\n      quotes { id text speaker speakerRole }\n      sources { title publisher url }\n      coverImage {\n        alt\n        decorative\n        width\n        height\n        caption\n        credit\n        src: url(width: 1280)\n        srcset\n        avif: srcset(format: AVIF)\n        webp: srcset(format: WEBP)\n      }\n      comments(first: 20, after: $commentsAfter) {\n        pageInfo { hasNextPage endCursor }\n        nodes { ...CommentTree }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebArticlePage($slug: String!, $commentsAfter: String) {\n    article(slug: $slug) {\n      id\n      slug\n      language\n      title\n      lede\n      bodyHtml\n      publishedAt\n      updatedAt\n      readingTimeMinutes\n      commentsOpen\n      commentCount\n      authors { slug name jobTitle }\n      tags { slug name }\n      quotes { id text speaker speakerRole }\n      sources { title publisher url }\n      coverImage {\n        alt\n        decorative\n        width\n        height\n        caption\n        credit\n        src: url(width: 1280)\n        srcset\n        avif: srcset(format: AVIF)\n        webp: srcset(format: WEBP)\n      }\n      comments(first: 20, after: $commentsAfter) {\n        pageInfo { hasNextPage endCursor }\n        nodes { ...CommentTree }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebPostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id } }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAfterSeconds }\n      ... on CommentsClosed { message }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation WebPostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id } }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAfterSeconds }\n      ... on CommentsClosed { message }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebNewsletterPage($language: Language!) {\n    newsletterConsent(language: $language) { text version }\n    tags { slug name }\n  }\n"): (typeof documents)["\n  query WebNewsletterPage($language: Language!) {\n    newsletterConsent(language: $language) { text version }\n    tags { slug name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) {\n      __typename\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAfterSeconds }\n    }\n  }\n"): (typeof documents)["\n  mutation WebSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) {\n      __typename\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAfterSeconds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WebCommentAdded($articleId: ID!, $after: ID) {\n    commentAdded(articleId: $articleId, after: $after) {\n      ...CommentFields\n      parent { id }\n    }\n  }\n"): (typeof documents)["\n  subscription WebCommentAdded($articleId: ID!, $after: ID) {\n    commentAdded(articleId: $articleId, after: $after) {\n      ...CommentFields\n      parent { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebCommentThread($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Comment {\n        ...CommentFields\n        article { slug language title commentsOpen }\n        replies(first: 20) { nodes { ...CommentTree } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebCommentThread($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Comment {\n        ...CommentFields\n        article { slug language title commentsOpen }\n        replies(first: 20) { nodes { ...CommentTree } }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;