// Writes a large WordPress export (WXR 1.2) for measuring `lede import wordpress`:
//   npm run bench:wxr -- --posts 100000 --comments 2000000 --out /tmp/big.xml
// Streamed to the file as it is made, so any size fits in memory. The text is generated French
// (our own sentences, shuffled); posts mix Gutenberg and classic bodies, pull quotes and Source
// links; comments are threaded, with every status and some pingbacks. Deterministic for a seed.

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "1000" },
    comments: { type: "string", default: "20000" },
    out: { type: "string", default: "wxr-bench.xml" },
    seed: { type: "string", default: "42" },
  },
});
const posts = Number(values.posts);
const totalComments = Number(values.comments);
if (!Number.isInteger(posts) || posts < 1 || !Number.isInteger(totalComments) || totalComments < 0) {
  console.error("usage: generate-wxr.ts --posts N --comments N [--out FILE] [--seed N]");
  process.exit(2);
}

// A small linear congruential generator: the same seed writes the same file.
let state = Number(values.seed) >>> 0;
const random = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const SUBJECTS = [
  "La start-up",
  "Le constructeur",
  "L'opérateur",
  "La régulatrice",
  "Le fabricant coréen",
  "Une équipe lyonnaise",
];
const VERBS = ["présente", "repousse", "annonce", "teste", "abandonne", "améliore"];
const OBJECTS = [
  "une batterie qui résiste au froid",
  "un écran pliable moins fragile",
  "son réseau 5G en zone rurale",
  "une puce gravée en trois nanomètres",
  "un casque de réalité mixte plus léger",
  "des mises à jour garanties sept ans",
];
const TAILS = [
  "dès l'été prochain.",
  "sans donner de prix.",
  "après deux ans de retard.",
  "à la surprise générale.",
  "pour l'Europe d'abord.",
];
const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}`;
const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 3) }, sentence).join(" ");
const NAMES = ["Nadia", "Hervé", "Lou", "Sacha", "Maël", "Inès", "Joël", "Zoé", "Théo", "Anaïs"];

const cdata = (text: string) => `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

function body(index: number): string {
  if (index % 3 === 0) {
    return [
      paragraph(),
      paragraph(),
      `Selon nos informations (<a href="https://presse.example.com/${index}">Source</a>).`,
    ].join("\n\n");
  }
  return [
    `<!-- wp:paragraph -->\n<p>${paragraph()}</p>\n<!-- /wp:paragraph -->`,
    `<!-- wp:heading -->\n<h2>${pick(OBJECTS)}</h2>\n<!-- /wp:heading -->`,
    `<!-- wp:paragraph -->\n<p>${paragraph()} <strong>${pick(TAILS)}</strong></p>\n<!-- /wp:paragraph -->`,
    index % 4 === 1
      ? `<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>${sentence()}</p><cite>${pick(NAMES)} Martin, directrice produit</cite></blockquote></figure>\n<!-- /wp:pullquote -->`
      : `<!-- wp:list -->\n<ul><li>${sentence()}</li><li>${sentence()}</li></ul>\n<!-- /wp:list -->`,
  ].join("\n\n");
}

const out = createWriteStream(values.out, { encoding: "utf8", highWaterMark: 1 << 20 });
const write = async (text: string) => {
  if (!out.write(text)) await once(out, "drain");
};

await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Banc d'essai</title>
	<link>https://banc.example.fr</link>
	<language>fr-FR</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://banc.example.fr</wp:base_site_url>
	<wp:base_blog_url>https://banc.example.fr</wp:base_blog_url>
`);
for (let a = 1; a <= 20; a++) {
  await write(
    `\t<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`auteur${a}`)}</wp:author_login><wp:author_email>${cdata(`auteur${a}@banc.example.fr`)}</wp:author_email><wp:author_display_name>${cdata(`${pick(NAMES)} Auteur ${a}`)}</wp:author_display_name><wp:author_first_name></wp:author_first_name><wp:author_last_name></wp:author_last_name></wp:author>\n`,
  );
}
for (let c = 1; c <= 30; c++) {
  await write(
    `\t<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename>${cdata(`rubrique-${c}`)}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(`Rubrique ${c}`)}</wp:cat_name></wp:category>\n`,
  );
}

const start = Date.UTC(2012, 0, 1);
let commentId = 1;
const statuses = [
  "publish",
  "publish",
  "publish",
  "publish",
  "publish",
  "publish",
  "draft",
  "pending",
  "private",
  "future",
];
for (let p = 1; p <= posts; p++) {
  const id = 1000 + p;
  const at = start + p * 3_600_000;
  const slug = `article-${p}-${pick(["batterie", "ecran", "reseau", "puce"])}`;
  const status = statuses[p % statuses.length] as string;
  // Comments spread evenly, remainder on the first posts.
  const n = Math.floor(totalComments / posts) + (p <= totalComments % posts ? 1 : 0);
  const commentsXml: string[] = [];
  const ids: number[] = [];
  for (let c = 0; c < n; c++) {
    const cid = commentId++;
    const parent = ids.length && random() < 0.4 ? pick(ids) : 0;
    ids.push(cid);
    const roll = random();
    const approved = roll < 0.8 ? "1" : roll < 0.9 ? "0" : roll < 0.97 ? "spam" : "trash";
    const type = random() < 0.02 ? "pingback" : "comment";
    commentsXml.push(`\t\t<wp:comment>
			<wp:comment_id>${cid}</wp:comment_id>
			<wp:comment_author>${cdata(pick(NAMES))}</wp:comment_author>
			<wp:comment_author_email>${cdata(`lecteur${cid % 5000}@example.org`)}</wp:comment_author_email>
			<wp:comment_author_url></wp:comment_author_url>
			<wp:comment_author_IP>${cdata(`198.51.${cid % 256}.${(cid >> 8) % 256}`)}</wp:comment_author_IP>
			<wp:comment_date>${cdata(date(at + (c + 1) * 60_000 + 3_600_000))}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(date(at + (c + 1) * 60_000))}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(sentence())}</wp:comment_content>
			<wp:comment_approved>${cdata(approved)}</wp:comment_approved>
			<wp:comment_type>${cdata(type)}</wp:comment_type>
			<wp:comment_parent>${parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>
`);
  }
  await write(`
	<item>
		<title>${cdata(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} (${p})`)}</title>
		<link>https://banc.example.fr/${new Date(at).toISOString().slice(0, 10).replaceAll("-", "/")}/${slug}/</link>
		<dc:creator>${cdata(`auteur${(p % 20) + 1}`)}</dc:creator>
		<guid isPermaLink="false">https://banc.example.fr/?p=${id}</guid>
		<description></description>
		<content:encoded>${cdata(body(p))}</content:encoded>
		<excerpt:encoded>${cdata(p % 2 ? sentence() : "")}</excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date>${cdata(date(at + 3_600_000))}</wp:post_date>
		<wp:post_date_gmt>${cdata(status === "draft" || status === "pending" ? "0000-00-00 00:00:00" : date(status === "future" ? at + 20 * 365 * 86_400_000 : at))}</wp:post_date_gmt>
		<wp:post_modified_gmt>${cdata(date(at))}</wp:post_modified_gmt>
		<wp:comment_status>${cdata("open")}</wp:comment_status>
		<wp:ping_status>${cdata("open")}</wp:ping_status>
		<wp:post_name>${cdata(slug)}</wp:post_name>
		<wp:status>${cdata(status)}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata("post")}</wp:post_type>
		<wp:post_password></wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
		<category domain="category" nicename="rubrique-${(p % 30) + 1}">${cdata(`Rubrique ${(p % 30) + 1}`)}</category>
${commentsXml.join("")}	</item>
`);
}
await write("</channel>\n</rss>\n");
out.end();
await once(out, "finish");
console.error(`wrote ${posts} posts and ${commentId - 1} comments to ${values.out}`);
