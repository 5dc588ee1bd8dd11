// What the editorial test files share (article-writing, article-publishing, quotes, sources,
// authors-tags): their GraphQL operations, an app with staff tokens for each role on a clock they
// move, and the helpers that write and read articles.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { defaults } from "../../src/config.ts";
import { articles } from "../../src/db/schema.ts";
import { stableUuid } from "../../src/db/stable-uuid.ts";
import { createLedePubSub } from "../../src/infra/pubsub.ts";
import { graphql } from "../generated/gql.ts";
import { createTestApp, type TestApp } from "./app.ts";
import { staffToken } from "./factories.ts";
import { collectLogs } from "./logs.ts";

export const CreateArticle = graphql(`
  mutation EdCreateArticle($input: CreateArticleInput!) {
    createArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess {
        article {
          id slug title lede body bodyHtml status version readingTimeMinutes language commentsOpen
          authors { slug }
          tags { slug }
        }
      }
      ... on ValidationError { issues { field message } }
    }
  }
`);

export const UpdateArticle = graphql(`
  mutation EdUpdateArticle($input: UpdateArticleInput!) {
    updateArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess {
        article { id slug title lede body bodyHtml status version readingTimeMinutes authors { slug } tags { slug } }
      }
      ... on ValidationError { issues { field message } }
      ... on Conflict { message }
      ... on NotFound { message }
    }
  }
`);

export const PublishArticle = graphql(`
  mutation EdPublishArticle($input: PublishArticleInput!) {
    publishArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { slug status publishedAt version } }
      ... on NotFound { message }
    }
  }
`);

export const UnpublishArticle = graphql(`
  mutation EdUnpublishArticle($input: UnpublishArticleInput!) {
    unpublishArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { slug status publishedAt } }
    }
  }
`);

export const ScheduleArticle = graphql(`
  mutation EdScheduleArticle($input: ScheduleArticleInput!) {
    scheduleArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { status publishedAt } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

export const DeleteArticle = graphql(`
  mutation EdDeleteArticle($input: DeleteArticleInput!) {
    deleteArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { slug } }
      ... on NotFound { message }
    }
  }
`);

export const RestoreArticle = graphql(`
  mutation EdRestoreArticle($input: RestoreArticleInput!) {
    restoreArticle(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { slug status } }
      ... on NotFound { message }
    }
  }
`);

export const DeletedArticles = graphql(`
  query EdDeletedArticles {
    deletedArticles(first: 100) { totalCount nodes { id slug } }
  }
`);

export const Revisions = graphql(`
  query EdRevisions($articleId: ID!) {
    articleRevisions(articleId: $articleId, first: 50) {
      totalCount
      nodes { id version changedFields title body slug status createdAt staff { name } authors { slug } tags { slug } }
    }
  }
`);

export const RestoreRevision = graphql(`
  mutation EdRestoreRevision($input: RestoreArticleRevisionInput!) {
    restoreArticleRevision(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { slug title body version tags { slug } } }
      ... on Conflict { message }
      ... on NotFound { message }
    }
  }
`);

export const CreatePreview = graphql(`
  mutation EdCreatePreview($input: CreatePreviewTokenInput!) {
    createPreviewToken(input: $input) {
      __typename
      ... on PreviewToken { token expiresAt article { slug } }
      ... on ValidationError { issues { field } }
    }
  }
`);

export const ArticleBySlug = graphql(`
  query EdArticleBySlug($slug: String!, $previewToken: String) {
    article(slug: $slug, previewToken: $previewToken) { id slug title status version quotes { text } }
  }
`);

export const PublicLists = graphql(`
  query EdPublicLists($tag: String) {
    articles(first: 100, filter: { tag: $tag }) { nodes { slug } }
  }
`);

export const NodeById = graphql(`
  query EdNodeById($id: ID!) {
    node(id: $id) { id ... on Article { slug } }
  }
`);

export const AddQuote = graphql(`
  mutation EdAddQuote($input: AddQuoteInput!) {
    addQuote(input: $input) {
      __typename
      ... on QuoteMutationSuccess { quote { id text } article { version quotes { text } } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

export const UpdateQuote = graphql(`
  mutation EdUpdateQuote($input: UpdateQuoteInput!) {
    updateQuote(input: $input) {
      __typename
      ... on QuoteMutationSuccess { quote { text speaker speakerRole } article { quotes { text } } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

export const RemoveQuote = graphql(`
  mutation EdRemoveQuote($input: RemoveQuoteInput!) {
    removeQuote(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { quotes { text } } }
      ... on NotFound { message }
    }
  }
`);

export const AddSource = graphql(`
  mutation EdAddSource($input: AddSourceInput!) {
    addSource(input: $input) {
      __typename
      ... on SourceMutationSuccess { source { id title url } article { sources { title } } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

export const RemoveSource = graphql(`
  mutation EdRemoveSource($input: RemoveSourceInput!) {
    removeSource(input: $input) {
      __typename
      ... on ArticleMutationSuccess { article { sources { title } } }
      ... on NotFound { message }
    }
  }
`);

export const CreateAuthor = graphql(`
  mutation EdCreateAuthor($input: CreateAuthorInput!) {
    createAuthor(input: $input) {
      __typename
      ... on AuthorMutationSuccess { author { id slug name bio avatarUrl jobTitle links { label url } } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

export const UpdateAuthor = graphql(`
  mutation EdUpdateAuthor($input: UpdateAuthorInput!) {
    updateAuthor(input: $input) {
      __typename
      ... on AuthorMutationSuccess { author { slug name bio jobTitle } }
      ... on ValidationError { issues { field message } }
      ... on NotFound { message }
    }
  }
`);

export const CreateTag = graphql(`
  mutation EdCreateTag($input: CreateTagInput!) {
    createTag(input: $input) {
      __typename
      ... on TagMutationSuccess { tag { slug name } }
      ... on ValidationError { issues { field message } }
    }
  }
`);

export const authorId = (slug: string) => stableUuid(`author:${slug}`);

/** The payload narrowed to one member of its union, or a failed test that shows what came instead. */
export function as<T extends { __typename: string }, N extends T["__typename"]>(
  payload: T | null | undefined,
  typename: N,
): Extract<T, { __typename: N }> {
  if (payload?.__typename !== typename)
    throw new Error(`expected ${typename}, got ${JSON.stringify(payload)}`);
  return payload as Extract<T, { __typename: N }>;
}

export const errorCode = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

let titleCounter = 0;
/** A title no other test uses. */
export const freshTitle = (prefix = "Draft") =>
  `${prefix} ${++titleCounter} ${Math.random().toString(36).slice(2, 7)}`;

/**
 * The editorial app for this test file: started before its tests, closed after them. `t` and the
 * tokens are set once beforeAll has run; read them in tests and hooks, not at import.
 */
export function useEditorialApp() {
  /** The app's clock, in ms; it moves a minute before each test (past the mutation rate window). */
  const clock = { ms: new Date("2026-11-25T09:00:00Z").getTime() };
  const now = () => new Date(clock.ms);
  const { pubsub } = createLedePubSub();
  // Read, not printed: some tests make a write fail on purpose, and lede logs that as an error.
  const logs = collectLogs("warn");
  const state = {
    t: undefined as unknown as TestApp,
    editor: "",
    /** An author writing as priya-nair. */
    priya: "",
    /** An author writing as daniel-okafor. */
    daniel: "",
    /** An author with no byline. */
    orphan: "",
  };
  beforeAll(async () => {
    // The longest body an article may have (200,000 characters) is over the default request limit
    // (GRAPHQL_MAX_BODY_BYTES); these files send one, as staff would with a raised limit.
    state.t = await createTestApp({
      now,
      pubsub,
      logger: logs.logger,
      graphql: { limits: { ...defaults.graphql.limits, maxBodyBytes: 1_000_000 } },
    });
    state.editor = await staffToken(state.t, "editor");
    state.priya = await staffToken(state.t, "author", authorId("priya-nair"));
    state.daniel = await staffToken(state.t, "author", authorId("daniel-okafor"));
    state.orphan = await staffToken(state.t, "author");
  });
  afterAll(() => state.t.close());
  beforeEach(() => {
    clock.ms += 61_000;
  });

  async function create(input: Record<string, unknown> = {}, token = state.editor) {
    const result = await state.t.execute(
      CreateArticle,
      { input: { title: freshTitle(), language: "EN", authorSlugs: ["priya-nair"], ...input } as never },
      { token },
    );
    return as(result.data?.createArticle, "ArticleMutationSuccess").article;
  }
  const update = (input: Record<string, unknown>, token = state.editor) =>
    state.t.execute(UpdateArticle, { input: input as never }, { token });
  const publish = async (id: string, token = state.editor) =>
    as(
      (await state.t.execute(PublishArticle, { input: { articleId: id } }, { token })).data?.publishArticle,
      "ArticleMutationSuccess",
    ).article;
  const rowOf = async (id: string) => {
    const row = await state.t.db.query.articles.findFirst({ where: { id: decodeGlobalID(id).id } });
    if (!row) throw new Error(`no article row for ${id}`);
    return row;
  };
  const revisionRows = (id: string) =>
    state.t.db.query.articleRevisions.findMany({
      where: { articleId: decodeGlobalID(id).id },
      orderBy: { version: "asc" },
    });
  const countArticlesTitled = async (title: string) =>
    (await state.t.db.select({ id: articles.id }).from(articles).where(eq(articles.title, title))).length;

  return Object.assign(state, {
    clock,
    now,
    pubsub,
    logs,
    create,
    update,
    publish,
    rowOf,
    revisionRows,
    countArticlesTitled,
  });
}
