// The newsletter in the schema: subscribing (public, and telling nothing about who is subscribed),
// the token-holder's mutations behind the links in emails, and the digest preview for editors.
import { builder } from "../../graphql/builder.ts";
import { UserErrorRef } from "../../graphql/error-types.ts";
import { badUserInput } from "../../graphql/errors.ts";
import { doNotCache } from "../../graphql/plugins/response-cache.ts";
import { isIsoDate } from "../../infra/zoned-time.ts";
import { ArticleRef, LanguageEnum } from "../article/article.graphql.ts";
import { RateLimitedError, ValidationError } from "../errors.ts";
import { TagRef } from "../tag/tag.graphql.ts";
import { tagBySlug } from "../tag/tag.loaders.ts";
import { type DigestPreview, previewDigest } from "./digest.ts";
import type { Subscriber } from "./newsletter.repo.ts";
import {
  confirmSubscription,
  findSubscription,
  InvalidTokenError,
  type SubscribeAnswer,
  subscribe,
  unsubscribe,
  updatePreferences,
  validateTopics,
} from "./newsletter.service.ts";
import { CONSENT_VERSION, consentText } from "./newsletter.settings.ts";

builder.objectType(InvalidTokenError, {
  name: "InvalidToken",
  interfaces: [UserErrorRef],
  description: "The link's token is unknown, expired or spent. Nothing was changed.",
  isTypeOf: (value) => value instanceof InvalidTokenError,
});

const SubscriberStatusEnum = builder.enumType("NewsletterSubscriberStatus", {
  values: {
    PENDING: { value: "pending", description: "Waiting for the confirmation link to be clicked." },
    ACTIVE: { value: "active", description: "Gets the morning digest." },
    UNSUBSCRIBED: { value: "unsubscribed" },
  } as const,
});

export const NewsletterSubscriptionRef = builder.objectRef<Subscriber>("NewsletterSubscription").implement({
  description: "A subscription as the holder of its manage link sees it. It shows no email address.",
  fields: (t) => ({
    status: t.field({ type: SubscriberStatusEnum, resolve: (s) => s.status }),
    topics: t.field({
      type: [TagRef],
      description: "The tags whose articles the digest brings; empty means every tag.",
      resolve: async (s, _args, ctx) =>
        (await ctx.loader(tagBySlug).loadMany(s.topics)).filter(
          (tag): tag is Exclude<typeof tag, Error | null> => tag !== null && !(tag instanceof Error),
        ),
    }),
    language: t.field({ type: LanguageEnum, resolve: (s) => s.language }),
    confirmedAt: t.expose("confirmedAt", { type: "DateTime", nullable: true }),
  }),
});

const SubscribeToNewsletterInput = builder.inputType("SubscribeToNewsletterInput", {
  fields: (t) => ({
    email: t.string({
      required: true,
      description:
        "An email address of at most 254 characters, spaces around it ignored; a bad one gets a ValidationError naming `input.email`.",
    }),
    topics: t.stringList({ description: "Tag slugs, at most 20; none means every tag." }),
    language: t.field({ type: LanguageEnum, required: true, description: "Of the digest and its articles." }),
    consent: t.boolean({
      required: true,
      description:
        "Must be true: the reader agreed to `newsletterConsent`'s text, whose version is recorded.",
    }),
    source: t.string({ description: 'Where the form was, e.g. "article-footer"; at most 64 characters.' }),
  }),
});

const SubscribeToNewsletterSuccess = builder
  .objectRef<SubscribeAnswer>("SubscribeToNewsletterSuccess")
  .implement({
    description: "The same answer whether the address was new, pending, subscribed or unsubscribed.",
    fields: (t) => ({ ok: t.exposeBoolean("ok"), message: t.exposeString("message") }),
  });

builder.mutationField("subscribeToNewsletter", (t) =>
  t.field({
    type: SubscribeToNewsletterSuccess,
    description:
      "Asks for the morning digest. A new (or unsubscribed) address gets a confirmation link; a pending one gets it again, at most every 10 minutes.",
    args: { input: t.arg({ type: SubscribeToNewsletterInput, required: true }) },
    errors: { types: [ValidationError, RateLimitedError] },
    resolve: (_root, { input }, ctx) => {
      doNotCache(ctx);
      return subscribe(ctx, ctx.client, input);
    },
  }),
);

interface SubscriptionChange {
  subscription: Subscriber;
}

function tokenMutation(
  name: string,
  description: string,
  run: (ctx: Parameters<typeof confirmSubscription>[0], token: string) => Promise<Subscriber>,
) {
  const Input = builder.inputType(`${name}Input`, {
    fields: (t) => ({
      token: t.string({ required: true, description: "The token of the link in the email." }),
    }),
  });
  const Success = builder.objectRef<SubscriptionChange>(`${name}Success`).implement({
    fields: (t) => ({
      subscription: t.field({ type: NewsletterSubscriptionRef, resolve: (r) => r.subscription }),
    }),
  });
  const field = name.charAt(0).toLowerCase() + name.slice(1);
  builder.mutationField(field, (t) =>
    t.field({
      type: Success,
      description,
      args: { input: t.arg({ type: Input, required: true }) },
      errors: { types: [InvalidTokenError] },
      resolve: async (_root, { input }, ctx) => {
        doNotCache(ctx);
        return { subscription: await run(ctx, input.token) };
      },
    }),
  );
}

tokenMutation(
  "ConfirmNewsletterSubscription",
  "The double opt-in: the confirmation link's token makes the subscription active. Again is harmless.",
  confirmSubscription,
);
tokenMutation(
  "UnsubscribeFromNewsletter",
  "Stops every newsletter email to the holder of the manage link. Again is harmless.",
  unsubscribe,
);

const UpdateNewsletterPreferencesInput = builder.inputType("UpdateNewsletterPreferencesInput", {
  fields: (t) => ({
    token: t.string({ required: true, description: "The manage link's token." }),
    topics: t.stringList({ description: "Tag slugs, at most 20; [] means every tag; omitted: unchanged." }),
    language: t.field({ type: LanguageEnum, description: "Omitted: unchanged." }),
  }),
});

const UpdateNewsletterPreferencesSuccess = builder
  .objectRef<SubscriptionChange>("UpdateNewsletterPreferencesSuccess")
  .implement({
    fields: (t) => ({
      subscription: t.field({ type: NewsletterSubscriptionRef, resolve: (r) => r.subscription }),
    }),
  });

builder.mutationField("updateNewsletterPreferences", (t) =>
  t.field({
    type: UpdateNewsletterPreferencesSuccess,
    args: { input: t.arg({ type: UpdateNewsletterPreferencesInput, required: true }) },
    errors: { types: [InvalidTokenError, ValidationError] },
    resolve: async (_root, { input }, ctx) => {
      doNotCache(ctx);
      const { token, topics, language } = input;
      return { subscription: await updatePreferences(ctx, token, { topics, language }) };
    },
  }),
);

const NewsletterConsentRef = builder
  .objectRef<{ version: string; text: string }>("NewsletterConsent")
  .implement({
    description: "The consent text to show beside the subscribe form; subscribing records its version.",
    fields: (t) => ({ version: t.exposeString("version"), text: t.exposeString("text") }),
  });

const NewsletterDigestPreviewRef = builder.objectRef<DigestPreview>("NewsletterDigestPreview").implement({
  description:
    "The digest a subscriber with these preferences gets on that date, links left as placeholders.",
  authScopes: { editor: true },
  fields: (t) => ({
    date: t.exposeString("date"),
    from: t.expose("from", { type: "DateTime", description: "The previous digest's send time (included)." }),
    to: t.expose("to", { type: "DateTime", description: "This digest's send time (excluded)." }),
    wouldSend: t.boolean({
      description: "False when no article matches: no email is sent.",
      resolve: (p) => p.email !== null,
    }),
    subject: t.string({ nullable: true, resolve: (p) => p.email?.subject ?? null }),
    text: t.string({ nullable: true, resolve: (p) => p.email?.text ?? null }),
    html: t.string({ nullable: true, resolve: (p) => p.email?.html ?? null }),
    articles: t.field({ type: [ArticleRef], resolve: (p) => p.articles }),
  }),
});

builder.queryFields((t) => ({
  newsletterConsent: t.field({
    type: NewsletterConsentRef,
    args: { language: t.arg({ type: LanguageEnum, required: true }) },
    resolve: (_root, { language }) => ({ version: CONSENT_VERSION, text: consentText[language] }),
  }),
  newsletterSubscription: t.field({
    type: NewsletterSubscriptionRef,
    nullable: true,
    description: "The subscription of a manage link's token (for a preferences page); null for a bad token.",
    args: { token: t.arg.string({ required: true }) },
    resolve: (_root, { token }, ctx) => {
      // Per subscriber, and changed by the mutations above: never from the shared cache.
      doNotCache(ctx);
      return findSubscription(ctx, token);
    },
  }),
  newsletterDigestPreview: t.field({
    type: NewsletterDigestPreviewRef,
    authScopes: { editor: true },
    description: "Editors: what the digest of `date` holds for a subscriber with these topics and language.",
    args: {
      date: t.arg.string({ required: true, description: "YYYY-MM-DD, the local date in NEWSLETTER_TZ." }),
      topics: t.arg.stringList({ description: "Tag slugs; none means every tag." }),
      language: t.arg({ type: LanguageEnum, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      if (!isIsoDate(args.date)) throw badUserInput("`date` must be a date written YYYY-MM-DD", "date");
      let topics: string[];
      try {
        topics = await validateTopics(ctx.db, args.topics ?? []);
      } catch (error) {
        if (error instanceof ValidationError) throw badUserInput(error.message, "topics");
        throw error;
      }
      return previewDigest(ctx.db, ctx.newsletter, { date: args.date, topics, language: args.language });
    },
  }),
}));
