// The site's settings, read once from the environment.
function url(name: string, fallback: string): string {
  const value = process.env[name] ?? fallback;
  try {
    return new URL(value).toString().replace(/\/$/, "");
  } catch {
    throw new Error(`${name} must be a URL, got ${JSON.stringify(value)}`);
  }
}

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of seconds`);
  return value;
}

const ledeUrl = url("LEDE_URL", "http://localhost:4000");

export const siteConfig = {
  /** lede's base URL, as this server reaches it. */
  ledeUrl,
  graphqlUrl: `${ledeUrl}/graphql`,
  /** The site's own public base URL, for canonical links and Open Graph (default: the request's origin). */
  publicUrl: process.env.SITE_URL ? url("SITE_URL", "") : null,
  siteName: process.env.SITE_NAME ?? "lede",
  timeoutMs: 10_000,
  /** How long a CDN may serve a page before asking again, and how long it may serve it stale meanwhile. */
  sMaxAge: seconds("PAGE_S_MAXAGE", 60),
  staleWhileRevalidate: seconds("PAGE_STALE_WHILE_REVALIDATE", 600),
};
