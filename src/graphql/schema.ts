// Assembles the schema: each import adds its module's types and fields to the builder.
import { lexicographicSortSchema } from "graphql";
import { builder } from "./builder.ts";
import "./connection.ts";
import "./error-types.ts";
import "../modules/article/article.graphql.ts";
import "../modules/author/author.graphql.ts";
import "../modules/tag/tag.graphql.ts";
import "../modules/quote/quote.graphql.ts";
import "../modules/source/source.graphql.ts";
import "../modules/comment/comment.graphql.ts";
import "../modules/comment/comment.mutations.graphql.ts";
import "../modules/media/media.graphql.ts";
import "../modules/article/article.mutations.graphql.ts";
import "../modules/quote/quote.mutations.graphql.ts";
import "../modules/source/source.mutations.graphql.ts";
import "../modules/author/author.mutations.graphql.ts";
import "../modules/tag/tag.mutations.graphql.ts";
import "../modules/search/search.graphql.ts";
import "../modules/staff/staff.graphql.ts";
import "../modules/newsletter/newsletter.graphql.ts";
import "../mail/outbox.graphql.ts";
import "../modules/webhooks/webhook.graphql.ts";
import "../modules/wordpress-import/wordpress-import.graphql.ts";

export const schema = lexicographicSortSchema(builder.toSchema());
