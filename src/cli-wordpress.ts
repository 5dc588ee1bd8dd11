// `npx lede import wordpress FILE.xml`: the process edge of the WordPress import. It wires the
// import to the configured media store and response cache, draws the progress line on stderr,
// stops after the batch in flight on Ctrl-C, and prints the report (JSON on stdout, a summary on
// stderr).
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { createResponseCache } from "./graphql/plugins/response-cache.ts";
import { connectRedis } from "./infra/redis.ts";
import { RenditionCache } from "./modules/media/media.service.ts";
import { mediaSettingsFromConfig, mediaStoreFromConfig } from "./modules/media/media.setup.ts";
import { writeRedirectsFile } from "./modules/wordpress-import/wordpress-import.redirects.ts";
import {
  type ImportProgress,
  type ImportReport,
  importWordpress,
  type ReportKind,
} from "./modules/wordpress-import/wordpress-import.service.ts";

export interface WordpressCliOptions {
  file: string;
  uploadsDir: string | undefined;
  uploadsUrl: string | undefined;
  dryRun: boolean;
  language: "fr" | "en" | undefined;
  batchSize: number | undefined;
  redirectsFile: string | undefined;
}

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
};

/** "items 1,200/5,000 (24%) · 2,150 items/s · posts 800 · comments 16,000 · ETA 0:02" */
export function progressLine(progress: ImportProgress): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.items / seconds : 0;
  const percent = progress.total ? Math.floor((progress.items / progress.total) * 100) : 0;
  const eta = rate > 0 ? clock(((progress.total - progress.items) / rate) * 1000) : "?";
  const n = (value: number) => value.toLocaleString("en");
  return `items ${n(progress.items)}/${n(progress.total)} (${percent}%) · ${n(Math.round(rate))} items/s · posts ${n(progress.posts)} · comments ${n(progress.comments)} · ETA ${eta}`;
}

function summary(report: ImportReport): string {
  const lines = [
    `${report.dryRun ? "dry run (nothing written): " : ""}WordPress site ${report.site}, WXR ${report.wxrVersion}${report.interrupted ? " — interrupted: run the same command again to continue" : ""}`,
  ];
  for (const kind of Object.keys(report.kinds) as ReportKind[]) {
    const counts = report.kinds[kind];
    const skipped = Object.entries(counts.skipped).map(([reason, n]) => `${n} ${reason}`);
    lines.push(
      `  ${kind}: ${counts.imported} imported, ${counts.updated} updated, ${counts.unchanged} unchanged${skipped.length ? `; skipped: ${skipped.join(", ")}` : ""}`,
    );
  }
  lines.push(`  redirects: ${report.redirects}`);
  const shortcodes = Object.entries(report.shortcodes).map(([name, n]) => `[${name}] in ${n}`);
  if (shortcodes.length) lines.push(`  shortcodes kept as text: ${shortcodes.join(", ")}`);
  for (const warning of report.warnings)
    lines.push(`  warning: ${warning.kind} ${warning.wpId}: ${warning.message}`);
  if (report.moreWarnings) lines.push(`  … and ${report.moreWarnings} more warnings`);
  return lines.join("\n");
}

export async function runWordpressImport(db: Database, config: Config, options: WordpressCliOptions) {
  // With Redis, the servers share their response cache: the import clears it there. Without, each
  // server's own cache forgets within RESPONSE_CACHE_TTL_MS (and an embedded database's server is
  // stopped during an import anyway).
  const redis =
    config.redisUrl && config.graphql.responseCache.enabled && !options.dryRun
      ? connectRedis(config.redisUrl, "cache")
      : null;
  const cache = createResponseCache({ ...config.graphql.responseCache, redis }).invalidation;
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    console.error("\nstopping after the batch in flight (Ctrl-C again to quit at once)");
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  let printedItems = -1;
  try {
    const report = await importWordpress(
      {
        db,
        now: () => new Date(),
        secret: config.secret,
        media: {
          db,
          store: await mediaStoreFromConfig(config),
          now: () => new Date(),
          media: mediaSettingsFromConfig(config),
          renditions: new RenditionCache(),
        },
        cache,
      },
      {
        ...options,
        signal: controller.signal,
        onProgress: (progress) => {
          const now = performance.now();
          if (tty) process.stderr.write(`\r\x1b[K${progressLine(progress)}`);
          else if (
            now - lastLine > 5000 ||
            (progress.items === progress.total && printedItems !== progress.items)
          ) {
            lastLine = now;
            printedItems = progress.items;
            console.error(progressLine(progress));
          }
        },
      },
    );
    if (tty) process.stderr.write("\n");
    if (options.redirectsFile && !options.dryRun) {
      const written = await writeRedirectsFile(db, options.redirectsFile, config.articleUrl);
      console.error(`${written} redirects written to ${options.redirectsFile}`);
    }
    process.stdout.write(`${JSON.stringify(report)}\n`);
    console.error(summary(report));
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await redis?.quit().catch(() => {});
  }
}
