// /feeds/rss.xml, /feeds/atom.xml and the per-tag and per-author feeds, from lede.
import type { APIRoute } from "astro";
import { passThrough } from "../../lib/proxy.ts";

export const GET: APIRoute = ({ request, url }) => passThrough(request, url.pathname, url.search);
