// Interface strings in French and English. An article page speaks its article's language; the
// other pages speak the language of their path (/ in French, /en/ in English).
export type Lang = "fr" | "en";

const fr = {
  siteTagline: "L'actualité tech, chaque jour",
  latest: "Derniers articles",
  olderArticles: "Articles plus anciens",
  newerFirst: "Retour aux derniers articles",
  by: "Par",
  and: "et",
  readingTime: (n: number) => `${n} min de lecture`,
  comments: (n: number) => (n <= 1 ? `${n} commentaire` : `${n} commentaires`),
  tags: "Sujets",
  tag: "Sujet",
  author: "Auteur",
  search: "Rechercher",
  searchLabel: "Rechercher dans les articles",
  /** `more`: lede ranked only the newest `n` matches of more (`allMatchesRanked` false): "1 000+". */
  searchResults: (n: number, q: string, more = false) =>
    `${formatCount("fr", n)}${more ? "+" : ""} résultat${n === 1 && !more ? "" : "s"} pour « ${q} »`,
  searchCorrected: (q: string) => `Aucun article pour votre saisie ; résultats pour « ${q} » :`,
  searchEmpty: "Aucun article ne correspond. Essayez d'autres mots.",
  searchPrompt: "Tapez un ou plusieurs mots : les accents et les fautes de frappe sont tolérés.",
  source: "Source",
  sources: "Sources",
  quoted: (text: string) => `« ${text} »`,
  followTitle: "Suivez-nous dans votre lecteur de flux",
  followText: "Ajoutez notre flux RSS à votre lecteur de news pour ne rien manquer.",
  followLink: "S'abonner au flux RSS",
  newsletterTitle: "La newsletter du matin",
  newsletterText: "Inscrivez-vous et recevez chaque matin un résumé de l'actu tech.",
  chooseTopics: "Choisir ses sujets",
  newsletterPageTitle: "La newsletter",
  newsletterIntro:
    "Chaque matin, un e-mail avec les articles de la veille dans les sujets qui vous intéressent. Désinscription en un clic.",
  email: "Adresse e-mail",
  subscribe: "S'inscrire",
  topicsLegend: "Sujets (aucun coché : tous)",
  consent: "J'accepte de recevoir la newsletter",
  newsletterDone:
    "Merci ! Si cette adresse n'est pas encore inscrite, un e-mail de confirmation vient de lui être envoyé. Cliquez sur le lien qu'il contient pour recevoir la newsletter.",
  newsletterDoneTitle: "Vérifiez votre boîte mail",
  commentsTitle: "Commentaires",
  noComments: "Aucun commentaire pour l'instant. Lancez la discussion !",
  reply: "Répondre",
  replyTo: (name: string) => `Répondre à ${name}`,
  cancelReply: "Annuler la réponse",
  moreReplies: (n: number) => `${n} réponse${n === 1 ? "" : "s"} de plus dans ce fil`,
  moreComments: "Commentaires suivants",
  commentsShown: (shown: number, total: number) => `${shown} commentaires affichés ici sur ${total}`,
  threadTitle: (name: string) => `Le fil de ${name}`,
  backToArticle: "Retour à l'article",
  leaveComment: "Laisser un commentaire",
  emailNotPublished: "Votre adresse e-mail ne sera pas publiée.",
  requiredNote: "Les champs obligatoires sont indiqués avec *",
  name: "Nom",
  website: "Site web",
  comment: "Commentaire",
  send: "Publier le commentaire",
  honeypot: "Ne remplissez pas ce champ",
  commentsClosed: "Les commentaires sont fermés pour cet article.",
  commentPending: "Merci ! Votre commentaire est en attente de modération ; il apparaîtra une fois approuvé.",
  commentApproved: "Merci ! Votre commentaire est publié.",
  rateLimited: (s: number) => `Vous allez un peu vite : réessayez dans ${s} seconde${s === 1 ? "" : "s"}.`,
  fixErrors: "Le formulaire contient des erreurs : corrigez les champs signalés.",
  required: "Ce champ est obligatoire.",
  invalidEmail: "Cette adresse e-mail n'est pas valide (exemple : nom@exemple.fr).",
  invalidUrl: "Cette adresse web n'est pas valide (elle commence par https://).",
  liveNew: "Nouveau commentaire",
  skip: "Aller au contenu",
  home: "Accueil",
  notFound: "Page introuvable",
  notFoundText: "Cet article n'existe pas ou n'est plus en ligne.",
  backHome: "Retour à l'accueil",
  otherLanguage: "English edition",
  cover: "Image de couverture",
  publishedOn: "Publié le",
  updatedOn: "mis à jour le",
  unavailable: "Le service est momentanément indisponible. Réessayez dans un instant.",
  readMore: "Lire l'article",
  pagination: "Pagination",
  mainNav: "Navigation principale",
};

type Strings = typeof fr;

const en: Strings = {
  siteTagline: "Tech news, every day",
  latest: "Latest articles",
  olderArticles: "Older articles",
  newerFirst: "Back to the latest articles",
  by: "By",
  and: "and",
  readingTime: (n) => `${n} min read`,
  comments: (n) => (n === 1 ? "1 comment" : `${n} comments`),
  tags: "Topics",
  tag: "Topic",
  author: "Author",
  search: "Search",
  searchLabel: "Search the articles",
  searchResults: (n, q, more = false) =>
    `${formatCount("en", n)}${more ? "+" : ""} result${n === 1 && !more ? "" : "s"} for “${q}”`,
  searchCorrected: (q) => `Nothing matched what you typed; showing results for “${q}”:`,
  searchEmpty: "No article matches. Try other words.",
  searchPrompt: "Type one or more words: accents and typos are forgiven.",
  source: "Source",
  sources: "Sources",
  quoted: (text) => `“${text}”`,
  followTitle: "Follow us in your news reader",
  followText: "Add our RSS feed to your news reader and miss nothing.",
  followLink: "Subscribe to the RSS feed",
  newsletterTitle: "The morning newsletter",
  newsletterText: "Sign up and get a summary of the tech news every morning.",
  chooseTopics: "Choose your topics",
  newsletterPageTitle: "The newsletter",
  newsletterIntro:
    "Every morning, one email with yesterday's articles on the topics you choose. Unsubscribe in one click.",
  email: "Email address",
  subscribe: "Sign up",
  topicsLegend: "Topics (none ticked: all of them)",
  consent: "I agree to receive the newsletter",
  newsletterDone:
    "Thank you! If this address was not signed up yet, a confirmation email is on its way to it. Click the link inside to start receiving the newsletter.",
  newsletterDoneTitle: "Check your inbox",
  commentsTitle: "Comments",
  noComments: "No comments yet. Start the conversation!",
  reply: "Reply",
  replyTo: (name) => `Reply to ${name}`,
  cancelReply: "Cancel reply",
  moreReplies: (n) => `${n} more repl${n === 1 ? "y" : "ies"} in this thread`,
  moreComments: "Next comments",
  commentsShown: (shown, total) => `${shown} of ${total} comments shown here`,
  threadTitle: (name) => `${name}'s thread`,
  backToArticle: "Back to the article",
  leaveComment: "Leave a comment",
  emailNotPublished: "Your email address will not be published.",
  requiredNote: "Required fields are marked *",
  name: "Name",
  website: "Website",
  comment: "Comment",
  send: "Post comment",
  honeypot: "Leave this field empty",
  commentsClosed: "Comments are closed for this article.",
  commentPending: "Thank you! Your comment is awaiting moderation; it will appear once approved.",
  commentApproved: "Thank you! Your comment is published.",
  rateLimited: (s) => `You are going a little fast: try again in ${s} second${s === 1 ? "" : "s"}.`,
  fixErrors: "The form has errors: please correct the fields marked below.",
  required: "This field is required.",
  invalidEmail: "This email address is not valid (for example name@example.com).",
  invalidUrl: "This web address is not valid (it starts with https://).",
  liveNew: "New comment",
  skip: "Skip to content",
  home: "Home",
  notFound: "Page not found",
  notFoundText: "This article does not exist or is no longer online.",
  backHome: "Back to the front page",
  otherLanguage: "Édition française",
  cover: "Cover image",
  publishedOn: "Published on",
  updatedOn: "updated on",
  unavailable: "The service is unavailable for a moment. Please try again shortly.",
  readMore: "Read the article",
  pagination: "Pagination",
  mainNav: "Main navigation",
};

export const strings: Record<Lang, Strings> = { fr, en };

export function langOf(language: "FR" | "EN"): Lang {
  return language === "EN" ? "en" : "fr";
}

/** The path of a listing page in a language: `/tags/ai` in French is `/en/tags/ai` in English. */
export function localePath(lang: Lang, path: string): string {
  return lang === "en" ? `/en${path === "/" ? "/" : path}` : path;
}

export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeZone: "Europe/Paris",
  }).format(new Date(iso));
}

/** A count as the language writes it: 1 000 in French (a narrow no-break space), 1,000 in English. */
export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB").format(n);
}

/** The language of a listing page's path: none is French, `en` English, anything else no page. */
export function localeOf(segment: string | undefined): Lang | null {
  if (segment === undefined || segment === "") return "fr";
  return segment === "en" ? "en" : null;
}
