// What the newsletter needs to know about this install: where its links point, who sends it,
// when the digest goes out, how often one may subscribe. Built from the configuration by
// server.ts and cli.ts; tests pass their own.
import { type Config, defaults } from "../../config.ts";
import type { Language } from "../../db/schema.ts";

export interface NewsletterSettings {
  /** Base of the links in emails (this service's /newsletter/* endpoints). */
  publicUrl: string;
  /** An article's link in the digest, with `{slug}` in it. */
  articleUrl: string;
  /** Where the digest's cover images are fetched from: the media settings' publicBase (absolute). */
  mediaBase: string;
  /** The From header of every newsletter email. */
  mailFrom: string;
  timeZone: string;
  /** HH:MM, local time in `timeZone`. */
  sendAt: string;
  /** Subscribe attempts allowed per hour, per client IP and per email address. */
  rateLimits: { perIp: number; perEmail: number };
}

export function newsletterSettingsFromConfig(config: Config): NewsletterSettings {
  return {
    publicUrl: config.publicUrl,
    articleUrl: config.articleUrl,
    mediaBase: config.media.publicBase,
    mailFrom: config.mail.from,
    timeZone: config.newsletter.timeZone,
    sendAt: config.newsletter.sendAt,
    rateLimits: config.newsletterRateLimits,
  };
}

export const defaultNewsletterSettings: NewsletterSettings = newsletterSettingsFromConfig(defaults);

/**
 * The consent a subscriber gives, by version. A new wording gets a new version; each subscriber
 * keeps the version they agreed to (newsletter_subscribers.consent_text_version).
 */
export const CONSENT_VERSION = "2026-11-26";
export const consentText: Record<Language, string> = {
  en:
    "I agree to receive the morning newsletter by email, with the news of the topics I chose. " +
    "I can unsubscribe at any time with the link in every email.",
  fr:
    "J'accepte de recevoir chaque matin la newsletter par e-mail, avec l'actualité des sujets choisis. " +
    "Je peux me désabonner à tout moment avec le lien présent dans chaque e-mail.",
};
