// The GraphiQL playground at GET /graphql: the page, its scripts, styles, editor workers and icon
// all come from @graphql-yoga/render-graphiql inside one HTML response, so it works offline and
// behind a firewall (yoga's own page loads GraphiQL from a CDN). It opens with one tab per
// everyday operation, aimed at the demo content.

import { encodeGlobalID } from "@pothos/plugin-relay";
import type { GraphiQLOptions } from "graphql-yoga";
import { seedArticles } from "../db/seed-content.ts";
import { stableUuid } from "../db/stable-uuid.ts";

/** The demo article the tabs read and comment on: the first published one open to comments. */
const demoArticle = seedArticles.find((a) => a.status === "published" && a.commentsOpen);

const variables = (values: Record<string, unknown>) => JSON.stringify(values, null, 2);

const frontPage = `# Welcome to lede. Press the run button to fetch the front page.
# The other tabs read an article, post a comment and subscribe to the newsletter.
query FrontPage {
  articles(first: 5) {
    totalCount
    nodes {
      slug
      title
      lede
      publishedAt
      readingTimeMinutes
      author { name jobTitle }
      tags { slug name }
      commentCount
      comments(first: 3) { nodes { authorName body createdAt } }
    }
  }
}
`;

const articlePage = `# An article's page: the body as safe HTML, its sources, quotes and comment threads.
# Any slug from the front page works.
query ArticlePage($slug: String!) {
  article(slug: $slug) {
    id
    title
    lede
    bodyHtml
    publishedAt
    readingTimeMinutes
    authors { name jobTitle avatarUrl }
    tags { slug name }
    sources { title publisher url }
    quotes { text speaker speakerRole }
    commentCount
    comments(first: 10) {
      nodes {
        authorName
        body
        createdAt
        replies(first: 5) { nodes { authorName body createdAt } }
      }
    }
  }
}
`;

const postComment = `# Posts a reader's comment (articleId is the id that ArticlePage returns). A first-time
# commenter's comment waits for moderation: it comes back PENDING, visible only to its poster.
mutation PostComment($input: PostCommentInput!) {
  postComment(input: $input) {
    __typename
    ... on PostCommentSuccess { status comment { id authorName body createdAt } }
    ... on ValidationError { message issues { field message } }
    ... on UserError { message }
  }
}
`;

const subscribeToNewsletter = `# The newsletter: read the consent text the form must show, then subscribe (double opt-in:
# a confirmation email goes out, and the address counts once its link is followed).
# With two operations in this tab, the run button asks which one to run.
query NewsletterConsent {
  newsletterConsent(language: EN) { version text }
}

mutation SubscribeToNewsletter($input: SubscribeToNewsletterInput!) {
  subscribeToNewsletter(input: $input) {
    __typename
    ... on SubscribeToNewsletterSuccess { ok message }
    ... on ValidationError { message issues { field message } }
    ... on UserError { message }
  }
}
`;

/** The tabs GraphiQL opens with (until the visitor's own tabs are saved in the browser). */
export const playgroundTabs = [
  { query: frontPage },
  { query: articlePage, variables: variables({ slug: demoArticle?.slug ?? "" }) },
  {
    query: postComment,
    variables: variables({
      input: {
        articleId: demoArticle ? encodeGlobalID("Article", stableUuid(`article:${demoArticle.slug}`)) : "",
        authorName: "Playground reader",
        authorEmail: "reader@example.com",
        body: "Tried from the playground.",
      },
    }),
  },
  {
    query: subscribeToNewsletter,
    variables: variables({
      input: { email: "reader@example.com", language: "EN", consent: true, source: "playground" },
    }),
  },
];

export const playgroundOptions: GraphiQLOptions = {
  title: "lede",
  defaultQuery: frontPage,
  defaultTabs: playgroundTabs,
};

let rendered: { options: string; html: string } | undefined;

/**
 * The self-contained page (about 9 MB: GraphiQL, Monaco and its workers). Rendering it copies all
 * of that into one string, so it is rendered once per set of options, not once per visit. The
 * module is imported on the first visit: loaded, its source and its bundle take about 35 MB of
 * heap, which a process that never shows the playground (production's default) should not hold.
 */
export async function renderPlayground(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options);
  if (rendered?.options !== key) {
    const { renderGraphiQL } = await import("@graphql-yoga/render-graphiql");
    rendered = { options: key, html: renderGraphiQL(options) };
  }
  return rendered.html;
}
