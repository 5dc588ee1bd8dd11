// Q4, subscribing to the newsletter (issue 5): each request subscribes a new address (from the
// request's unique string, at example.org) with consent, in French or English, with no topic or a
// few tag slugs. lede answers the same for every address, new or known.
//
// lede: rate limits (per IP, per address), validation, then one prepared statement: the topics'
// check against the tags, the subscriber, its manage token, a confirmation token and the
// confirmation email in the outbox (the dispatcher is off in the bench: nothing is sent).
// PostGraphile's generated `createNewsletterSubscriber` inserts the subscriber row only: no
// token, no outbox, no validation of topics, and it fails on an address already taken. The raw
// ceiling writes what lede writes for a new address in one statement (a CTE: the subscriber with
// ON CONFLICT on lower(email), the two tokens and the outbox row with lede's own rendered email;
// no topics' check); a known address inserts nothing (lede would refresh a pending subscriber's
// consent and maybe resend).
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { confirmationEmail } from "../../../src/mail/templates.ts";
import { dataOf, defineScenario } from "./types.ts";

type Language = "fr" | "en";
interface Input {
  language: Language;
  topics: string[];
}

const emailOf = (unique: string) => `bench-${unique}@example.org`;
const SOURCE = "bench";
/** lede's CONSENT_VERSION (src/modules/newsletter/newsletter.settings.ts), for the rows written here. */
const CONSENT_VERSION = "2026-11-26";

/** lede's one answer to every accepted subscribe (newsletter.service.ts); the raw server gives it too. */
export const subscribeAnswers: Record<Language, string> = {
  en: "Thank you. If this address still needs confirming, a link is on its way: check your inbox.",
  fr: "Merci. Si cette adresse doit encore être confirmée, un lien est en route : vérifiez votre boîte de réception.",
};

const ledeQuery = `mutation Subscribe($input: SubscribeToNewsletterInput!) {
  subscribeToNewsletter(input: $input) {
    __typename
    ... on SubscribeToNewsletterSuccess { ok message }
    ... on UserError { message }
  }
}`;

const postgraphileQuery = `mutation Subscribe($input: CreateNewsletterSubscriberInput!) {
  createNewsletterSubscriber(input: $input) { newsletterSubscriber { status language } }
}`;

const rawSql = `
  with subscriber as (
    insert into newsletter_subscribers (id, email, status, topics, language, consent_at,
      consent_text_version, consent_source, confirmation_sent_at)
    values ($1::uuid, $2::text, 'pending', $3::text[], $4::language, now(), $5, $6, now())
    on conflict ((lower(email))) do nothing
    returning id
  ), manage as (
    insert into newsletter_tokens (id, subscriber_id, purpose, token_hash)
    select $7::uuid, id, 'manage', $8 from subscriber
  ), confirm as (
    insert into newsletter_tokens (id, subscriber_id, purpose, token_hash, expires_at)
    select $9::uuid, id, 'confirm', $10, now() + interval '48 hours' from subscriber
  ), email as (
    insert into outbox (idempotency_key, kind, recipient, subject, headers, text_body, html_body)
    select 'confirm:' || id || ':' || $9::uuid, 'newsletter.confirm', $2::text, $11, $12::jsonb, $13, $14
    from subscriber
  )
  select json_build_object('data', json_build_object('subscribeToNewsletter', json_build_object(
    '__typename', 'SubscribeToNewsletterSuccess', 'ok', true, 'message', $15::text)))::text as body`;

// What the raw server needs to write lede's rows: its link base and a key for the manage token.
const PUBLIC_URL = "http://localhost:4000";
const RAW_SECRET = "lede-bench-raw-secret-0123456789abcdef";
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export default defineScenario<Input>({
  id: "q4",
  name: "Q4 subscribe",
  operationName: "Subscribe",
  mutates: {
    cleanup: async (sql) => {
      // Tokens go with their subscriber (foreign key, on delete cascade).
      await sql`delete from outbox where recipient like 'bench-%@example.org'`;
      await sql`delete from newsletter_subscribers where email like 'bench-%@example.org'`;
    },
  },
  // Both languages, with no topic (every tag) or one to three tag slugs.
  inputs: async (sql, limit) => {
    const tags = (await sql<{ slug: string }[]>`select slug from tags order by slug`).map((t) => t.slug);
    return Array.from({ length: Math.min(limit, 20) }, (_, k) => ({
      language: k % 2 ? "en" : "fr",
      topics: tags.slice(k % tags.length, (k % tags.length) + (k % 4)),
    }));
  },
  lede: {
    query: ledeQuery,
    variables: (input, unique) => ({
      input: {
        email: emailOf(unique),
        consent: true,
        language: input.language.toUpperCase(),
        topics: input.topics,
        source: SOURCE,
      },
    }),
    expect: /"ok"\s*:\s*true/,
  },
  postgraphile: {
    query: postgraphileQuery,
    variables: (input, unique) => {
      const now = new Date().toISOString();
      return {
        input: {
          newsletterSubscriber: {
            email: emailOf(unique),
            status: "pending",
            topics: input.topics,
            language: input.language,
            consentAt: now,
            consentTextVersion: CONSENT_VERSION,
            consentSource: SOURCE,
            confirmationSentAt: now,
          },
        },
      };
    },
    expect: /"status"\s*:\s*"pending"/,
  },

  raw: async (sql, vars) => {
    const input = (vars.input ?? {}) as { email?: string; language?: string; topics?: string[] };
    const email = String(input.email ?? "").trim();
    const language: Language = input.language === "EN" ? "en" : "fr";
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || (vars.input as { consent?: boolean }).consent !== true) {
      return JSON.stringify({
        data: { subscribeToNewsletter: { __typename: "ValidationError", message: "Invalid input" } },
      });
    }
    // lede's rows, with ids chosen here: the tokens and the email need them before the insert.
    const subscriberId = randomUUID();
    const manageTokenId = randomUUID();
    const confirmTokenId = randomUUID();
    const manageToken = createHmac("sha256", RAW_SECRET)
      .update(`${subscriberId}:${manageTokenId}`)
      .digest("base64url");
    const confirmToken = randomBytes(32).toString("base64url");
    const unsubscribeUrl = `${PUBLIC_URL}/newsletter/unsubscribe?token=${manageToken}`;
    const rendered = confirmationEmail({
      language,
      confirmUrl: `${PUBLIC_URL}/newsletter/confirm?token=${confirmToken}`,
      unsubscribeUrl,
    });
    const headers = {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    };
    const [row] = await sql.unsafe<{ body: string }[]>(
      rawSql,
      [
        subscriberId,
        email,
        `{${(input.topics ?? []).map((t) => JSON.stringify(String(t))).join(",")}}`,
        language,
        CONSENT_VERSION,
        SOURCE,
        manageTokenId,
        sha256(manageToken),
        confirmTokenId,
        sha256(confirmToken),
        rendered.subject,
        JSON.stringify(headers),
        rendered.text,
        rendered.html,
        subscribeAnswers[language],
      ],
      { prepare: true },
    );
    return row?.body ?? "null";
  },

  // lede answers with a message only; PostGraphile with the row it wrote. Both are reduced to
  // "accepted" and lede's message in the subscriber's language.
  normalise: (server, body) => {
    const data = dataOf(body);
    if (server === "postgraphile") {
      const s = (
        data.createNewsletterSubscriber as { newsletterSubscriber: Record<string, string> | null } | null
      )?.newsletterSubscriber;
      if (!s) return null;
      return {
        accepted: s.status === "pending",
        message: subscribeAnswers[s.language === "en" ? "en" : "fr"],
      };
    }
    const r = data.subscribeToNewsletter as Record<string, unknown>;
    return { accepted: r.__typename === "SubscribeToNewsletterSuccess" && r.ok === true, message: r.message };
  },
});
