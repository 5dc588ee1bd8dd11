// The sitemap index, from lede (its article links follow lede's configured article URL).
import type { APIRoute } from "astro";
import { passThrough } from "../lib/proxy.ts";

export const GET: APIRoute = ({ request, url }) => passThrough(request, url.pathname, url.search);
