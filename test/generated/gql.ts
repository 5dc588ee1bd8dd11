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
    "\n  query FrontPageNoTotal($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          slug\n          ... on Article { author { name } tags { slug } }\n          ...Counted\n          comments(first: 3) { nodes { authorName body } }\n        }\n      }\n    }\n  }\n  fragment Counted on Article { commentCount }\n": typeof types.FrontPageNoTotalDocument,
    "\n  query ArticleList($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug language publishedAt status authors { slug } tags { slug } } }\n    }\n  }\n": typeof types.ArticleListDocument,
    "\n  query ArticleListBodies($first: Int!) {\n    articles(first: $first) { nodes { slug body bodyHtml } }\n  }\n": typeof types.ArticleListBodiesDocument,
    "\n  query ArticleBySlug($slug: String!) {\n    article(slug: $slug) { slug status title body bodyHtml }\n  }\n": typeof types.ArticleBySlugDocument,
    "\n  query BadInputArticles($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { slug }\n    }\n  }\n": typeof types.BadInputArticlesDocument,
    "\n  query BadInputComments($slug: String!, $first: Int, $last: Int, $after: String, $before: String) {\n    article(slug: $slug) {\n      comments(first: $first, last: $last, after: $after, before: $before) {\n        totalCount\n        pageInfo { startCursor endCursor }\n        nodes { body }\n      }\n    }\n  }\n": typeof types.BadInputCommentsDocument,
    "\n  query BadInputReplies($slug: String!, $first: Int, $last: Int, $after: String, $before: String) {\n    article(slug: $slug) {\n      comments(first: 1) {\n        nodes {\n          replies(first: $first, last: $last, after: $after, before: $before) {\n            totalCount\n            pageInfo { startCursor endCursor }\n            nodes { body }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BadInputRepliesDocument,
    "\n  query BadInputQuotes($first: Int, $last: Int, $after: String, $before: String) {\n    quotes(first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { text }\n    }\n  }\n": typeof types.BadInputQuotesDocument,
    "\n  query BadInputAuthors($first: Int, $last: Int, $after: String, $before: String) {\n    authors(first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { slug }\n    }\n  }\n": typeof types.BadInputAuthorsDocument,
    "\n  query CachedPage($slug: String!) {\n    article(slug: $slug) { title commentCount comments(first: 50) { nodes { body } } }\n  }\n": typeof types.CachedPageDocument,
    "\n  mutation CachePost($input: PostCommentInput!) {\n    postComment(input: $input) { __typename ... on PostCommentSuccess { status comment { id } } }\n  }\n": typeof types.CachePostDocument,
    "\n  mutation CacheModerate($input: ModerateCommentInput!) {\n    moderateComment(input: $input) { __typename }\n  }\n": typeof types.CacheModerateDocument,
    "\n  query PersistedTags {\n    tags { slug }\n  }\n": typeof types.PersistedTagsDocument,
    "\n  query CatalogAuthor($slug: String!) {\n    author(slug: $slug) {\n      id\n      slug\n      name\n      bio\n      avatarUrl\n      jobTitle\n      links { label url }\n    }\n  }\n": typeof types.CatalogAuthorDocument,
    "\n  query CatalogAuthors($first: Int, $after: String, $last: Int, $before: String) {\n    authors(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug name } }\n    }\n  }\n": typeof types.CatalogAuthorsDocument,
    "\n  query CatalogAuthorArticles($slug: String!, $first: Int, $after: String) {\n    author(slug: $slug) {\n      slug\n      articles(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { slug status publishedAt authors { slug } }\n      }\n    }\n  }\n": typeof types.CatalogAuthorArticlesDocument,
    "\n  query CatalogTag($slug: String!, $first: Int) {\n    tag(slug: $slug) {\n      id\n      slug\n      name\n      articles(first: $first) {\n        totalCount\n        nodes { slug publishedAt tags { slug } }\n      }\n    }\n  }\n": typeof types.CatalogTagDocument,
    "\n  query CatalogTags {\n    tags { id slug name }\n  }\n": typeof types.CatalogTagsDocument,
    "\n  query CatalogQuotes($speaker: String, $first: Int, $after: String, $last: Int, $before: String) {\n    quotes(speaker: $speaker, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node {\n          id\n          text\n          speaker\n          speakerRole\n          article { slug status publishedAt quotes { id } }\n        }\n      }\n    }\n  }\n": typeof types.CatalogQuotesDocument,
    "\n  query CatalogArticleParts($slug: String!) {\n    article(slug: $slug) {\n      quotes { text speaker speakerRole }\n      sources { title publisher url }\n    }\n  }\n": typeof types.CatalogArticlePartsDocument,
    "\n  query AuthorsWithArticles($first: Int!) {\n    authors(first: $first) {\n      nodes {\n        slug\n        articles(first: 3) { totalCount nodes { slug author { name } tags { slug } commentCount } }\n      }\n    }\n    tags { slug articles(first: 2) { totalCount nodes { slug } } }\n  }\n": typeof types.AuthorsWithArticlesDocument,
    "\n  mutation ClientAddressSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) { __typename }\n  }\n": typeof types.ClientAddressSubscribeDocument,
    "\n  mutation PostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id authorName body createdAt } }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAt retryAfterSeconds }\n      ... on CommentsClosed { message }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.PostCommentDocument,
    "\n  mutation Moderate($input: ModerateCommentInput!) {\n    moderateComment(input: $input) {\n      __typename\n      ... on ModerationSuccess { comment { id status authorEmail depth } }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.ModerateDocument,
    "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      __typename\n      ... on ModerationSuccess { comment { body authorName authorUrl } }\n      ... on ValidationError { issues { field } }\n    }\n  }\n": typeof types.EditCommentDocument,
    "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { __typename }\n  }\n": typeof types.DeleteCommentDocument,
    "\n  query ModerationQueue($first: Int) {\n    moderationQueue(first: $first) {\n      totalCount\n      nodes { id status authorName authorEmail body createdAt article { slug } }\n    }\n  }\n": typeof types.ModerationQueueDocument,
    "\n  query ArticleComments($slug: String!) {\n    article(slug: $slug) {\n      commentCount\n      comments(first: 100) {\n        totalCount\n        nodes {\n          body\n          replies(first: 100) {\n            nodes {\n              body\n              replies(first: 100) {\n                nodes { body replies(first: 100) { nodes { body replies(first: 100) { nodes { body } } } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ArticleCommentsDocument,
    "\n  mutation PostForStream($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id } }\n    }\n  }\n": typeof types.PostForStreamDocument,
    "\n  mutation ApproveForStream($input: ModerateCommentInput!) {\n    moderateComment(input: $input) { __typename }\n  }\n": typeof types.ApproveForStreamDocument,
    "\n  query CommentsThread($slug: String!, $first: Int) {\n    article(slug: $slug) {\n      id\n      commentCount\n      comments(first: $first) {\n        totalCount\n        nodes {\n          id\n          authorName\n          authorUrl\n          body\n          createdAt\n          replyCount\n          parent { id }\n          article { slug }\n          replies(first: 100) {\n            totalCount\n            nodes {\n              id\n              body\n              createdAt\n              replyCount\n              parent { id }\n              replies(first: 100) {\n                totalCount\n                nodes {\n                  id\n                  body\n                  replyCount\n                  replies(first: 100) {\n                    totalCount\n                    nodes { id body replyCount }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CommentsThreadDocument,
    "\n  query CommentsCounts {\n    articles(first: 100) {\n      nodes { slug commentCount comments(first: 1) { totalCount } }\n    }\n  }\n": typeof types.CommentsCountsDocument,
    "\n  query CommentsPage($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    article(slug: $slug) {\n      comments(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { body } }\n      }\n    }\n  }\n": typeof types.CommentsPageDocument,
    "\n  query CommentsFrontPage($articles: Int!, $comments: Int!, $orderBy: ArticleOrder) {\n    articles(first: $articles, orderBy: $orderBy) {\n      nodes {\n        slug\n        commentCount\n        comments(first: $comments) {\n          totalCount\n          nodes {\n            id\n            authorName\n            authorUrl\n            body\n            createdAt\n            replyCount\n            replies(first: $comments) {\n              totalCount\n              nodes {\n                id\n                authorName\n                authorUrl\n                body\n                replyCount\n                replies(first: $comments) { nodes { id authorName authorUrl body replyCount } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CommentsFrontPageDocument,
    "\n  query CommentsNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on Comment {\n        authorName\n        authorUrl\n        body\n        createdAt\n        replyCount\n        parent { id body }\n        article { slug title }\n        replies(first: 100) { nodes { id body } }\n      }\n    }\n  }\n": typeof types.CommentsNodesDocument,
    "\n  query CommentsIntrospection {\n    __type(name: \"Comment\") { fields { name } }\n  }\n": typeof types.CommentsIntrospectionDocument,
    "\n  mutation FeedCreate($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { id slug version } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": typeof types.FeedCreateDocument,
    "\n  mutation FeedPublish($input: PublishArticleInput!) {\n    publishArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { version } } }\n  }\n": typeof types.FeedPublishDocument,
    "\n  mutation FeedUpdate($input: UpdateArticleInput!) {\n    updateArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { version } } }\n  }\n": typeof types.FeedUpdateDocument,
    "\n  mutation FeedUnpublish($input: UnpublishArticleInput!) {\n    unpublishArticle(input: $input) { __typename }\n  }\n": typeof types.FeedUnpublishDocument,
    "\n  mutation FeedSchedule($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) { __typename }\n  }\n": typeof types.FeedScheduleDocument,
    "\n  mutation FeedDelete($input: DeleteArticleInput!) {\n    deleteArticle(input: $input) { __typename }\n  }\n": typeof types.FeedDeleteDocument,
    "\n  query FeedArticleBody($slug: String!) {\n    article(slug: $slug) { bodyHtml }\n  }\n": typeof types.FeedArticleBodyDocument,
    "\n    mutation MediaImport($url: String!) {\n      importImageFromUrl(url: $url, alt: \"A red square\") {\n        __typename\n        ... on ImageMutationSuccess { image { id width mimeType alt } }\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  ": typeof types.MediaImportDocument,
    "\n    query MediaCoverPage($first: Int!) {\n      articles(first: $first) {\n        nodes { slug title coverImage { id url(width: 640, format: WEBP) srcset width height alt placeholder } }\n      }\n    }\n  ": typeof types.MediaCoverPageDocument,
    "\n    query MediaPlainPage($first: Int!) {\n      articles(first: $first) { nodes { slug title } }\n    }\n  ": typeof types.MediaPlainPageDocument,
    "\n    query MediaArticle($slug: String!) {\n      article(slug: $slug) { bodyHtml coverImage { id alt url } }\n    }\n  ": typeof types.MediaArticleDocument,
    "\n    mutation MediaCreate($input: CreateArticleInput!) {\n      createArticle(input: $input) {\n        __typename\n        ... on ArticleMutationSuccess { article { id slug version bodyHtml coverImage { id } } }\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  ": typeof types.MediaCreateDocument,
    "\n    mutation MediaPublish($id: ID!) {\n      publishArticle(input: { articleId: $id }) {\n        __typename\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  ": typeof types.MediaPublishDocument,
    "\n    mutation MediaUpdateImage($input: UpdateImageInput!) {\n      updateImage(input: $input) {\n        __typename\n        ... on ImageMutationSuccess { image { alt caption credit decorative } }\n      }\n    }\n  ": typeof types.MediaUpdateImageDocument,
    "\n    mutation MediaDelete($id: ID!) {\n      deleteArticle(input: { articleId: $id }) { __typename }\n    }\n  ": typeof types.MediaDeleteDocument,
    "\n    query MediaImages {\n      images(first: 50) { totalCount nodes { id articles { slug } } }\n    }\n  ": typeof types.MediaImagesDocument,
    "\n      query MediaRevisions($id: ID!) {\n        articleRevisions(articleId: $id, first: 5) { nodes { id version changedFields } }\n      }\n    ": typeof types.MediaRevisionsDocument,
    "\n      mutation MediaSetCover($input: UpdateArticleInput!) {\n        updateArticle(input: $input) {\n          __typename\n          ... on ArticleMutationSuccess { article { version coverImage { id } } }\n        }\n      }\n    ": typeof types.MediaSetCoverDocument,
    "\n      mutation MediaRestore($input: RestoreArticleRevisionInput!) {\n        restoreArticleRevision(input: $input) {\n          ... on ArticleMutationSuccess { article { coverImage { id } } }\n        }\n      }\n    ": typeof types.MediaRestoreDocument,
    "\n  query NewsletterDigestPreview($date: String!, $topics: [String!], $language: Language!) {\n    newsletterDigestPreview(date: $date, topics: $topics, language: $language) {\n      date\n      from\n      to\n      wouldSend\n      subject\n      text\n      html\n      articles { slug }\n    }\n  }\n": typeof types.NewsletterDigestPreviewDocument,
    "\n  mutation NewsletterDigestManage($token: String!) {\n    updateNewsletterPreferences(input: { token: $token, language: FR }) {\n      __typename\n    }\n  }\n": typeof types.NewsletterDigestManageDocument,
    "\n  mutation NewsletterSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) {\n      __typename\n      ... on SubscribeToNewsletterSuccess { ok message }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAt }\n    }\n  }\n": typeof types.NewsletterSubscribeDocument,
    "\n  mutation NewsletterConfirm($token: String!) {\n    confirmNewsletterSubscription(input: { token: $token }) {\n      __typename\n      ... on ConfirmNewsletterSubscriptionSuccess { subscription { status language confirmedAt topics { slug } } }\n      ... on InvalidToken { message }\n    }\n  }\n": typeof types.NewsletterConfirmDocument,
    "\n  mutation NewsletterUnsubscribe($token: String!) {\n    unsubscribeFromNewsletter(input: { token: $token }) {\n      __typename\n      ... on UnsubscribeFromNewsletterSuccess { subscription { status } }\n      ... on InvalidToken { message }\n    }\n  }\n": typeof types.NewsletterUnsubscribeDocument,
    "\n  mutation NewsletterPreferences($input: UpdateNewsletterPreferencesInput!) {\n    updateNewsletterPreferences(input: $input) {\n      __typename\n      ... on UpdateNewsletterPreferencesSuccess { subscription { status language topics { slug } } }\n      ... on InvalidToken { message }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": typeof types.NewsletterPreferencesDocument,
    "\n  query NewsletterSubscriptionByToken($token: String!) {\n    newsletterSubscription(token: $token) { status language topics { slug } }\n  }\n": typeof types.NewsletterSubscriptionByTokenDocument,
    "\n  query NewsletterConsent {\n    newsletterConsent(language: FR) { version text }\n  }\n": typeof types.NewsletterConsentDocument,
    "\n  query NodeLookup($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Article { slug status }\n      ... on Author { slug }\n      ... on Tag { slug }\n      ... on Quote { text }\n      ... on Comment { body }\n    }\n  }\n": typeof types.NodeLookupDocument,
    "\n  query NodesLookup($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on Article { slug }\n      ... on Author { slug }\n      ... on Tag { slug }\n      ... on Quote { text }\n      ... on Comment { body }\n    }\n  }\n": typeof types.NodesLookupDocument,
    "\n  query NodeSamples($slug: String!) {\n    article(slug: $slug) {\n      id\n      slug\n      author { id slug }\n      tags { id slug }\n      quotes { id text }\n      comments(first: 3) { nodes { id body } }\n    }\n    articles(first: 3) { nodes { id slug } }\n  }\n": typeof types.NodeSamplesDocument,
    "\n  query NodeStaffArticles($status: [ArticleStatus!]) {\n    articles(first: 10, filter: { status: $status }) { nodes { id slug status quotes { id text } } }\n  }\n": typeof types.NodeStaffArticlesDocument,
    "\n  query OutboxMessages($status: [OutboxStatus!], $first: Int, $after: String) {\n    outboxMessages(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { idempotencyKey kind recipient subject status attempts lastError sentAt }\n    }\n  }\n": typeof types.OutboxMessagesDocument,
    "\n  query FirstSlugs {\n    articles(first: 20) { nodes { slug } }\n  }\n": typeof types.FirstSlugsDocument,
    "\n  query WholeArticle($slug: String!) {\n    article(slug: $slug) { ...WholeAuthorsAndComments }\n  }\n  fragment WholeAuthorsAndComments on Article {\n    author { name bio jobTitle avatarUrl links { label url } }\n    authors { slug avatarUrl }\n    comments(first: 5) {\n      nodes {\n        body\n        authorUrl\n        article { slug }\n        replies(first: 3) { nodes { body authorUrl parent { body } } }\n      }\n    }\n  }\n": typeof types.WholeArticleDocument,
    "\n  query BylinesBesideWholeArticle($slug: String!) {\n    articles(first: 20) {\n      nodes {\n        slug\n        author { name }\n        comments(first: 5) { nodes { authorName body replies(first: 3) { nodes { body } } } }\n      }\n    }\n    article(slug: $slug) { ...WholeAuthorsAndComments }\n  }\n": typeof types.BylinesBesideWholeArticleDocument,
    "\n  mutation PostPrivate($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id authorName body authorUrl article { slug } } }\n    }\n  }\n": typeof types.PostPrivateDocument,
    "\n  query BroadPublic($slug: String!) {\n    articles(first: 50) {\n      nodes {\n        id slug title commentCount\n        authors { slug name bio links { url } articles(first: 2) { nodes { slug } } }\n        comments(first: 50) {\n          nodes {\n            id authorName authorUrl body createdAt replyCount\n            parent { id }\n            replies(first: 50) { nodes { id authorName authorUrl body replies(first: 50) { nodes { id authorName body } } } }\n          }\n        }\n      }\n    }\n    article(slug: $slug) {\n      comments(last: 50) { nodes { id authorName authorUrl body article { slug } } }\n    }\n    quotes(first: 50) { nodes { speaker text article { slug } } }\n    authors(first: 50) { nodes { name } }\n    tags { slug articles(first: 5) { nodes { slug } } }\n    viewer { name }\n  }\n": typeof types.BroadPublicDocument,
    "\n  query PrivacyNodes($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Comment { authorName body authorUrl } }\n  }\n": typeof types.PrivacyNodesDocument,
    "\n  mutation RateLimitedSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) { __typename }\n  }\n": typeof types.RateLimitedSubscribeDocument,
    "\n  mutation SchedCreate($input: CreateArticleInput!) {\n    createArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { id } } }\n  }\n": typeof types.SchedCreateDocument,
    "\n  mutation SchedSchedule($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) { __typename }\n  }\n": typeof types.SchedScheduleDocument,
    "\n  query Search($query: String!, $language: Language, $first: Int, $after: String, $last: Int, $before: String) {\n    search(query: $query, language: $language, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      allMatchesRanked\n      matchKind\n      correctedQuery\n      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n      edges { cursor rank snippet highlightedTitle node { slug title language author { name } tags { slug } } }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  mutation EdCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess {\n        article {\n          id slug title lede body bodyHtml status version readingTimeMinutes language commentsOpen\n          authors { slug }\n          tags { slug }\n        }\n      }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": typeof types.EdCreateArticleDocument,
    "\n  mutation EdUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess {\n        article { id slug title lede body bodyHtml status version readingTimeMinutes authors { slug } tags { slug } }\n      }\n      ... on ValidationError { issues { field message } }\n      ... on Conflict { message }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.EdUpdateArticleDocument,
    "\n  mutation EdPublishArticle($input: PublishArticleInput!) {\n    publishArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status publishedAt version } }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.EdPublishArticleDocument,
    "\n  mutation EdUnpublishArticle($input: UnpublishArticleInput!) {\n    unpublishArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status publishedAt } }\n    }\n  }\n": typeof types.EdUnpublishArticleDocument,
    "\n  mutation EdScheduleArticle($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { status publishedAt } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": typeof types.EdScheduleArticleDocument,
    "\n  mutation EdDeleteArticle($input: DeleteArticleInput!) {\n    deleteArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug } }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.EdDeleteArticleDocument,
    "\n  mutation EdRestoreArticle($input: RestoreArticleInput!) {\n    restoreArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status } }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.EdRestoreArticleDocument,
    "\n  query EdDeletedArticles {\n    deletedArticles(first: 100) { totalCount nodes { id slug } }\n  }\n": typeof types.EdDeletedArticlesDocument,
    "\n  query EdRevisions($articleId: ID!) {\n    articleRevisions(articleId: $articleId, first: 50) {\n      totalCount\n      nodes { id version changedFields title body slug status createdAt staff { name } authors { slug } tags { slug } }\n    }\n  }\n": typeof types.EdRevisionsDocument,
    "\n  mutation EdRestoreRevision($input: RestoreArticleRevisionInput!) {\n    restoreArticleRevision(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug title body version tags { slug } } }\n      ... on Conflict { message }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.EdRestoreRevisionDocument,
    "\n  mutation EdCreatePreview($input: CreatePreviewTokenInput!) {\n    createPreviewToken(input: $input) {\n      __typename\n      ... on PreviewToken { token expiresAt article { slug } }\n      ... on ValidationError { issues { field } }\n    }\n  }\n": typeof types.EdCreatePreviewDocument,
    "\n  query EdArticleBySlug($slug: String!, $previewToken: String) {\n    article(slug: $slug, previewToken: $previewToken) { id slug title status version quotes { text } }\n  }\n": typeof types.EdArticleBySlugDocument,
    "\n  query EdPublicLists($tag: String) {\n    articles(first: 100, filter: { tag: $tag }) { nodes { slug } }\n  }\n": typeof types.EdPublicListsDocument,
    "\n  query EdNodeById($id: ID!) {\n    node(id: $id) { id ... on Article { slug } }\n  }\n": typeof types.EdNodeByIdDocument,
    "\n  mutation EdAddQuote($input: AddQuoteInput!) {\n    addQuote(input: $input) {\n      __typename\n      ... on QuoteMutationSuccess { quote { id text } article { version quotes { text } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": typeof types.EdAddQuoteDocument,
    "\n  mutation EdUpdateQuote($input: UpdateQuoteInput!) {\n    updateQuote(input: $input) {\n      __typename\n      ... on QuoteMutationSuccess { quote { text speaker speakerRole } article { quotes { text } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": typeof types.EdUpdateQuoteDocument,
    "\n  mutation EdRemoveQuote($input: RemoveQuoteInput!) {\n    removeQuote(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { quotes { text } } }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.EdRemoveQuoteDocument,
    "\n  mutation EdAddSource($input: AddSourceInput!) {\n    addSource(input: $input) {\n      __typename\n      ... on SourceMutationSuccess { source { id title url } article { sources { title } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": typeof types.EdAddSourceDocument,
    "\n  mutation EdRemoveSource($input: RemoveSourceInput!) {\n    removeSource(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { sources { title } } }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.EdRemoveSourceDocument,
    "\n  mutation EdCreateAuthor($input: CreateAuthorInput!) {\n    createAuthor(input: $input) {\n      __typename\n      ... on AuthorMutationSuccess { author { id slug name bio avatarUrl jobTitle links { label url } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": typeof types.EdCreateAuthorDocument,
    "\n  mutation EdUpdateAuthor($input: UpdateAuthorInput!) {\n    updateAuthor(input: $input) {\n      __typename\n      ... on AuthorMutationSuccess { author { slug name bio jobTitle } }\n      ... on ValidationError { issues { field message } }\n      ... on NotFound { message }\n    }\n  }\n": typeof types.EdUpdateAuthorDocument,
    "\n  mutation EdCreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      __typename\n      ... on TagMutationSuccess { tag { slug name } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": typeof types.EdCreateTagDocument,
    "\n  query FrontPage($first: Int!) {\n    articles(first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        slug\n        title\n        lede\n        publishedAt\n        author { name }\n        tags { slug name }\n        commentCount\n        comments(first: 3) { nodes { authorName body createdAt } }\n      }\n    }\n  }\n": typeof types.FrontPageDocument,
    "\n  query ArticlePage($slug: String!) {\n    article(slug: $slug) {\n      title\n      lede\n      bodyHtml\n      readingTimeMinutes\n      author { name jobTitle }\n      quotes { text speaker speakerRole }\n      sources { title publisher url }\n      commentCount\n      commentsOpen\n      comments(first: 20) {\n        totalCount\n        nodes {\n          authorName\n          body\n          replyCount\n          replies(first: 20) {\n            nodes {\n              body\n              replies(first: 20) { nodes { body } }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ArticlePageDocument,
    "\n  query Viewer {\n    viewer { id name role }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation WhCreate($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on WebhookWithSecret { secret webhook { id secretHint enabled } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": typeof types.WhCreateDocument,
    "\n  mutation WhRotate($webhookId: ID!) {\n    rotateWebhookSecret(webhookId: $webhookId) {\n      __typename\n      ... on WebhookWithSecret { secret webhook { secretHint previousSecretExpiresAt } }\n    }\n  }\n": typeof types.WhRotateDocument,
    "\n  mutation WhRedeliver($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) { __typename ... on WebhookDeliveryPayload { delivery { id eventId } } }\n  }\n": typeof types.WhRedeliverDocument,
    "\n  query WhList { webhooks { id url enabled disabledReason secretHint events } }\n": typeof types.WhListDocument,
    "\n  query WhDeliveries($webhookId: ID!, $status: [WebhookDeliveryStatus!]) {\n    webhookDeliveries(webhookId: $webhookId, status: $status, first: 50) {\n      totalCount\n      nodes { id eventId eventType status attemptCount attempts { attempt statusCode responseBody } }\n    }\n  }\n": typeof types.WhDeliveriesDocument,
    "\n  mutation WhPublish($input: PublishArticleInput!) { publishArticle(input: $input) { __typename } }\n": typeof types.WhPublishDocument,
    "\n  mutation WhPostComment($input: PostCommentInput!) { postComment(input: $input) { __typename } }\n": typeof types.WhPostCommentDocument,
    "\n  mutation WhUpdateArticle($input: UpdateArticleInput!) { updateArticle(input: $input) { __typename } }\n": typeof types.WhUpdateArticleDocument,
    "\n  query WhNode($id: ID!) { node(id: $id) { __typename id } }\n": typeof types.WhNodeDocument,
    "\n  query RealImportedArticle($slug: String!) {\n    article(slug: $slug) {\n      slug title lede status publishedAt commentCount commentsOpen\n      author { slug name }\n      tags { slug name }\n      quotes { speaker speakerRole text }\n      sources { title publisher url }\n      coverImage { alt caption width height }\n      comments(first: 20) {\n        nodes {\n          authorName authorUrl body createdAt\n          replies(first: 20) { nodes { authorName body replies(first: 20) { nodes { authorName body } } } }\n        }\n      }\n    }\n  }\n": typeof types.RealImportedArticleDocument,
    "\n  query ImportedArticle($slug: String!) {\n    article(slug: $slug) {\n      slug title lede status publishedAt commentCount commentsOpen\n      author { slug name }\n      tags { slug name }\n      quotes { speaker speakerRole text }\n      sources { title publisher url }\n      coverImage { alt caption credit width height }\n      comments(first: 20) { nodes { authorName body replies(first: 20) { nodes { authorName } } } }\n    }\n  }\n": typeof types.ImportedArticleDocument,
    "\n  query ImportRedirects($first: Int, $after: String) {\n    redirects(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { from to article { slug } }\n    }\n  }\n": typeof types.ImportRedirectsDocument,
    "\n  query SearchImported($query: String!) {\n    search(query: $query) { totalCount nodes { slug } }\n  }\n": typeof types.SearchImportedDocument,
};
const documents: Documents = {
    "\n  query FrontPageNoTotal($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          slug\n          ... on Article { author { name } tags { slug } }\n          ...Counted\n          comments(first: 3) { nodes { authorName body } }\n        }\n      }\n    }\n  }\n  fragment Counted on Article { commentCount }\n": types.FrontPageNoTotalDocument,
    "\n  query ArticleList($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug language publishedAt status authors { slug } tags { slug } } }\n    }\n  }\n": types.ArticleListDocument,
    "\n  query ArticleListBodies($first: Int!) {\n    articles(first: $first) { nodes { slug body bodyHtml } }\n  }\n": types.ArticleListBodiesDocument,
    "\n  query ArticleBySlug($slug: String!) {\n    article(slug: $slug) { slug status title body bodyHtml }\n  }\n": types.ArticleBySlugDocument,
    "\n  query BadInputArticles($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { slug }\n    }\n  }\n": types.BadInputArticlesDocument,
    "\n  query BadInputComments($slug: String!, $first: Int, $last: Int, $after: String, $before: String) {\n    article(slug: $slug) {\n      comments(first: $first, last: $last, after: $after, before: $before) {\n        totalCount\n        pageInfo { startCursor endCursor }\n        nodes { body }\n      }\n    }\n  }\n": types.BadInputCommentsDocument,
    "\n  query BadInputReplies($slug: String!, $first: Int, $last: Int, $after: String, $before: String) {\n    article(slug: $slug) {\n      comments(first: 1) {\n        nodes {\n          replies(first: $first, last: $last, after: $after, before: $before) {\n            totalCount\n            pageInfo { startCursor endCursor }\n            nodes { body }\n          }\n        }\n      }\n    }\n  }\n": types.BadInputRepliesDocument,
    "\n  query BadInputQuotes($first: Int, $last: Int, $after: String, $before: String) {\n    quotes(first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { text }\n    }\n  }\n": types.BadInputQuotesDocument,
    "\n  query BadInputAuthors($first: Int, $last: Int, $after: String, $before: String) {\n    authors(first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { slug }\n    }\n  }\n": types.BadInputAuthorsDocument,
    "\n  query CachedPage($slug: String!) {\n    article(slug: $slug) { title commentCount comments(first: 50) { nodes { body } } }\n  }\n": types.CachedPageDocument,
    "\n  mutation CachePost($input: PostCommentInput!) {\n    postComment(input: $input) { __typename ... on PostCommentSuccess { status comment { id } } }\n  }\n": types.CachePostDocument,
    "\n  mutation CacheModerate($input: ModerateCommentInput!) {\n    moderateComment(input: $input) { __typename }\n  }\n": types.CacheModerateDocument,
    "\n  query PersistedTags {\n    tags { slug }\n  }\n": types.PersistedTagsDocument,
    "\n  query CatalogAuthor($slug: String!) {\n    author(slug: $slug) {\n      id\n      slug\n      name\n      bio\n      avatarUrl\n      jobTitle\n      links { label url }\n    }\n  }\n": types.CatalogAuthorDocument,
    "\n  query CatalogAuthors($first: Int, $after: String, $last: Int, $before: String) {\n    authors(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug name } }\n    }\n  }\n": types.CatalogAuthorsDocument,
    "\n  query CatalogAuthorArticles($slug: String!, $first: Int, $after: String) {\n    author(slug: $slug) {\n      slug\n      articles(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { slug status publishedAt authors { slug } }\n      }\n    }\n  }\n": types.CatalogAuthorArticlesDocument,
    "\n  query CatalogTag($slug: String!, $first: Int) {\n    tag(slug: $slug) {\n      id\n      slug\n      name\n      articles(first: $first) {\n        totalCount\n        nodes { slug publishedAt tags { slug } }\n      }\n    }\n  }\n": types.CatalogTagDocument,
    "\n  query CatalogTags {\n    tags { id slug name }\n  }\n": types.CatalogTagsDocument,
    "\n  query CatalogQuotes($speaker: String, $first: Int, $after: String, $last: Int, $before: String) {\n    quotes(speaker: $speaker, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node {\n          id\n          text\n          speaker\n          speakerRole\n          article { slug status publishedAt quotes { id } }\n        }\n      }\n    }\n  }\n": types.CatalogQuotesDocument,
    "\n  query CatalogArticleParts($slug: String!) {\n    article(slug: $slug) {\n      quotes { text speaker speakerRole }\n      sources { title publisher url }\n    }\n  }\n": types.CatalogArticlePartsDocument,
    "\n  query AuthorsWithArticles($first: Int!) {\n    authors(first: $first) {\n      nodes {\n        slug\n        articles(first: 3) { totalCount nodes { slug author { name } tags { slug } commentCount } }\n      }\n    }\n    tags { slug articles(first: 2) { totalCount nodes { slug } } }\n  }\n": types.AuthorsWithArticlesDocument,
    "\n  mutation ClientAddressSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) { __typename }\n  }\n": types.ClientAddressSubscribeDocument,
    "\n  mutation PostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id authorName body createdAt } }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAt retryAfterSeconds }\n      ... on CommentsClosed { message }\n      ... on NotFound { message }\n    }\n  }\n": types.PostCommentDocument,
    "\n  mutation Moderate($input: ModerateCommentInput!) {\n    moderateComment(input: $input) {\n      __typename\n      ... on ModerationSuccess { comment { id status authorEmail depth } }\n      ... on NotFound { message }\n    }\n  }\n": types.ModerateDocument,
    "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      __typename\n      ... on ModerationSuccess { comment { body authorName authorUrl } }\n      ... on ValidationError { issues { field } }\n    }\n  }\n": types.EditCommentDocument,
    "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { __typename }\n  }\n": types.DeleteCommentDocument,
    "\n  query ModerationQueue($first: Int) {\n    moderationQueue(first: $first) {\n      totalCount\n      nodes { id status authorName authorEmail body createdAt article { slug } }\n    }\n  }\n": types.ModerationQueueDocument,
    "\n  query ArticleComments($slug: String!) {\n    article(slug: $slug) {\n      commentCount\n      comments(first: 100) {\n        totalCount\n        nodes {\n          body\n          replies(first: 100) {\n            nodes {\n              body\n              replies(first: 100) {\n                nodes { body replies(first: 100) { nodes { body replies(first: 100) { nodes { body } } } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ArticleCommentsDocument,
    "\n  mutation PostForStream($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id } }\n    }\n  }\n": types.PostForStreamDocument,
    "\n  mutation ApproveForStream($input: ModerateCommentInput!) {\n    moderateComment(input: $input) { __typename }\n  }\n": types.ApproveForStreamDocument,
    "\n  query CommentsThread($slug: String!, $first: Int) {\n    article(slug: $slug) {\n      id\n      commentCount\n      comments(first: $first) {\n        totalCount\n        nodes {\n          id\n          authorName\n          authorUrl\n          body\n          createdAt\n          replyCount\n          parent { id }\n          article { slug }\n          replies(first: 100) {\n            totalCount\n            nodes {\n              id\n              body\n              createdAt\n              replyCount\n              parent { id }\n              replies(first: 100) {\n                totalCount\n                nodes {\n                  id\n                  body\n                  replyCount\n                  replies(first: 100) {\n                    totalCount\n                    nodes { id body replyCount }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CommentsThreadDocument,
    "\n  query CommentsCounts {\n    articles(first: 100) {\n      nodes { slug commentCount comments(first: 1) { totalCount } }\n    }\n  }\n": types.CommentsCountsDocument,
    "\n  query CommentsPage($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    article(slug: $slug) {\n      comments(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { body } }\n      }\n    }\n  }\n": types.CommentsPageDocument,
    "\n  query CommentsFrontPage($articles: Int!, $comments: Int!, $orderBy: ArticleOrder) {\n    articles(first: $articles, orderBy: $orderBy) {\n      nodes {\n        slug\n        commentCount\n        comments(first: $comments) {\n          totalCount\n          nodes {\n            id\n            authorName\n            authorUrl\n            body\n            createdAt\n            replyCount\n            replies(first: $comments) {\n              totalCount\n              nodes {\n                id\n                authorName\n                authorUrl\n                body\n                replyCount\n                replies(first: $comments) { nodes { id authorName authorUrl body replyCount } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CommentsFrontPageDocument,
    "\n  query CommentsNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on Comment {\n        authorName\n        authorUrl\n        body\n        createdAt\n        replyCount\n        parent { id body }\n        article { slug title }\n        replies(first: 100) { nodes { id body } }\n      }\n    }\n  }\n": types.CommentsNodesDocument,
    "\n  query CommentsIntrospection {\n    __type(name: \"Comment\") { fields { name } }\n  }\n": types.CommentsIntrospectionDocument,
    "\n  mutation FeedCreate($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { id slug version } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": types.FeedCreateDocument,
    "\n  mutation FeedPublish($input: PublishArticleInput!) {\n    publishArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { version } } }\n  }\n": types.FeedPublishDocument,
    "\n  mutation FeedUpdate($input: UpdateArticleInput!) {\n    updateArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { version } } }\n  }\n": types.FeedUpdateDocument,
    "\n  mutation FeedUnpublish($input: UnpublishArticleInput!) {\n    unpublishArticle(input: $input) { __typename }\n  }\n": types.FeedUnpublishDocument,
    "\n  mutation FeedSchedule($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) { __typename }\n  }\n": types.FeedScheduleDocument,
    "\n  mutation FeedDelete($input: DeleteArticleInput!) {\n    deleteArticle(input: $input) { __typename }\n  }\n": types.FeedDeleteDocument,
    "\n  query FeedArticleBody($slug: String!) {\n    article(slug: $slug) { bodyHtml }\n  }\n": types.FeedArticleBodyDocument,
    "\n    mutation MediaImport($url: String!) {\n      importImageFromUrl(url: $url, alt: \"A red square\") {\n        __typename\n        ... on ImageMutationSuccess { image { id width mimeType alt } }\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  ": types.MediaImportDocument,
    "\n    query MediaCoverPage($first: Int!) {\n      articles(first: $first) {\n        nodes { slug title coverImage { id url(width: 640, format: WEBP) srcset width height alt placeholder } }\n      }\n    }\n  ": types.MediaCoverPageDocument,
    "\n    query MediaPlainPage($first: Int!) {\n      articles(first: $first) { nodes { slug title } }\n    }\n  ": types.MediaPlainPageDocument,
    "\n    query MediaArticle($slug: String!) {\n      article(slug: $slug) { bodyHtml coverImage { id alt url } }\n    }\n  ": types.MediaArticleDocument,
    "\n    mutation MediaCreate($input: CreateArticleInput!) {\n      createArticle(input: $input) {\n        __typename\n        ... on ArticleMutationSuccess { article { id slug version bodyHtml coverImage { id } } }\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  ": types.MediaCreateDocument,
    "\n    mutation MediaPublish($id: ID!) {\n      publishArticle(input: { articleId: $id }) {\n        __typename\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  ": types.MediaPublishDocument,
    "\n    mutation MediaUpdateImage($input: UpdateImageInput!) {\n      updateImage(input: $input) {\n        __typename\n        ... on ImageMutationSuccess { image { alt caption credit decorative } }\n      }\n    }\n  ": types.MediaUpdateImageDocument,
    "\n    mutation MediaDelete($id: ID!) {\n      deleteArticle(input: { articleId: $id }) { __typename }\n    }\n  ": types.MediaDeleteDocument,
    "\n    query MediaImages {\n      images(first: 50) { totalCount nodes { id articles { slug } } }\n    }\n  ": types.MediaImagesDocument,
    "\n      query MediaRevisions($id: ID!) {\n        articleRevisions(articleId: $id, first: 5) { nodes { id version changedFields } }\n      }\n    ": types.MediaRevisionsDocument,
    "\n      mutation MediaSetCover($input: UpdateArticleInput!) {\n        updateArticle(input: $input) {\n          __typename\n          ... on ArticleMutationSuccess { article { version coverImage { id } } }\n        }\n      }\n    ": types.MediaSetCoverDocument,
    "\n      mutation MediaRestore($input: RestoreArticleRevisionInput!) {\n        restoreArticleRevision(input: $input) {\n          ... on ArticleMutationSuccess { article { coverImage { id } } }\n        }\n      }\n    ": types.MediaRestoreDocument,
    "\n  query NewsletterDigestPreview($date: String!, $topics: [String!], $language: Language!) {\n    newsletterDigestPreview(date: $date, topics: $topics, language: $language) {\n      date\n      from\n      to\n      wouldSend\n      subject\n      text\n      html\n      articles { slug }\n    }\n  }\n": types.NewsletterDigestPreviewDocument,
    "\n  mutation NewsletterDigestManage($token: String!) {\n    updateNewsletterPreferences(input: { token: $token, language: FR }) {\n      __typename\n    }\n  }\n": types.NewsletterDigestManageDocument,
    "\n  mutation NewsletterSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) {\n      __typename\n      ... on SubscribeToNewsletterSuccess { ok message }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAt }\n    }\n  }\n": types.NewsletterSubscribeDocument,
    "\n  mutation NewsletterConfirm($token: String!) {\n    confirmNewsletterSubscription(input: { token: $token }) {\n      __typename\n      ... on ConfirmNewsletterSubscriptionSuccess { subscription { status language confirmedAt topics { slug } } }\n      ... on InvalidToken { message }\n    }\n  }\n": types.NewsletterConfirmDocument,
    "\n  mutation NewsletterUnsubscribe($token: String!) {\n    unsubscribeFromNewsletter(input: { token: $token }) {\n      __typename\n      ... on UnsubscribeFromNewsletterSuccess { subscription { status } }\n      ... on InvalidToken { message }\n    }\n  }\n": types.NewsletterUnsubscribeDocument,
    "\n  mutation NewsletterPreferences($input: UpdateNewsletterPreferencesInput!) {\n    updateNewsletterPreferences(input: $input) {\n      __typename\n      ... on UpdateNewsletterPreferencesSuccess { subscription { status language topics { slug } } }\n      ... on InvalidToken { message }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": types.NewsletterPreferencesDocument,
    "\n  query NewsletterSubscriptionByToken($token: String!) {\n    newsletterSubscription(token: $token) { status language topics { slug } }\n  }\n": types.NewsletterSubscriptionByTokenDocument,
    "\n  query NewsletterConsent {\n    newsletterConsent(language: FR) { version text }\n  }\n": types.NewsletterConsentDocument,
    "\n  query NodeLookup($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Article { slug status }\n      ... on Author { slug }\n      ... on Tag { slug }\n      ... on Quote { text }\n      ... on Comment { body }\n    }\n  }\n": types.NodeLookupDocument,
    "\n  query NodesLookup($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on Article { slug }\n      ... on Author { slug }\n      ... on Tag { slug }\n      ... on Quote { text }\n      ... on Comment { body }\n    }\n  }\n": types.NodesLookupDocument,
    "\n  query NodeSamples($slug: String!) {\n    article(slug: $slug) {\n      id\n      slug\n      author { id slug }\n      tags { id slug }\n      quotes { id text }\n      comments(first: 3) { nodes { id body } }\n    }\n    articles(first: 3) { nodes { id slug } }\n  }\n": types.NodeSamplesDocument,
    "\n  query NodeStaffArticles($status: [ArticleStatus!]) {\n    articles(first: 10, filter: { status: $status }) { nodes { id slug status quotes { id text } } }\n  }\n": types.NodeStaffArticlesDocument,
    "\n  query OutboxMessages($status: [OutboxStatus!], $first: Int, $after: String) {\n    outboxMessages(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { idempotencyKey kind recipient subject status attempts lastError sentAt }\n    }\n  }\n": types.OutboxMessagesDocument,
    "\n  query FirstSlugs {\n    articles(first: 20) { nodes { slug } }\n  }\n": types.FirstSlugsDocument,
    "\n  query WholeArticle($slug: String!) {\n    article(slug: $slug) { ...WholeAuthorsAndComments }\n  }\n  fragment WholeAuthorsAndComments on Article {\n    author { name bio jobTitle avatarUrl links { label url } }\n    authors { slug avatarUrl }\n    comments(first: 5) {\n      nodes {\n        body\n        authorUrl\n        article { slug }\n        replies(first: 3) { nodes { body authorUrl parent { body } } }\n      }\n    }\n  }\n": types.WholeArticleDocument,
    "\n  query BylinesBesideWholeArticle($slug: String!) {\n    articles(first: 20) {\n      nodes {\n        slug\n        author { name }\n        comments(first: 5) { nodes { authorName body replies(first: 3) { nodes { body } } } }\n      }\n    }\n    article(slug: $slug) { ...WholeAuthorsAndComments }\n  }\n": types.BylinesBesideWholeArticleDocument,
    "\n  mutation PostPrivate($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id authorName body authorUrl article { slug } } }\n    }\n  }\n": types.PostPrivateDocument,
    "\n  query BroadPublic($slug: String!) {\n    articles(first: 50) {\n      nodes {\n        id slug title commentCount\n        authors { slug name bio links { url } articles(first: 2) { nodes { slug } } }\n        comments(first: 50) {\n          nodes {\n            id authorName authorUrl body createdAt replyCount\n            parent { id }\n            replies(first: 50) { nodes { id authorName authorUrl body replies(first: 50) { nodes { id authorName body } } } }\n          }\n        }\n      }\n    }\n    article(slug: $slug) {\n      comments(last: 50) { nodes { id authorName authorUrl body article { slug } } }\n    }\n    quotes(first: 50) { nodes { speaker text article { slug } } }\n    authors(first: 50) { nodes { name } }\n    tags { slug articles(first: 5) { nodes { slug } } }\n    viewer { name }\n  }\n": types.BroadPublicDocument,
    "\n  query PrivacyNodes($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Comment { authorName body authorUrl } }\n  }\n": types.PrivacyNodesDocument,
    "\n  mutation RateLimitedSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) { __typename }\n  }\n": types.RateLimitedSubscribeDocument,
    "\n  mutation SchedCreate($input: CreateArticleInput!) {\n    createArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { id } } }\n  }\n": types.SchedCreateDocument,
    "\n  mutation SchedSchedule($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) { __typename }\n  }\n": types.SchedScheduleDocument,
    "\n  query Search($query: String!, $language: Language, $first: Int, $after: String, $last: Int, $before: String) {\n    search(query: $query, language: $language, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      allMatchesRanked\n      matchKind\n      correctedQuery\n      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n      edges { cursor rank snippet highlightedTitle node { slug title language author { name } tags { slug } } }\n    }\n  }\n": types.SearchDocument,
    "\n  mutation EdCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess {\n        article {\n          id slug title lede body bodyHtml status version readingTimeMinutes language commentsOpen\n          authors { slug }\n          tags { slug }\n        }\n      }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": types.EdCreateArticleDocument,
    "\n  mutation EdUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess {\n        article { id slug title lede body bodyHtml status version readingTimeMinutes authors { slug } tags { slug } }\n      }\n      ... on ValidationError { issues { field message } }\n      ... on Conflict { message }\n      ... on NotFound { message }\n    }\n  }\n": types.EdUpdateArticleDocument,
    "\n  mutation EdPublishArticle($input: PublishArticleInput!) {\n    publishArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status publishedAt version } }\n      ... on NotFound { message }\n    }\n  }\n": types.EdPublishArticleDocument,
    "\n  mutation EdUnpublishArticle($input: UnpublishArticleInput!) {\n    unpublishArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status publishedAt } }\n    }\n  }\n": types.EdUnpublishArticleDocument,
    "\n  mutation EdScheduleArticle($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { status publishedAt } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": types.EdScheduleArticleDocument,
    "\n  mutation EdDeleteArticle($input: DeleteArticleInput!) {\n    deleteArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug } }\n      ... on NotFound { message }\n    }\n  }\n": types.EdDeleteArticleDocument,
    "\n  mutation EdRestoreArticle($input: RestoreArticleInput!) {\n    restoreArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status } }\n      ... on NotFound { message }\n    }\n  }\n": types.EdRestoreArticleDocument,
    "\n  query EdDeletedArticles {\n    deletedArticles(first: 100) { totalCount nodes { id slug } }\n  }\n": types.EdDeletedArticlesDocument,
    "\n  query EdRevisions($articleId: ID!) {\n    articleRevisions(articleId: $articleId, first: 50) {\n      totalCount\n      nodes { id version changedFields title body slug status createdAt staff { name } authors { slug } tags { slug } }\n    }\n  }\n": types.EdRevisionsDocument,
    "\n  mutation EdRestoreRevision($input: RestoreArticleRevisionInput!) {\n    restoreArticleRevision(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug title body version tags { slug } } }\n      ... on Conflict { message }\n      ... on NotFound { message }\n    }\n  }\n": types.EdRestoreRevisionDocument,
    "\n  mutation EdCreatePreview($input: CreatePreviewTokenInput!) {\n    createPreviewToken(input: $input) {\n      __typename\n      ... on PreviewToken { token expiresAt article { slug } }\n      ... on ValidationError { issues { field } }\n    }\n  }\n": types.EdCreatePreviewDocument,
    "\n  query EdArticleBySlug($slug: String!, $previewToken: String) {\n    article(slug: $slug, previewToken: $previewToken) { id slug title status version quotes { text } }\n  }\n": types.EdArticleBySlugDocument,
    "\n  query EdPublicLists($tag: String) {\n    articles(first: 100, filter: { tag: $tag }) { nodes { slug } }\n  }\n": types.EdPublicListsDocument,
    "\n  query EdNodeById($id: ID!) {\n    node(id: $id) { id ... on Article { slug } }\n  }\n": types.EdNodeByIdDocument,
    "\n  mutation EdAddQuote($input: AddQuoteInput!) {\n    addQuote(input: $input) {\n      __typename\n      ... on QuoteMutationSuccess { quote { id text } article { version quotes { text } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": types.EdAddQuoteDocument,
    "\n  mutation EdUpdateQuote($input: UpdateQuoteInput!) {\n    updateQuote(input: $input) {\n      __typename\n      ... on QuoteMutationSuccess { quote { text speaker speakerRole } article { quotes { text } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": types.EdUpdateQuoteDocument,
    "\n  mutation EdRemoveQuote($input: RemoveQuoteInput!) {\n    removeQuote(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { quotes { text } } }\n      ... on NotFound { message }\n    }\n  }\n": types.EdRemoveQuoteDocument,
    "\n  mutation EdAddSource($input: AddSourceInput!) {\n    addSource(input: $input) {\n      __typename\n      ... on SourceMutationSuccess { source { id title url } article { sources { title } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": types.EdAddSourceDocument,
    "\n  mutation EdRemoveSource($input: RemoveSourceInput!) {\n    removeSource(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { sources { title } } }\n      ... on NotFound { message }\n    }\n  }\n": types.EdRemoveSourceDocument,
    "\n  mutation EdCreateAuthor($input: CreateAuthorInput!) {\n    createAuthor(input: $input) {\n      __typename\n      ... on AuthorMutationSuccess { author { id slug name bio avatarUrl jobTitle links { label url } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": types.EdCreateAuthorDocument,
    "\n  mutation EdUpdateAuthor($input: UpdateAuthorInput!) {\n    updateAuthor(input: $input) {\n      __typename\n      ... on AuthorMutationSuccess { author { slug name bio jobTitle } }\n      ... on ValidationError { issues { field message } }\n      ... on NotFound { message }\n    }\n  }\n": types.EdUpdateAuthorDocument,
    "\n  mutation EdCreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      __typename\n      ... on TagMutationSuccess { tag { slug name } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": types.EdCreateTagDocument,
    "\n  query FrontPage($first: Int!) {\n    articles(first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        slug\n        title\n        lede\n        publishedAt\n        author { name }\n        tags { slug name }\n        commentCount\n        comments(first: 3) { nodes { authorName body createdAt } }\n      }\n    }\n  }\n": types.FrontPageDocument,
    "\n  query ArticlePage($slug: String!) {\n    article(slug: $slug) {\n      title\n      lede\n      bodyHtml\n      readingTimeMinutes\n      author { name jobTitle }\n      quotes { text speaker speakerRole }\n      sources { title publisher url }\n      commentCount\n      commentsOpen\n      comments(first: 20) {\n        totalCount\n        nodes {\n          authorName\n          body\n          replyCount\n          replies(first: 20) {\n            nodes {\n              body\n              replies(first: 20) { nodes { body } }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ArticlePageDocument,
    "\n  query Viewer {\n    viewer { id name role }\n  }\n": types.ViewerDocument,
    "\n  mutation WhCreate($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on WebhookWithSecret { secret webhook { id secretHint enabled } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n": types.WhCreateDocument,
    "\n  mutation WhRotate($webhookId: ID!) {\n    rotateWebhookSecret(webhookId: $webhookId) {\n      __typename\n      ... on WebhookWithSecret { secret webhook { secretHint previousSecretExpiresAt } }\n    }\n  }\n": types.WhRotateDocument,
    "\n  mutation WhRedeliver($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) { __typename ... on WebhookDeliveryPayload { delivery { id eventId } } }\n  }\n": types.WhRedeliverDocument,
    "\n  query WhList { webhooks { id url enabled disabledReason secretHint events } }\n": types.WhListDocument,
    "\n  query WhDeliveries($webhookId: ID!, $status: [WebhookDeliveryStatus!]) {\n    webhookDeliveries(webhookId: $webhookId, status: $status, first: 50) {\n      totalCount\n      nodes { id eventId eventType status attemptCount attempts { attempt statusCode responseBody } }\n    }\n  }\n": types.WhDeliveriesDocument,
    "\n  mutation WhPublish($input: PublishArticleInput!) { publishArticle(input: $input) { __typename } }\n": types.WhPublishDocument,
    "\n  mutation WhPostComment($input: PostCommentInput!) { postComment(input: $input) { __typename } }\n": types.WhPostCommentDocument,
    "\n  mutation WhUpdateArticle($input: UpdateArticleInput!) { updateArticle(input: $input) { __typename } }\n": types.WhUpdateArticleDocument,
    "\n  query WhNode($id: ID!) { node(id: $id) { __typename id } }\n": types.WhNodeDocument,
    "\n  query RealImportedArticle($slug: String!) {\n    article(slug: $slug) {\n      slug title lede status publishedAt commentCount commentsOpen\n      author { slug name }\n      tags { slug name }\n      quotes { speaker speakerRole text }\n      sources { title publisher url }\n      coverImage { alt caption width height }\n      comments(first: 20) {\n        nodes {\n          authorName authorUrl body createdAt\n          replies(first: 20) { nodes { authorName body replies(first: 20) { nodes { authorName body } } } }\n        }\n      }\n    }\n  }\n": types.RealImportedArticleDocument,
    "\n  query ImportedArticle($slug: String!) {\n    article(slug: $slug) {\n      slug title lede status publishedAt commentCount commentsOpen\n      author { slug name }\n      tags { slug name }\n      quotes { speaker speakerRole text }\n      sources { title publisher url }\n      coverImage { alt caption credit width height }\n      comments(first: 20) { nodes { authorName body replies(first: 20) { nodes { authorName } } } }\n    }\n  }\n": types.ImportedArticleDocument,
    "\n  query ImportRedirects($first: Int, $after: String) {\n    redirects(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { from to article { slug } }\n    }\n  }\n": types.ImportRedirectsDocument,
    "\n  query SearchImported($query: String!) {\n    search(query: $query) { totalCount nodes { slug } }\n  }\n": types.SearchImportedDocument,
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
export function graphql(source: "\n  query FrontPageNoTotal($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          slug\n          ... on Article { author { name } tags { slug } }\n          ...Counted\n          comments(first: 3) { nodes { authorName body } }\n        }\n      }\n    }\n  }\n  fragment Counted on Article { commentCount }\n"): (typeof documents)["\n  query FrontPageNoTotal($first: Int!) {\n    articles(first: $first) {\n      edges {\n        node {\n          slug\n          ... on Article { author { name } tags { slug } }\n          ...Counted\n          comments(first: 3) { nodes { authorName body } }\n        }\n      }\n    }\n  }\n  fragment Counted on Article { commentCount }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleList($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug language publishedAt status authors { slug } tags { slug } } }\n    }\n  }\n"): (typeof documents)["\n  query ArticleList($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug language publishedAt status authors { slug } tags { slug } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleListBodies($first: Int!) {\n    articles(first: $first) { nodes { slug body bodyHtml } }\n  }\n"): (typeof documents)["\n  query ArticleListBodies($first: Int!) {\n    articles(first: $first) { nodes { slug body bodyHtml } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleBySlug($slug: String!) {\n    article(slug: $slug) { slug status title body bodyHtml }\n  }\n"): (typeof documents)["\n  query ArticleBySlug($slug: String!) {\n    article(slug: $slug) { slug status title body bodyHtml }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputArticles($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { slug }\n    }\n  }\n"): (typeof documents)["\n  query BadInputArticles($first: Int, $last: Int, $after: String, $before: String, $filter: ArticleFilter) {\n    articles(first: $first, last: $last, after: $after, before: $before, filter: $filter) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { slug }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputComments($slug: String!, $first: Int, $last: Int, $after: String, $before: String) {\n    article(slug: $slug) {\n      comments(first: $first, last: $last, after: $after, before: $before) {\n        totalCount\n        pageInfo { startCursor endCursor }\n        nodes { body }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BadInputComments($slug: String!, $first: Int, $last: Int, $after: String, $before: String) {\n    article(slug: $slug) {\n      comments(first: $first, last: $last, after: $after, before: $before) {\n        totalCount\n        pageInfo { startCursor endCursor }\n        nodes { body }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputReplies($slug: String!, $first: Int, $last: Int, $after: String, $before: String) {\n    article(slug: $slug) {\n      comments(first: 1) {\n        nodes {\n          replies(first: $first, last: $last, after: $after, before: $before) {\n            totalCount\n            pageInfo { startCursor endCursor }\n            nodes { body }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BadInputReplies($slug: String!, $first: Int, $last: Int, $after: String, $before: String) {\n    article(slug: $slug) {\n      comments(first: 1) {\n        nodes {\n          replies(first: $first, last: $last, after: $after, before: $before) {\n            totalCount\n            pageInfo { startCursor endCursor }\n            nodes { body }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputQuotes($first: Int, $last: Int, $after: String, $before: String) {\n    quotes(first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { text }\n    }\n  }\n"): (typeof documents)["\n  query BadInputQuotes($first: Int, $last: Int, $after: String, $before: String) {\n    quotes(first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { text }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadInputAuthors($first: Int, $last: Int, $after: String, $before: String) {\n    authors(first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { slug }\n    }\n  }\n"): (typeof documents)["\n  query BadInputAuthors($first: Int, $last: Int, $after: String, $before: String) {\n    authors(first: $first, last: $last, after: $after, before: $before) {\n      totalCount\n      pageInfo { startCursor endCursor }\n      nodes { slug }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachedPage($slug: String!) {\n    article(slug: $slug) { title commentCount comments(first: 50) { nodes { body } } }\n  }\n"): (typeof documents)["\n  query CachedPage($slug: String!) {\n    article(slug: $slug) { title commentCount comments(first: 50) { nodes { body } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachePost($input: PostCommentInput!) {\n    postComment(input: $input) { __typename ... on PostCommentSuccess { status comment { id } } }\n  }\n"): (typeof documents)["\n  mutation CachePost($input: PostCommentInput!) {\n    postComment(input: $input) { __typename ... on PostCommentSuccess { status comment { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheModerate($input: ModerateCommentInput!) {\n    moderateComment(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation CacheModerate($input: ModerateCommentInput!) {\n    moderateComment(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersistedTags {\n    tags { slug }\n  }\n"): (typeof documents)["\n  query PersistedTags {\n    tags { slug }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogAuthor($slug: String!) {\n    author(slug: $slug) {\n      id\n      slug\n      name\n      bio\n      avatarUrl\n      jobTitle\n      links { label url }\n    }\n  }\n"): (typeof documents)["\n  query CatalogAuthor($slug: String!) {\n    author(slug: $slug) {\n      id\n      slug\n      name\n      bio\n      avatarUrl\n      jobTitle\n      links { label url }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogAuthors($first: Int, $after: String, $last: Int, $before: String) {\n    authors(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug name } }\n    }\n  }\n"): (typeof documents)["\n  query CatalogAuthors($first: Int, $after: String, $last: Int, $before: String) {\n    authors(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { slug name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogAuthorArticles($slug: String!, $first: Int, $after: String) {\n    author(slug: $slug) {\n      slug\n      articles(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { slug status publishedAt authors { slug } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogAuthorArticles($slug: String!, $first: Int, $after: String) {\n    author(slug: $slug) {\n      slug\n      articles(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { slug status publishedAt authors { slug } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogTag($slug: String!, $first: Int) {\n    tag(slug: $slug) {\n      id\n      slug\n      name\n      articles(first: $first) {\n        totalCount\n        nodes { slug publishedAt tags { slug } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogTag($slug: String!, $first: Int) {\n    tag(slug: $slug) {\n      id\n      slug\n      name\n      articles(first: $first) {\n        totalCount\n        nodes { slug publishedAt tags { slug } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogTags {\n    tags { id slug name }\n  }\n"): (typeof documents)["\n  query CatalogTags {\n    tags { id slug name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogQuotes($speaker: String, $first: Int, $after: String, $last: Int, $before: String) {\n    quotes(speaker: $speaker, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node {\n          id\n          text\n          speaker\n          speakerRole\n          article { slug status publishedAt quotes { id } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogQuotes($speaker: String, $first: Int, $after: String, $last: Int, $before: String) {\n    quotes(speaker: $speaker, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node {\n          id\n          text\n          speaker\n          speakerRole\n          article { slug status publishedAt quotes { id } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogArticleParts($slug: String!) {\n    article(slug: $slug) {\n      quotes { text speaker speakerRole }\n      sources { title publisher url }\n    }\n  }\n"): (typeof documents)["\n  query CatalogArticleParts($slug: String!) {\n    article(slug: $slug) {\n      quotes { text speaker speakerRole }\n      sources { title publisher url }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorsWithArticles($first: Int!) {\n    authors(first: $first) {\n      nodes {\n        slug\n        articles(first: 3) { totalCount nodes { slug author { name } tags { slug } commentCount } }\n      }\n    }\n    tags { slug articles(first: 2) { totalCount nodes { slug } } }\n  }\n"): (typeof documents)["\n  query AuthorsWithArticles($first: Int!) {\n    authors(first: $first) {\n      nodes {\n        slug\n        articles(first: 3) { totalCount nodes { slug author { name } tags { slug } commentCount } }\n      }\n    }\n    tags { slug articles(first: 2) { totalCount nodes { slug } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientAddressSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation ClientAddressSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id authorName body createdAt } }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAt retryAfterSeconds }\n      ... on CommentsClosed { message }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation PostComment($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id authorName body createdAt } }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAt retryAfterSeconds }\n      ... on CommentsClosed { message }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Moderate($input: ModerateCommentInput!) {\n    moderateComment(input: $input) {\n      __typename\n      ... on ModerationSuccess { comment { id status authorEmail depth } }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation Moderate($input: ModerateCommentInput!) {\n    moderateComment(input: $input) {\n      __typename\n      ... on ModerationSuccess { comment { id status authorEmail depth } }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      __typename\n      ... on ModerationSuccess { comment { body authorName authorUrl } }\n      ... on ValidationError { issues { field } }\n    }\n  }\n"): (typeof documents)["\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      __typename\n      ... on ModerationSuccess { comment { body authorName authorUrl } }\n      ... on ValidationError { issues { field } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationQueue($first: Int) {\n    moderationQueue(first: $first) {\n      totalCount\n      nodes { id status authorName authorEmail body createdAt article { slug } }\n    }\n  }\n"): (typeof documents)["\n  query ModerationQueue($first: Int) {\n    moderationQueue(first: $first) {\n      totalCount\n      nodes { id status authorName authorEmail body createdAt article { slug } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ArticleComments($slug: String!) {\n    article(slug: $slug) {\n      commentCount\n      comments(first: 100) {\n        totalCount\n        nodes {\n          body\n          replies(first: 100) {\n            nodes {\n              body\n              replies(first: 100) {\n                nodes { body replies(first: 100) { nodes { body replies(first: 100) { nodes { body } } } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ArticleComments($slug: String!) {\n    article(slug: $slug) {\n      commentCount\n      comments(first: 100) {\n        totalCount\n        nodes {\n          body\n          replies(first: 100) {\n            nodes {\n              body\n              replies(first: 100) {\n                nodes { body replies(first: 100) { nodes { body replies(first: 100) { nodes { body } } } } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostForStream($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation PostForStream($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveForStream($input: ModerateCommentInput!) {\n    moderateComment(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation ApproveForStream($input: ModerateCommentInput!) {\n    moderateComment(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentsThread($slug: String!, $first: Int) {\n    article(slug: $slug) {\n      id\n      commentCount\n      comments(first: $first) {\n        totalCount\n        nodes {\n          id\n          authorName\n          authorUrl\n          body\n          createdAt\n          replyCount\n          parent { id }\n          article { slug }\n          replies(first: 100) {\n            totalCount\n            nodes {\n              id\n              body\n              createdAt\n              replyCount\n              parent { id }\n              replies(first: 100) {\n                totalCount\n                nodes {\n                  id\n                  body\n                  replyCount\n                  replies(first: 100) {\n                    totalCount\n                    nodes { id body replyCount }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommentsThread($slug: String!, $first: Int) {\n    article(slug: $slug) {\n      id\n      commentCount\n      comments(first: $first) {\n        totalCount\n        nodes {\n          id\n          authorName\n          authorUrl\n          body\n          createdAt\n          replyCount\n          parent { id }\n          article { slug }\n          replies(first: 100) {\n            totalCount\n            nodes {\n              id\n              body\n              createdAt\n              replyCount\n              parent { id }\n              replies(first: 100) {\n                totalCount\n                nodes {\n                  id\n                  body\n                  replyCount\n                  replies(first: 100) {\n                    totalCount\n                    nodes { id body replyCount }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentsCounts {\n    articles(first: 100) {\n      nodes { slug commentCount comments(first: 1) { totalCount } }\n    }\n  }\n"): (typeof documents)["\n  query CommentsCounts {\n    articles(first: 100) {\n      nodes { slug commentCount comments(first: 1) { totalCount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentsPage($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    article(slug: $slug) {\n      comments(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { body } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommentsPage($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    article(slug: $slug) {\n      comments(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { body } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentsFrontPage($articles: Int!, $comments: Int!, $orderBy: ArticleOrder) {\n    articles(first: $articles, orderBy: $orderBy) {\n      nodes {\n        slug\n        commentCount\n        comments(first: $comments) {\n          totalCount\n          nodes {\n            id\n            authorName\n            authorUrl\n            body\n            createdAt\n            replyCount\n            replies(first: $comments) {\n              totalCount\n              nodes {\n                id\n                authorName\n                authorUrl\n                body\n                replyCount\n                replies(first: $comments) { nodes { id authorName authorUrl body replyCount } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommentsFrontPage($articles: Int!, $comments: Int!, $orderBy: ArticleOrder) {\n    articles(first: $articles, orderBy: $orderBy) {\n      nodes {\n        slug\n        commentCount\n        comments(first: $comments) {\n          totalCount\n          nodes {\n            id\n            authorName\n            authorUrl\n            body\n            createdAt\n            replyCount\n            replies(first: $comments) {\n              totalCount\n              nodes {\n                id\n                authorName\n                authorUrl\n                body\n                replyCount\n                replies(first: $comments) { nodes { id authorName authorUrl body replyCount } }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentsNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on Comment {\n        authorName\n        authorUrl\n        body\n        createdAt\n        replyCount\n        parent { id body }\n        article { slug title }\n        replies(first: 100) { nodes { id body } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommentsNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on Comment {\n        authorName\n        authorUrl\n        body\n        createdAt\n        replyCount\n        parent { id body }\n        article { slug title }\n        replies(first: 100) { nodes { id body } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentsIntrospection {\n    __type(name: \"Comment\") { fields { name } }\n  }\n"): (typeof documents)["\n  query CommentsIntrospection {\n    __type(name: \"Comment\") { fields { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedCreate($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { id slug version } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"): (typeof documents)["\n  mutation FeedCreate($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { id slug version } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedPublish($input: PublishArticleInput!) {\n    publishArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { version } } }\n  }\n"): (typeof documents)["\n  mutation FeedPublish($input: PublishArticleInput!) {\n    publishArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { version } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedUpdate($input: UpdateArticleInput!) {\n    updateArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { version } } }\n  }\n"): (typeof documents)["\n  mutation FeedUpdate($input: UpdateArticleInput!) {\n    updateArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { version } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedUnpublish($input: UnpublishArticleInput!) {\n    unpublishArticle(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation FeedUnpublish($input: UnpublishArticleInput!) {\n    unpublishArticle(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedSchedule($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation FeedSchedule($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedDelete($input: DeleteArticleInput!) {\n    deleteArticle(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation FeedDelete($input: DeleteArticleInput!) {\n    deleteArticle(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedArticleBody($slug: String!) {\n    article(slug: $slug) { bodyHtml }\n  }\n"): (typeof documents)["\n  query FeedArticleBody($slug: String!) {\n    article(slug: $slug) { bodyHtml }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation MediaImport($url: String!) {\n      importImageFromUrl(url: $url, alt: \"A red square\") {\n        __typename\n        ... on ImageMutationSuccess { image { id width mimeType alt } }\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  "): (typeof documents)["\n    mutation MediaImport($url: String!) {\n      importImageFromUrl(url: $url, alt: \"A red square\") {\n        __typename\n        ... on ImageMutationSuccess { image { id width mimeType alt } }\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MediaCoverPage($first: Int!) {\n      articles(first: $first) {\n        nodes { slug title coverImage { id url(width: 640, format: WEBP) srcset width height alt placeholder } }\n      }\n    }\n  "): (typeof documents)["\n    query MediaCoverPage($first: Int!) {\n      articles(first: $first) {\n        nodes { slug title coverImage { id url(width: 640, format: WEBP) srcset width height alt placeholder } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MediaPlainPage($first: Int!) {\n      articles(first: $first) { nodes { slug title } }\n    }\n  "): (typeof documents)["\n    query MediaPlainPage($first: Int!) {\n      articles(first: $first) { nodes { slug title } }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MediaArticle($slug: String!) {\n      article(slug: $slug) { bodyHtml coverImage { id alt url } }\n    }\n  "): (typeof documents)["\n    query MediaArticle($slug: String!) {\n      article(slug: $slug) { bodyHtml coverImage { id alt url } }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation MediaCreate($input: CreateArticleInput!) {\n      createArticle(input: $input) {\n        __typename\n        ... on ArticleMutationSuccess { article { id slug version bodyHtml coverImage { id } } }\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  "): (typeof documents)["\n    mutation MediaCreate($input: CreateArticleInput!) {\n      createArticle(input: $input) {\n        __typename\n        ... on ArticleMutationSuccess { article { id slug version bodyHtml coverImage { id } } }\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation MediaPublish($id: ID!) {\n      publishArticle(input: { articleId: $id }) {\n        __typename\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  "): (typeof documents)["\n    mutation MediaPublish($id: ID!) {\n      publishArticle(input: { articleId: $id }) {\n        __typename\n        ... on ValidationError { issues { field message } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation MediaUpdateImage($input: UpdateImageInput!) {\n      updateImage(input: $input) {\n        __typename\n        ... on ImageMutationSuccess { image { alt caption credit decorative } }\n      }\n    }\n  "): (typeof documents)["\n    mutation MediaUpdateImage($input: UpdateImageInput!) {\n      updateImage(input: $input) {\n        __typename\n        ... on ImageMutationSuccess { image { alt caption credit decorative } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation MediaDelete($id: ID!) {\n      deleteArticle(input: { articleId: $id }) { __typename }\n    }\n  "): (typeof documents)["\n    mutation MediaDelete($id: ID!) {\n      deleteArticle(input: { articleId: $id }) { __typename }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MediaImages {\n      images(first: 50) { totalCount nodes { id articles { slug } } }\n    }\n  "): (typeof documents)["\n    query MediaImages {\n      images(first: 50) { totalCount nodes { id articles { slug } } }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query MediaRevisions($id: ID!) {\n        articleRevisions(articleId: $id, first: 5) { nodes { id version changedFields } }\n      }\n    "): (typeof documents)["\n      query MediaRevisions($id: ID!) {\n        articleRevisions(articleId: $id, first: 5) { nodes { id version changedFields } }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation MediaSetCover($input: UpdateArticleInput!) {\n        updateArticle(input: $input) {\n          __typename\n          ... on ArticleMutationSuccess { article { version coverImage { id } } }\n        }\n      }\n    "): (typeof documents)["\n      mutation MediaSetCover($input: UpdateArticleInput!) {\n        updateArticle(input: $input) {\n          __typename\n          ... on ArticleMutationSuccess { article { version coverImage { id } } }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation MediaRestore($input: RestoreArticleRevisionInput!) {\n        restoreArticleRevision(input: $input) {\n          ... on ArticleMutationSuccess { article { coverImage { id } } }\n        }\n      }\n    "): (typeof documents)["\n      mutation MediaRestore($input: RestoreArticleRevisionInput!) {\n        restoreArticleRevision(input: $input) {\n          ... on ArticleMutationSuccess { article { coverImage { id } } }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewsletterDigestPreview($date: String!, $topics: [String!], $language: Language!) {\n    newsletterDigestPreview(date: $date, topics: $topics, language: $language) {\n      date\n      from\n      to\n      wouldSend\n      subject\n      text\n      html\n      articles { slug }\n    }\n  }\n"): (typeof documents)["\n  query NewsletterDigestPreview($date: String!, $topics: [String!], $language: Language!) {\n    newsletterDigestPreview(date: $date, topics: $topics, language: $language) {\n      date\n      from\n      to\n      wouldSend\n      subject\n      text\n      html\n      articles { slug }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NewsletterDigestManage($token: String!) {\n    updateNewsletterPreferences(input: { token: $token, language: FR }) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation NewsletterDigestManage($token: String!) {\n    updateNewsletterPreferences(input: { token: $token, language: FR }) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NewsletterSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) {\n      __typename\n      ... on SubscribeToNewsletterSuccess { ok message }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAt }\n    }\n  }\n"): (typeof documents)["\n  mutation NewsletterSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) {\n      __typename\n      ... on SubscribeToNewsletterSuccess { ok message }\n      ... on ValidationError { message issues { field message } }\n      ... on RateLimited { message retryAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NewsletterConfirm($token: String!) {\n    confirmNewsletterSubscription(input: { token: $token }) {\n      __typename\n      ... on ConfirmNewsletterSubscriptionSuccess { subscription { status language confirmedAt topics { slug } } }\n      ... on InvalidToken { message }\n    }\n  }\n"): (typeof documents)["\n  mutation NewsletterConfirm($token: String!) {\n    confirmNewsletterSubscription(input: { token: $token }) {\n      __typename\n      ... on ConfirmNewsletterSubscriptionSuccess { subscription { status language confirmedAt topics { slug } } }\n      ... on InvalidToken { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NewsletterUnsubscribe($token: String!) {\n    unsubscribeFromNewsletter(input: { token: $token }) {\n      __typename\n      ... on UnsubscribeFromNewsletterSuccess { subscription { status } }\n      ... on InvalidToken { message }\n    }\n  }\n"): (typeof documents)["\n  mutation NewsletterUnsubscribe($token: String!) {\n    unsubscribeFromNewsletter(input: { token: $token }) {\n      __typename\n      ... on UnsubscribeFromNewsletterSuccess { subscription { status } }\n      ... on InvalidToken { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NewsletterPreferences($input: UpdateNewsletterPreferencesInput!) {\n    updateNewsletterPreferences(input: $input) {\n      __typename\n      ... on UpdateNewsletterPreferencesSuccess { subscription { status language topics { slug } } }\n      ... on InvalidToken { message }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"): (typeof documents)["\n  mutation NewsletterPreferences($input: UpdateNewsletterPreferencesInput!) {\n    updateNewsletterPreferences(input: $input) {\n      __typename\n      ... on UpdateNewsletterPreferencesSuccess { subscription { status language topics { slug } } }\n      ... on InvalidToken { message }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewsletterSubscriptionByToken($token: String!) {\n    newsletterSubscription(token: $token) { status language topics { slug } }\n  }\n"): (typeof documents)["\n  query NewsletterSubscriptionByToken($token: String!) {\n    newsletterSubscription(token: $token) { status language topics { slug } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewsletterConsent {\n    newsletterConsent(language: FR) { version text }\n  }\n"): (typeof documents)["\n  query NewsletterConsent {\n    newsletterConsent(language: FR) { version text }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeLookup($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Article { slug status }\n      ... on Author { slug }\n      ... on Tag { slug }\n      ... on Quote { text }\n      ... on Comment { body }\n    }\n  }\n"): (typeof documents)["\n  query NodeLookup($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Article { slug status }\n      ... on Author { slug }\n      ... on Tag { slug }\n      ... on Quote { text }\n      ... on Comment { body }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodesLookup($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on Article { slug }\n      ... on Author { slug }\n      ... on Tag { slug }\n      ... on Quote { text }\n      ... on Comment { body }\n    }\n  }\n"): (typeof documents)["\n  query NodesLookup($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n      ... on Article { slug }\n      ... on Author { slug }\n      ... on Tag { slug }\n      ... on Quote { text }\n      ... on Comment { body }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeSamples($slug: String!) {\n    article(slug: $slug) {\n      id\n      slug\n      author { id slug }\n      tags { id slug }\n      quotes { id text }\n      comments(first: 3) { nodes { id body } }\n    }\n    articles(first: 3) { nodes { id slug } }\n  }\n"): (typeof documents)["\n  query NodeSamples($slug: String!) {\n    article(slug: $slug) {\n      id\n      slug\n      author { id slug }\n      tags { id slug }\n      quotes { id text }\n      comments(first: 3) { nodes { id body } }\n    }\n    articles(first: 3) { nodes { id slug } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeStaffArticles($status: [ArticleStatus!]) {\n    articles(first: 10, filter: { status: $status }) { nodes { id slug status quotes { id text } } }\n  }\n"): (typeof documents)["\n  query NodeStaffArticles($status: [ArticleStatus!]) {\n    articles(first: 10, filter: { status: $status }) { nodes { id slug status quotes { id text } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutboxMessages($status: [OutboxStatus!], $first: Int, $after: String) {\n    outboxMessages(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { idempotencyKey kind recipient subject status attempts lastError sentAt }\n    }\n  }\n"): (typeof documents)["\n  query OutboxMessages($status: [OutboxStatus!], $first: Int, $after: String) {\n    outboxMessages(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { idempotencyKey kind recipient subject status attempts lastError sentAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirstSlugs {\n    articles(first: 20) { nodes { slug } }\n  }\n"): (typeof documents)["\n  query FirstSlugs {\n    articles(first: 20) { nodes { slug } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WholeArticle($slug: String!) {\n    article(slug: $slug) { ...WholeAuthorsAndComments }\n  }\n  fragment WholeAuthorsAndComments on Article {\n    author { name bio jobTitle avatarUrl links { label url } }\n    authors { slug avatarUrl }\n    comments(first: 5) {\n      nodes {\n        body\n        authorUrl\n        article { slug }\n        replies(first: 3) { nodes { body authorUrl parent { body } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WholeArticle($slug: String!) {\n    article(slug: $slug) { ...WholeAuthorsAndComments }\n  }\n  fragment WholeAuthorsAndComments on Article {\n    author { name bio jobTitle avatarUrl links { label url } }\n    authors { slug avatarUrl }\n    comments(first: 5) {\n      nodes {\n        body\n        authorUrl\n        article { slug }\n        replies(first: 3) { nodes { body authorUrl parent { body } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BylinesBesideWholeArticle($slug: String!) {\n    articles(first: 20) {\n      nodes {\n        slug\n        author { name }\n        comments(first: 5) { nodes { authorName body replies(first: 3) { nodes { body } } } }\n      }\n    }\n    article(slug: $slug) { ...WholeAuthorsAndComments }\n  }\n"): (typeof documents)["\n  query BylinesBesideWholeArticle($slug: String!) {\n    articles(first: 20) {\n      nodes {\n        slug\n        author { name }\n        comments(first: 5) { nodes { authorName body replies(first: 3) { nodes { body } } } }\n      }\n    }\n    article(slug: $slug) { ...WholeAuthorsAndComments }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostPrivate($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id authorName body authorUrl article { slug } } }\n    }\n  }\n"): (typeof documents)["\n  mutation PostPrivate($input: PostCommentInput!) {\n    postComment(input: $input) {\n      __typename\n      ... on PostCommentSuccess { status comment { id authorName body authorUrl article { slug } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BroadPublic($slug: String!) {\n    articles(first: 50) {\n      nodes {\n        id slug title commentCount\n        authors { slug name bio links { url } articles(first: 2) { nodes { slug } } }\n        comments(first: 50) {\n          nodes {\n            id authorName authorUrl body createdAt replyCount\n            parent { id }\n            replies(first: 50) { nodes { id authorName authorUrl body replies(first: 50) { nodes { id authorName body } } } }\n          }\n        }\n      }\n    }\n    article(slug: $slug) {\n      comments(last: 50) { nodes { id authorName authorUrl body article { slug } } }\n    }\n    quotes(first: 50) { nodes { speaker text article { slug } } }\n    authors(first: 50) { nodes { name } }\n    tags { slug articles(first: 5) { nodes { slug } } }\n    viewer { name }\n  }\n"): (typeof documents)["\n  query BroadPublic($slug: String!) {\n    articles(first: 50) {\n      nodes {\n        id slug title commentCount\n        authors { slug name bio links { url } articles(first: 2) { nodes { slug } } }\n        comments(first: 50) {\n          nodes {\n            id authorName authorUrl body createdAt replyCount\n            parent { id }\n            replies(first: 50) { nodes { id authorName authorUrl body replies(first: 50) { nodes { id authorName body } } } }\n          }\n        }\n      }\n    }\n    article(slug: $slug) {\n      comments(last: 50) { nodes { id authorName authorUrl body article { slug } } }\n    }\n    quotes(first: 50) { nodes { speaker text article { slug } } }\n    authors(first: 50) { nodes { name } }\n    tags { slug articles(first: 5) { nodes { slug } } }\n    viewer { name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacyNodes($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Comment { authorName body authorUrl } }\n  }\n"): (typeof documents)["\n  query PrivacyNodes($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Comment { authorName body authorUrl } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateLimitedSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation RateLimitedSubscribe($input: SubscribeToNewsletterInput!) {\n    subscribeToNewsletter(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedCreate($input: CreateArticleInput!) {\n    createArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { id } } }\n  }\n"): (typeof documents)["\n  mutation SchedCreate($input: CreateArticleInput!) {\n    createArticle(input: $input) { __typename ... on ArticleMutationSuccess { article { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedSchedule($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation SchedSchedule($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $language: Language, $first: Int, $after: String, $last: Int, $before: String) {\n    search(query: $query, language: $language, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      allMatchesRanked\n      matchKind\n      correctedQuery\n      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n      edges { cursor rank snippet highlightedTitle node { slug title language author { name } tags { slug } } }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $language: Language, $first: Int, $after: String, $last: Int, $before: String) {\n    search(query: $query, language: $language, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      allMatchesRanked\n      matchKind\n      correctedQuery\n      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }\n      edges { cursor rank snippet highlightedTitle node { slug title language author { name } tags { slug } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess {\n        article {\n          id slug title lede body bodyHtml status version readingTimeMinutes language commentsOpen\n          authors { slug }\n          tags { slug }\n        }\n      }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"): (typeof documents)["\n  mutation EdCreateArticle($input: CreateArticleInput!) {\n    createArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess {\n        article {\n          id slug title lede body bodyHtml status version readingTimeMinutes language commentsOpen\n          authors { slug }\n          tags { slug }\n        }\n      }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess {\n        article { id slug title lede body bodyHtml status version readingTimeMinutes authors { slug } tags { slug } }\n      }\n      ... on ValidationError { issues { field message } }\n      ... on Conflict { message }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation EdUpdateArticle($input: UpdateArticleInput!) {\n    updateArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess {\n        article { id slug title lede body bodyHtml status version readingTimeMinutes authors { slug } tags { slug } }\n      }\n      ... on ValidationError { issues { field message } }\n      ... on Conflict { message }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdPublishArticle($input: PublishArticleInput!) {\n    publishArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status publishedAt version } }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation EdPublishArticle($input: PublishArticleInput!) {\n    publishArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status publishedAt version } }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdUnpublishArticle($input: UnpublishArticleInput!) {\n    unpublishArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status publishedAt } }\n    }\n  }\n"): (typeof documents)["\n  mutation EdUnpublishArticle($input: UnpublishArticleInput!) {\n    unpublishArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status publishedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdScheduleArticle($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { status publishedAt } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"): (typeof documents)["\n  mutation EdScheduleArticle($input: ScheduleArticleInput!) {\n    scheduleArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { status publishedAt } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdDeleteArticle($input: DeleteArticleInput!) {\n    deleteArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug } }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation EdDeleteArticle($input: DeleteArticleInput!) {\n    deleteArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug } }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdRestoreArticle($input: RestoreArticleInput!) {\n    restoreArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status } }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation EdRestoreArticle($input: RestoreArticleInput!) {\n    restoreArticle(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug status } }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdDeletedArticles {\n    deletedArticles(first: 100) { totalCount nodes { id slug } }\n  }\n"): (typeof documents)["\n  query EdDeletedArticles {\n    deletedArticles(first: 100) { totalCount nodes { id slug } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdRevisions($articleId: ID!) {\n    articleRevisions(articleId: $articleId, first: 50) {\n      totalCount\n      nodes { id version changedFields title body slug status createdAt staff { name } authors { slug } tags { slug } }\n    }\n  }\n"): (typeof documents)["\n  query EdRevisions($articleId: ID!) {\n    articleRevisions(articleId: $articleId, first: 50) {\n      totalCount\n      nodes { id version changedFields title body slug status createdAt staff { name } authors { slug } tags { slug } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdRestoreRevision($input: RestoreArticleRevisionInput!) {\n    restoreArticleRevision(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug title body version tags { slug } } }\n      ... on Conflict { message }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation EdRestoreRevision($input: RestoreArticleRevisionInput!) {\n    restoreArticleRevision(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { slug title body version tags { slug } } }\n      ... on Conflict { message }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdCreatePreview($input: CreatePreviewTokenInput!) {\n    createPreviewToken(input: $input) {\n      __typename\n      ... on PreviewToken { token expiresAt article { slug } }\n      ... on ValidationError { issues { field } }\n    }\n  }\n"): (typeof documents)["\n  mutation EdCreatePreview($input: CreatePreviewTokenInput!) {\n    createPreviewToken(input: $input) {\n      __typename\n      ... on PreviewToken { token expiresAt article { slug } }\n      ... on ValidationError { issues { field } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdArticleBySlug($slug: String!, $previewToken: String) {\n    article(slug: $slug, previewToken: $previewToken) { id slug title status version quotes { text } }\n  }\n"): (typeof documents)["\n  query EdArticleBySlug($slug: String!, $previewToken: String) {\n    article(slug: $slug, previewToken: $previewToken) { id slug title status version quotes { text } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdPublicLists($tag: String) {\n    articles(first: 100, filter: { tag: $tag }) { nodes { slug } }\n  }\n"): (typeof documents)["\n  query EdPublicLists($tag: String) {\n    articles(first: 100, filter: { tag: $tag }) { nodes { slug } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdNodeById($id: ID!) {\n    node(id: $id) { id ... on Article { slug } }\n  }\n"): (typeof documents)["\n  query EdNodeById($id: ID!) {\n    node(id: $id) { id ... on Article { slug } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdAddQuote($input: AddQuoteInput!) {\n    addQuote(input: $input) {\n      __typename\n      ... on QuoteMutationSuccess { quote { id text } article { version quotes { text } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"): (typeof documents)["\n  mutation EdAddQuote($input: AddQuoteInput!) {\n    addQuote(input: $input) {\n      __typename\n      ... on QuoteMutationSuccess { quote { id text } article { version quotes { text } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdUpdateQuote($input: UpdateQuoteInput!) {\n    updateQuote(input: $input) {\n      __typename\n      ... on QuoteMutationSuccess { quote { text speaker speakerRole } article { quotes { text } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"): (typeof documents)["\n  mutation EdUpdateQuote($input: UpdateQuoteInput!) {\n    updateQuote(input: $input) {\n      __typename\n      ... on QuoteMutationSuccess { quote { text speaker speakerRole } article { quotes { text } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdRemoveQuote($input: RemoveQuoteInput!) {\n    removeQuote(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { quotes { text } } }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation EdRemoveQuote($input: RemoveQuoteInput!) {\n    removeQuote(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { quotes { text } } }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdAddSource($input: AddSourceInput!) {\n    addSource(input: $input) {\n      __typename\n      ... on SourceMutationSuccess { source { id title url } article { sources { title } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"): (typeof documents)["\n  mutation EdAddSource($input: AddSourceInput!) {\n    addSource(input: $input) {\n      __typename\n      ... on SourceMutationSuccess { source { id title url } article { sources { title } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdRemoveSource($input: RemoveSourceInput!) {\n    removeSource(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { sources { title } } }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation EdRemoveSource($input: RemoveSourceInput!) {\n    removeSource(input: $input) {\n      __typename\n      ... on ArticleMutationSuccess { article { sources { title } } }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdCreateAuthor($input: CreateAuthorInput!) {\n    createAuthor(input: $input) {\n      __typename\n      ... on AuthorMutationSuccess { author { id slug name bio avatarUrl jobTitle links { label url } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"): (typeof documents)["\n  mutation EdCreateAuthor($input: CreateAuthorInput!) {\n    createAuthor(input: $input) {\n      __typename\n      ... on AuthorMutationSuccess { author { id slug name bio avatarUrl jobTitle links { label url } } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdUpdateAuthor($input: UpdateAuthorInput!) {\n    updateAuthor(input: $input) {\n      __typename\n      ... on AuthorMutationSuccess { author { slug name bio jobTitle } }\n      ... on ValidationError { issues { field message } }\n      ... on NotFound { message }\n    }\n  }\n"): (typeof documents)["\n  mutation EdUpdateAuthor($input: UpdateAuthorInput!) {\n    updateAuthor(input: $input) {\n      __typename\n      ... on AuthorMutationSuccess { author { slug name bio jobTitle } }\n      ... on ValidationError { issues { field message } }\n      ... on NotFound { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdCreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      __typename\n      ... on TagMutationSuccess { tag { slug name } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"): (typeof documents)["\n  mutation EdCreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      __typename\n      ... on TagMutationSuccess { tag { slug name } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"];
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
export function graphql(source: "\n  query Viewer {\n    viewer { id name role }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer { id name role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhCreate($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on WebhookWithSecret { secret webhook { id secretHint enabled } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"): (typeof documents)["\n  mutation WhCreate($input: CreateWebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on WebhookWithSecret { secret webhook { id secretHint enabled } }\n      ... on ValidationError { issues { field message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhRotate($webhookId: ID!) {\n    rotateWebhookSecret(webhookId: $webhookId) {\n      __typename\n      ... on WebhookWithSecret { secret webhook { secretHint previousSecretExpiresAt } }\n    }\n  }\n"): (typeof documents)["\n  mutation WhRotate($webhookId: ID!) {\n    rotateWebhookSecret(webhookId: $webhookId) {\n      __typename\n      ... on WebhookWithSecret { secret webhook { secretHint previousSecretExpiresAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhRedeliver($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) { __typename ... on WebhookDeliveryPayload { delivery { id eventId } } }\n  }\n"): (typeof documents)["\n  mutation WhRedeliver($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) { __typename ... on WebhookDeliveryPayload { delivery { id eventId } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhList { webhooks { id url enabled disabledReason secretHint events } }\n"): (typeof documents)["\n  query WhList { webhooks { id url enabled disabledReason secretHint events } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhDeliveries($webhookId: ID!, $status: [WebhookDeliveryStatus!]) {\n    webhookDeliveries(webhookId: $webhookId, status: $status, first: 50) {\n      totalCount\n      nodes { id eventId eventType status attemptCount attempts { attempt statusCode responseBody } }\n    }\n  }\n"): (typeof documents)["\n  query WhDeliveries($webhookId: ID!, $status: [WebhookDeliveryStatus!]) {\n    webhookDeliveries(webhookId: $webhookId, status: $status, first: 50) {\n      totalCount\n      nodes { id eventId eventType status attemptCount attempts { attempt statusCode responseBody } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhPublish($input: PublishArticleInput!) { publishArticle(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation WhPublish($input: PublishArticleInput!) { publishArticle(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhPostComment($input: PostCommentInput!) { postComment(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation WhPostComment($input: PostCommentInput!) { postComment(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhUpdateArticle($input: UpdateArticleInput!) { updateArticle(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation WhUpdateArticle($input: UpdateArticleInput!) { updateArticle(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhNode($id: ID!) { node(id: $id) { __typename id } }\n"): (typeof documents)["\n  query WhNode($id: ID!) { node(id: $id) { __typename id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RealImportedArticle($slug: String!) {\n    article(slug: $slug) {\n      slug title lede status publishedAt commentCount commentsOpen\n      author { slug name }\n      tags { slug name }\n      quotes { speaker speakerRole text }\n      sources { title publisher url }\n      coverImage { alt caption width height }\n      comments(first: 20) {\n        nodes {\n          authorName authorUrl body createdAt\n          replies(first: 20) { nodes { authorName body replies(first: 20) { nodes { authorName body } } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RealImportedArticle($slug: String!) {\n    article(slug: $slug) {\n      slug title lede status publishedAt commentCount commentsOpen\n      author { slug name }\n      tags { slug name }\n      quotes { speaker speakerRole text }\n      sources { title publisher url }\n      coverImage { alt caption width height }\n      comments(first: 20) {\n        nodes {\n          authorName authorUrl body createdAt\n          replies(first: 20) { nodes { authorName body replies(first: 20) { nodes { authorName body } } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportedArticle($slug: String!) {\n    article(slug: $slug) {\n      slug title lede status publishedAt commentCount commentsOpen\n      author { slug name }\n      tags { slug name }\n      quotes { speaker speakerRole text }\n      sources { title publisher url }\n      coverImage { alt caption credit width height }\n      comments(first: 20) { nodes { authorName body replies(first: 20) { nodes { authorName } } } }\n    }\n  }\n"): (typeof documents)["\n  query ImportedArticle($slug: String!) {\n    article(slug: $slug) {\n      slug title lede status publishedAt commentCount commentsOpen\n      author { slug name }\n      tags { slug name }\n      quotes { speaker speakerRole text }\n      sources { title publisher url }\n      coverImage { alt caption credit width height }\n      comments(first: 20) { nodes { authorName body replies(first: 20) { nodes { authorName } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportRedirects($first: Int, $after: String) {\n    redirects(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { from to article { slug } }\n    }\n  }\n"): (typeof documents)["\n  query ImportRedirects($first: Int, $after: String) {\n    redirects(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { from to article { slug } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchImported($query: String!) {\n    search(query: $query) { totalCount nodes { slug } }\n  }\n"): (typeof documents)["\n  query SearchImported($query: String!) {\n    search(query: $query) { totalCount nodes { slug } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;