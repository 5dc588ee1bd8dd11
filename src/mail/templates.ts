// The newsletter's emails, in HTML and plain text, in French or English by the subscriber's
// language. Pure functions: everything they show comes in as arguments, escaped here.

import type { Language } from "../db/schema.ts";
import { escapeHtml } from "../infra/html.ts";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** A date (YYYY-MM-DD) written out the way a reader says it: "Friday 20 November 2026". */
export function longDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "full",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}

function page(language: Language, title: string, body: string, footer: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f4;font-family:Georgia,serif;color:#1b1b1b">
<div style="max-width:600px;margin:0 auto;background:#fff;padding:24px">
${body}
<hr style="border:none;border-top:1px solid #ddd;margin:32px 0 16px">
<p style="font-size:13px;color:#666">${footer}</p>
</div>
</body>
</html>
`;
}

const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;

export function confirmationEmail(input: {
  language: Language;
  confirmUrl: string;
  unsubscribeUrl: string;
}): RenderedEmail {
  const { confirmUrl, unsubscribeUrl } = input;
  if (input.language === "fr") {
    const subject = "Confirmez votre abonnement à la newsletter du matin";
    return {
      subject,
      text: [
        "Bonjour,",
        "",
        "Pour recevoir chaque matin le résumé de l'actualité tech, confirmez votre abonnement :",
        confirmUrl,
        "",
        "Ce lien est valable 48 heures. Si vous n'avez rien demandé, ignorez ce message : vous ne recevrez rien.",
        "",
        `Ce n'était pas vous ? ${unsubscribeUrl}`,
        "",
      ].join("\n"),
      html: page(
        "fr",
        subject,
        `<h1 style="font-size:22px">Confirmez votre abonnement</h1>
<p>Pour recevoir chaque matin le résumé de l'actualité tech, confirmez votre abonnement :</p>
<p><a href="${escapeHtml(confirmUrl)}" style="display:inline-block;background:#1b1b1b;color:#fff;padding:12px 20px;text-decoration:none">Je confirme mon abonnement</a></p>
<p>Ce lien est valable 48 heures. Si vous n'avez rien demandé, ignorez ce message : vous ne recevrez rien.</p>`,
        `Ce n'était pas vous ? ${link(unsubscribeUrl, "Ne plus rien recevoir")}`,
      ),
    };
  }
  const subject = "Confirm your subscription to the morning newsletter";
  return {
    subject,
    text: [
      "Hello,",
      "",
      "To get the tech news summed up every morning, confirm your subscription:",
      confirmUrl,
      "",
      "This link works for 48 hours. If you did not ask for this, ignore this email: you will get nothing more.",
      "",
      `Not you? ${unsubscribeUrl}`,
      "",
    ].join("\n"),
    html: page(
      "en",
      subject,
      `<h1 style="font-size:22px">Confirm your subscription</h1>
<p>To get the tech news summed up every morning, confirm your subscription:</p>
<p><a href="${escapeHtml(confirmUrl)}" style="display:inline-block;background:#1b1b1b;color:#fff;padding:12px 20px;text-decoration:none">Confirm my subscription</a></p>
<p>This link works for 48 hours. If you did not ask for this, ignore this email: you will get nothing more.</p>`,
      `Not you? ${link(unsubscribeUrl, "Stop all emails")}`,
    ),
  };
}

export interface DigestArticle {
  title: string;
  lede: string | null;
  url: string;
  /** Tag names, for the line under the title. */
  tags: string[];
  /** The cover, in HTML only: an absolute URL, its displayed size, and its alt text ("" if decorative). */
  cover: { src: string; width: number; height: number; alt: string } | null;
}

/** The width of the digest's column (600 less its padding), which a cover fills. */
export const DIGEST_COLUMN_WIDTH = 552;

export function digestEmail(input: {
  language: Language;
  /** The digest's date, YYYY-MM-DD. */
  date: string;
  articles: readonly DigestArticle[];
  manageUrl: string;
  unsubscribeUrl: string;
}): RenderedEmail {
  const fr = input.language === "fr";
  const day = longDate(input.date, input.language);
  const count = input.articles.length;
  const subject = fr
    ? `Le brief du matin : ${day} (${count} article${count > 1 ? "s" : ""})`
    : `Your morning brief: ${day} (${count} article${count > 1 ? "s" : ""})`;
  const intro = fr ? "L'actualité tech des dernières 24 heures." : "The tech news of the last 24 hours.";
  const manageLabel = fr ? "Choisir mes sujets" : "Choose my topics";
  const unsubscribeLabel = fr ? "Se désabonner" : "Unsubscribe";

  const text = [
    subject,
    "",
    intro,
    "",
    ...input.articles.flatMap((article) => [
      `* ${article.title}`,
      ...(article.lede ? [`  ${article.lede}`] : []),
      `  ${article.url}`,
      "",
    ]),
    "--",
    `${manageLabel}: ${input.manageUrl}`,
    `${unsubscribeLabel}: ${input.unsubscribeUrl}`,
    "",
  ].join("\n");

  const items = input.articles
    .map(
      (article) => `<div style="margin:0 0 24px">
${article.cover ? `<a href="${escapeHtml(article.url)}"><img src="${escapeHtml(article.cover.src)}" width="${article.cover.width}" height="${article.cover.height}" alt="${escapeHtml(article.cover.alt)}" style="display:block;border:0;max-width:100%;height:auto;margin:0 0 8px"></a>` : ""}
<h2 style="font-size:19px;margin:0 0 4px">${link(article.url, article.title)}</h2>
${article.tags.length ? `<p style="font-size:12px;color:#666;margin:0 0 6px;text-transform:uppercase">${escapeHtml(article.tags.join(" · "))}</p>` : ""}
${article.lede ? `<p style="margin:0">${escapeHtml(article.lede)}</p>` : ""}
</div>`,
    )
    .join("\n");
  const html = page(
    input.language,
    subject,
    `<h1 style="font-size:22px;margin-top:0">${escapeHtml(fr ? "Le brief du matin" : "Your morning brief")}</h1>
<p style="color:#666">${escapeHtml(day)}. ${escapeHtml(intro)}</p>
${items}`,
    `${link(input.manageUrl, manageLabel)} · ${link(input.unsubscribeUrl, unsubscribeLabel)}`,
  );
  return { subject, text, html };
}
