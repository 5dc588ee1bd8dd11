// Response headers and small request helpers shared by the pages.
import type { AstroGlobal } from "astro";
import { siteConfig } from "./config.ts";
import type { Reader } from "./lede.ts";

/** A page any reader may get from a CDN: kept `s-maxage`, then served stale while it refreshes. */
export function cacheable(astro: AstroGlobal): void {
  astro.response.headers.set(
    "cache-control",
    `public, max-age=0, s-maxage=${siteConfig.sMaxAge}, stale-while-revalidate=${siteConfig.staleWhileRevalidate}`,
  );
}

/** A page made for one reader (a form sent back with its errors): no cache keeps it. */
export function personal(astro: AstroGlobal): void {
  astro.response.headers.set("cache-control", "private, no-store");
}

export function readerOf(astro: AstroGlobal): Reader {
  return { clientAddress: astro.clientAddress, headers: astro.request.headers };
}

/** The site's public origin: SITE_URL, or the request's own. */
export function siteOrigin(astro: { url: URL }): string {
  return siteConfig.publicUrl ?? astro.url.origin;
}

export function absolute(astro: AstroGlobal, path: string): string {
  return new URL(path, `${siteOrigin(astro)}/`).toString();
}

/** A form field as a trimmed string ("" when absent or a file). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/**
 * The issues of a ValidationError, by form field (`input.authorEmail` -> `authorEmail`), in the
 * page's language where the site knows the field (lede's messages are in English).
 */
export function issuesByField(
  issues: { field: string; message: string }[],
  localized: Record<string, string> = {},
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const name = issue.field.replace(/^input\./, "");
    const tooLong = /at most|too long/i.test(issue.message);
    byField[name] ??= (!tooLong && localized[name]) || issue.message;
  }
  return byField;
}
