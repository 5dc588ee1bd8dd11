// Crawlers are welcome everywhere but the live-comments stream; the sitemaps (lede's, passed
// through) list every article.
import type { APIRoute } from "astro";
import { siteOrigin } from "../lib/http.ts";

export const GET: APIRoute = (context) => {
  const origin = siteOrigin(context);
  const body = [
    "User-agent: *",
    "Disallow: /live/",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    `Sitemap: ${origin}/sitemap-news.xml`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
};
