// The plain HTTP endpoints behind the links in newsletter emails, for a reader with nothing but
// a mail client and a browser:
//   GET  /newsletter/confirm?token=      a page with a button; changes nothing (mail scanners
//                                        open every link, and must not confirm anybody)
//   POST /newsletter/confirm?token=      confirms the subscription and says so
//   GET  /newsletter/unsubscribe?token=  a page with a button; changes nothing (likewise)
//   POST /newsletter/unsubscribe?token=  RFC 8058 one-click unsubscribe (List-Unsubscribe-Post):
//                                        200, no redirect
//   GET  /newsletter/manage?token=       topics and language, as a form; POST saves it
// Pages are tiny, escaped, and never cached; a bad token gets a 400 page and changes nothing.

import type { Plugin } from "graphql-yoga";
import type { Language } from "../../db/schema.ts";
import { escapeHtml } from "../../infra/html.ts";
import { ValidationError } from "../errors.ts";
import { listAllTags } from "../tag/tag.repo.ts";
import type { Subscriber } from "./newsletter.repo.ts";
import {
  confirmSubscription,
  findConfirmation,
  findSubscription,
  InvalidTokenError,
  type NewsletterServices,
  unsubscribe,
  updatePreferences,
} from "./newsletter.service.ts";

type Texts = Record<Language, string>;

const t = {
  confirmTitle: {
    en: "Confirm your subscription to the morning newsletter?",
    fr: "Confirmer votre abonnement à la newsletter du matin ?",
  },
  confirmButton: { en: "Confirm my subscription", fr: "Je confirme mon abonnement" },
  confirmedTitle: { en: "Subscription confirmed", fr: "Abonnement confirmé" },
  confirmedBody: {
    en: "Thank you. The morning newsletter will reach you from tomorrow.",
    fr: "Merci. La newsletter du matin vous parviendra dès demain.",
  },
  invalidTitle: { en: "This link no longer works", fr: "Ce lien ne fonctionne plus" },
  invalidBody: {
    en: "It is invalid or has expired, and nothing was changed. Subscribe again to get a new one.",
    fr: "Il est invalide ou a expiré, et rien n'a été modifié. Abonnez-vous à nouveau pour en recevoir un nouveau.",
  },
  unsubscribeTitle: {
    en: "Unsubscribe from the morning newsletter?",
    fr: "Se désabonner de la newsletter du matin ?",
  },
  unsubscribeButton: { en: "Unsubscribe", fr: "Me désabonner" },
  unsubscribedTitle: { en: "You are unsubscribed", fr: "Vous êtes désabonné" },
  unsubscribedBody: {
    en: "You will get no more newsletter emails.",
    fr: "Vous ne recevrez plus la newsletter.",
  },
  manageTitle: { en: "Your newsletter", fr: "Votre newsletter" },
  manageTopics: {
    en: "Topics (none ticked: every topic)",
    fr: "Sujets (aucun coché : tous les sujets)",
  },
  manageLanguage: { en: "Language", fr: "Langue" },
  manageSave: { en: "Save", fr: "Enregistrer" },
  manageSaved: { en: "Your preferences are saved.", fr: "Vos préférences sont enregistrées." },
  manageOr: { en: "Or stop the newsletter:", fr: "Ou arrêter la newsletter :" },
  status: {
    en: "Status: ",
    fr: "État : ",
  },
  notFoundTitle: { en: "Not found", fr: "Page introuvable" },
  errorTitle: { en: "Something went wrong", fr: "Une erreur est survenue" },
  errorBody: { en: "Please try again in a moment.", fr: "Réessayez dans un instant." },
} satisfies Record<string, Texts>;

const statusNames: Record<Subscriber["status"], Texts> = {
  pending: { en: "waiting for confirmation", fr: "en attente de confirmation" },
  active: { en: "subscribed", fr: "abonné" },
  unsubscribed: { en: "unsubscribed", fr: "désabonné" },
};

function htmlPage(language: Language, status: number, title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font-family:Georgia,serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}button{font:inherit;padding:.5rem 1rem}fieldset{border:none;padding:0;margin:1rem 0}label{display:block;margin:.25rem 0}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // The token is in the URL: no Referer carries it anywhere.
      "referrer-policy": "no-referrer",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      "x-content-type-options": "nosniff",
    },
  });
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** The reader's language before we know the subscriber: from Accept-Language. */
const requestLanguage = (request: Request): Language =>
  /^\s*fr\b/i.test(request.headers.get("accept-language") ?? "") ? "fr" : "en";

function postForm(action: string, label: string, fields = ""): string {
  return `<form method="post" action="${escapeHtml(action)}">${fields}<button type="submit">${escapeHtml(label)}</button></form>`;
}

export function newsletterHttpPlugin(services: NewsletterServices): Plugin {
  const routes: Record<string, (request: Request, token: string) => Promise<Response>> = {
    "/newsletter/confirm": async (request, token) => {
      if (request.method === "POST")
        return confirmedPage((await confirmSubscription(services, token)).language);
      if (request.method !== "GET") return methodNotAllowed("GET, POST");
      const confirmation = await findConfirmation(services, token);
      if (!confirmation) throw new InvalidTokenError();
      const lang = confirmation.subscriber.language;
      if (confirmation.confirmed) return confirmedPage(lang);
      return htmlPage(
        lang,
        200,
        t.confirmTitle[lang],
        postForm(selfUrl("/newsletter/confirm", token), t.confirmButton[lang]),
      );
    },
    "/newsletter/unsubscribe": async (request, token) => {
      if (request.method === "POST") {
        // RFC 8058: the body is `List-Unsubscribe=One-Click`; the token in the URL is what counts.
        const subscriber = await unsubscribe(services, token);
        return unsubscribedPage(subscriber.language);
      }
      if (request.method !== "GET") return methodNotAllowed("GET, POST");
      const subscriber = await findSubscription(services, token);
      if (!subscriber) throw new InvalidTokenError();
      const lang = subscriber.language;
      if (subscriber.status === "unsubscribed") return unsubscribedPage(lang);
      return htmlPage(
        lang,
        200,
        t.unsubscribeTitle[lang],
        postForm(
          selfUrl("/newsletter/unsubscribe", token),
          t.unsubscribeButton[lang],
          '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
        ),
      );
    },
    "/newsletter/manage": async (request, token) => {
      let saved = false;
      let subscriber: Subscriber | null;
      if (request.method === "POST") {
        // Parsed here: the urlencoded parser of the server's Request keeps one value per name.
        const form = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data")
          ? await request.formData()
          : new URLSearchParams(await request.text());
        const language = form.get("language");
        subscriber = await updatePreferences(services, token, {
          topics: form.getAll("topics").filter((v): v is string => typeof v === "string"),
          language: language === "fr" || language === "en" ? language : undefined,
        });
        saved = true;
      } else if (request.method === "GET") {
        subscriber = await findSubscription(services, token);
        if (!subscriber) throw new InvalidTokenError();
      } else {
        return methodNotAllowed("GET, POST");
      }
      return managePage(subscriber, token, saved);
    },
  };

  const confirmedPage = (lang: Language) =>
    htmlPage(lang, 200, t.confirmedTitle[lang], paragraph(t.confirmedBody[lang]));
  const unsubscribedPage = (lang: Language) =>
    htmlPage(lang, 200, t.unsubscribedTitle[lang], paragraph(t.unsubscribedBody[lang]));

  async function managePage(subscriber: Subscriber, token: string, saved: boolean): Promise<Response> {
    const lang = subscriber.language;
    // In the order a reader expects, as the API lists them (not the database collation's).
    const tags = await listAllTags(services.db);
    const checkboxes = tags
      .map(
        (tag) =>
          `<label><input type="checkbox" name="topics" value="${escapeHtml(tag.slug)}"${subscriber.topics.includes(tag.slug) ? " checked" : ""}> ${escapeHtml(tag.name)}</label>`,
      )
      .join("\n");
    const languages = (["fr", "en"] as const)
      .map(
        (value) =>
          `<label><input type="radio" name="language" value="${value}"${lang === value ? " checked" : ""}> ${value === "fr" ? "Français" : "English"}</label>`,
      )
      .join("\n");
    const fields = `<fieldset><legend>${escapeHtml(t.manageTopics[lang])}</legend>
${checkboxes}
</fieldset>
<fieldset><legend>${escapeHtml(t.manageLanguage[lang])}</legend>
${languages}
</fieldset>
`;
    const body = [
      saved ? `<p role="status"><strong>${escapeHtml(t.manageSaved[lang])}</strong></p>` : "",
      paragraph(`${t.status[lang]}${statusNames[subscriber.status][lang]}`),
      postForm(selfUrl("/newsletter/manage", token), t.manageSave[lang], fields),
      subscriber.status === "unsubscribed"
        ? ""
        : `${paragraph(t.manageOr[lang])}${postForm(selfUrl("/newsletter/unsubscribe", token), t.unsubscribeButton[lang], '<input type="hidden" name="List-Unsubscribe" value="One-Click">')}`,
    ].join("\n");
    return htmlPage(lang, 200, t.manageTitle[lang], body);
  }

  return {
    onRequest: async ({ request, url, endResponse }) => {
      if (!url.pathname.startsWith("/newsletter/")) return;
      const route = routes[url.pathname];
      const lang = requestLanguage(request);
      if (!route) {
        endResponse(htmlPage(lang, 404, t.notFoundTitle[lang], ""));
        return;
      }
      try {
        endResponse(await route(request, url.searchParams.get("token") ?? ""));
      } catch (error) {
        if (error instanceof InvalidTokenError) {
          endResponse(htmlPage(lang, 400, t.invalidTitle[lang], paragraph(t.invalidBody[lang])));
        } else if (error instanceof ValidationError) {
          endResponse(
            htmlPage(lang, 400, error.message, error.issues.map((i) => paragraph(i.message)).join("")),
          );
        } else {
          console.error(error);
          endResponse(htmlPage(lang, 500, t.errorTitle[lang], paragraph(t.errorBody[lang])));
        }
      }
    },
  };
}

const selfUrl = (path: string, token: string) => `${path}?token=${encodeURIComponent(token)}`;

const methodNotAllowed = (allow: string) =>
  new Response("Method Not Allowed\n", { status: 405, headers: { allow, "content-type": "text/plain" } });
