// The old site's URLs and where they live now, as a file for the web server in front of the old
// domain: a CSV (`from,to`) or an nginx map, chosen by the file's extension.

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Executor } from "../../db/client.ts";
import { allRedirects } from "./wordpress-import.repo.ts";

/** The article's URL, from the template NEWSLETTER_ARTICLE_URL ("https://site/articles/{slug}"). */
export const articleUrlOf = (template: string, slug: string) =>
  template.replace("{slug}", encodeURIComponent(slug));

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
/** nginx strings in double quotes: a quote, a backslash or a `$` (a variable) is escaped. */
const nginxString = (value: string) => `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;

/**
 * Writes every redirect to `file`: `.csv` gives a CSV, anything else an nginx `map` of
 * `$request_uri` (include it in `http {}`, and `if ($lede_redirect) { return 301 $lede_redirect; }`
 * in the old domain's server). Returns how many were written.
 */
export async function writeRedirectsFile(db: Executor, file: string, articleUrl: string): Promise<number> {
  const csv = file.toLowerCase().endsWith(".csv");
  const out = createWriteStream(file, { encoding: "utf8" });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  let written = 0;
  await write(
    csv
      ? "from,to\n"
      : '# Written by `lede import wordpress --redirects`.\nmap $request_uri $lede_redirect {\n  default "";\n',
  );
  for await (const row of allRedirects(db)) {
    const to = articleUrlOf(articleUrl, row.slug);
    await write(
      csv
        ? `${csvField(row.fromPath)},${csvField(to)}\n`
        : `  ${nginxString(row.fromPath)} ${nginxString(to)};\n`,
    );
    written++;
  }
  if (!csv) await write("}\n");
  out.end();
  await once(out, "finish");
  return written;
}
