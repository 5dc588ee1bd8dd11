// The newsletter's emails as outbox rows: links built from PUBLIC_URL, and the RFC 8058 headers
// that let a mail client unsubscribe in one click, on every one of them.
import type { Language } from "../../db/schema.ts";
import type { OutgoingEmail } from "../../mail/outbox.ts";
import { confirmationEmail, type DigestArticle, digestEmail } from "../../mail/templates.ts";
import type { NewsletterSettings } from "./newsletter.settings.ts";

export const newsletterLinks = (settings: Pick<NewsletterSettings, "publicUrl">, manageToken: string) => ({
  manage: `${settings.publicUrl}/newsletter/manage?token=${manageToken}`,
  unsubscribe: `${settings.publicUrl}/newsletter/unsubscribe?token=${manageToken}`,
});

export const confirmLink = (settings: Pick<NewsletterSettings, "publicUrl">, confirmToken: string) =>
  `${settings.publicUrl}/newsletter/confirm?token=${confirmToken}`;

/** RFC 2369 and RFC 8058: a POST to this URL unsubscribes, with no page to go through. */
const listHeaders = (unsubscribeUrl: string) => ({
  "List-Unsubscribe": `<${unsubscribeUrl}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

export function confirmationMessage(
  settings: NewsletterSettings,
  input: {
    subscriberId: string;
    email: string;
    language: Language;
    confirmTokenId: string;
    confirmToken: string;
    manageToken: string;
  },
): OutgoingEmail {
  const links = newsletterLinks(settings, input.manageToken);
  const rendered = confirmationEmail({
    language: input.language,
    confirmUrl: confirmLink(settings, input.confirmToken),
    unsubscribeUrl: links.unsubscribe,
  });
  return {
    idempotencyKey: `confirm:${input.subscriberId}:${input.confirmTokenId}`,
    kind: "newsletter.confirm",
    recipient: input.email,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: listHeaders(links.unsubscribe),
  };
}

export function digestMessage(
  settings: NewsletterSettings,
  input: {
    subscriberId: string;
    email: string;
    language: Language;
    date: string;
    articles: readonly DigestArticle[];
    manageToken: string;
  },
): OutgoingEmail {
  const links = newsletterLinks(settings, input.manageToken);
  const rendered = digestEmail({
    language: input.language,
    date: input.date,
    articles: input.articles,
    manageUrl: links.manage,
    unsubscribeUrl: links.unsubscribe,
  });
  return {
    idempotencyKey: digestKey(input.subscriberId, input.date),
    kind: "newsletter.digest",
    recipient: input.email,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: listHeaders(links.unsubscribe),
  };
}

export const digestKey = (subscriberId: string, date: string) => `digest:${subscriberId}:${date}`;
