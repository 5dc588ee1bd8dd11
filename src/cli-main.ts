// `npx lede <command>`: the operator's commands. Results go to stdout, progress and errors to
// stderr, so `token create` can be piped or captured as is. A command loads only the modules it
// needs (dynamic imports): `import wordpress` starts without the server, the worker or the seed. (`npx` puts node_modules/.bin first on
// PATH, where the `node` devDependency provides the Node 24 this TypeScript file needs; `npm run
// lede -- …` works too, but npm prints its own banner on stdout.)
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.ts";
import type { DatabaseHandle } from "./db/client.ts";
import { openConfiguredDatabase } from "./db/client.ts";
import { DataDirectoryInUseError } from "./db/data-dir-lock.ts";
import { migrateDatabase } from "./db/migrate.ts";
import type { StaffRole } from "./db/schema.ts";
import { isIsoDate, localDate } from "./infra/zoned-time.ts";
import { WxrError } from "./modules/wordpress-import/wxr.reader.ts";

const usage = `usage: npx lede <command>

  migrate                                  apply pending migrations
  seed                                     seed the demo content into an empty database
  token create --role ROLE --name NAME [--author SLUG]
                                           create a staff member and print their new token
                                           (ROLE: admin, editor or author); --author links
                                           them to that byline (an author role needs one to write)
  token revoke TOKEN                       revoke a staff token
  worker                                   run the mail dispatcher and the digest scheduler
                                           until stopped (SIGTERM or Ctrl-C)
  digest [--date YYYY-MM-DD]               queue the morning digest of a date (default: today
                                           in NEWSLETTER_TZ); running it again queues nothing new
  import wordpress FILE.xml [--uploads DIR | --uploads-url URL] [--dry-run]
                   [--language fr|en] [--redirects FILE] [--batch-size N]
                                           import a WordPress export (WXR); running it again
                                           changes nothing, or continues an interrupted run.
                                           The report goes to stdout as JSON; --redirects
                                           writes the old URLs as CSV (.csv) or an nginx map

With the embedded database (no DATABASE_URL), one process at a time opens it: run these while
the server is stopped (they refuse, naming the server's pid, while it runs).`;

class UsageError extends Error {}
/** A refusal told by its message alone (the seed's "not empty"), without the usage. */
class RefusedError extends Error {}

const roles: readonly StaffRole[] = ["admin", "editor", "author"];

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(usage);
    return;
  }
  const config = loadConfig();
  // What this process is, named by the embedded database's lock: `lede token create`.
  const holder = `lede ${argv.slice(0, command === "token" ? 2 : 1).join(" ")}`;
  const withDatabase = async (work: (handle: DatabaseHandle) => Promise<void>) => {
    const handle = await openConfiguredDatabase(config, holder);
    try {
      await work(handle);
    } finally {
      await handle.close();
    }
  };

  switch (command) {
    case "migrate":
      return withDatabase(async (handle) => {
        await migrateDatabase(handle);
        console.error("migrations applied");
      });
    case "seed":
      return withDatabase(async (handle) => {
        await migrateDatabase(handle);
        const { DatabaseNotEmptyError, seedDemoContent } = await import("./db/seed.ts");
        const seeded = await seedDemoContent(handle.db).catch((error: unknown) => {
          throw error instanceof DatabaseNotEmptyError ? new RefusedError(error.message) : error;
        });
        console.error(`seeded ${seeded.articles} articles and ${seeded.comments} comments`);
      });
    case "token": {
      const [action, ...options] = rest;
      if (action === "create") {
        const { values } = parseArgs({
          args: options,
          options: { role: { type: "string" }, name: { type: "string" }, author: { type: "string" } },
          strict: true,
        });
        const role = values.role as StaffRole | undefined;
        if (!role || !roles.includes(role)) throw new UsageError(`--role must be one of ${roles.join(", ")}`);
        const name = values.name?.trim();
        if (!name) throw new UsageError("--name is required");
        return withDatabase(async (handle) => {
          await migrateDatabase(handle);
          let authorId: string | null = null;
          if (values.author !== undefined) {
            const { findAuthorsBySlugs } = await import("./modules/author/author.repo.ts");
            const [author] = await findAuthorsBySlugs(handle.db, [values.author.trim()]);
            if (!author) throw new UsageError(`no author has the slug ${values.author}`);
            authorId = author.id;
          }
          const { createStaffWithToken } = await import("./modules/staff/staff.repo.ts");
          const { token } = await createStaffWithToken(handle.db, { name, role, authorId });
          process.stdout.write(`${token}\n`);
        });
      }
      if (action === "revoke") {
        const [token] = options;
        if (!token) throw new UsageError("token revoke needs the token");
        return withDatabase(async (handle) => {
          const { revokeToken } = await import("./modules/staff/staff.repo.ts");
          if (!(await revokeToken(handle.db, token, new Date())))
            throw new UsageError("no live token matches");
          console.error("token revoked");
        });
      }
      throw new UsageError(`unknown token action: ${action ?? "(none)"}`);
    }
    case "worker":
      return withDatabase(async (handle) => {
        await migrateDatabase(handle);
        const { startBackgroundWork } = await import("./worker.ts");
        const work = startBackgroundWork(handle.db, config);
        console.error(
          `lede worker: ${work.describe}; digest at ${config.newsletter.sendAt} ${config.newsletter.timeZone}`,
        );
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            console.error(`${signal}: finishing the message in flight`);
            resolve();
          };
          process.once("SIGTERM", () => stop("SIGTERM"));
          process.once("SIGINT", () => stop("SIGINT"));
        });
        await work.stop();
      });
    case "digest": {
      const { values } = parseArgs({ args: rest, options: { date: { type: "string" } }, strict: true });
      const date = values.date ?? localDate(new Date(), config.newsletter.timeZone);
      if (!isIsoDate(date)) throw new UsageError("--date must be a date written YYYY-MM-DD");
      return withDatabase(async (handle) => {
        await migrateDatabase(handle);
        const { describeDigestRun, runDigest } = await import("./modules/newsletter/digest.ts");
        const { newsletterSettingsFromConfig } = await import("./modules/newsletter/newsletter.settings.ts");
        const settings = newsletterSettingsFromConfig(config);
        const report = await runDigest({ db: handle.db, date, settings, secret: config.secret });
        process.stdout.write(`${JSON.stringify(report)}\n`);
        const sending = report.queued ? "; the dispatcher (server or worker) sends them" : "";
        console.error(`${describeDigestRun(report, settings)}${sending}`);
      });
    }
    case "import": {
      const [source, ...options] = rest;
      if (source !== "wordpress") throw new UsageError(`unknown import source: ${source ?? "(none)"}`);
      const { values, positionals } = parseArgs({
        args: options,
        options: {
          uploads: { type: "string" },
          "uploads-url": { type: "string" },
          "dry-run": { type: "boolean" },
          language: { type: "string" },
          redirects: { type: "string" },
          "batch-size": { type: "string" },
        },
        allowPositionals: true,
        strict: true,
      });
      const [file, ...extra] = positionals;
      if (!file || extra.length) throw new UsageError("import wordpress needs one FILE.xml");
      if (values.uploads && values["uploads-url"])
        throw new UsageError("give --uploads or --uploads-url, not both");
      if (values["uploads-url"] && !/^https?:\/\//i.test(values["uploads-url"])) {
        throw new UsageError("--uploads-url must be an http or https URL");
      }
      const language = values.language;
      if (language !== undefined && language !== "fr" && language !== "en") {
        throw new UsageError("--language must be fr or en");
      }
      const batchSize = values["batch-size"] === undefined ? undefined : Number(values["batch-size"]);
      if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 5000)) {
        throw new UsageError("--batch-size must be a whole number from 1 to 5000");
      }
      return withDatabase(async (handle) => {
        await migrateDatabase(handle);
        const { runWordpressImport } = await import("./cli-wordpress.ts");
        await runWordpressImport(handle.db, config, {
          file,
          uploadsDir: values.uploads,
          uploadsUrl: values["uploads-url"],
          dryRun: values["dry-run"] ?? false,
          language,
          batchSize,
          redirectsFile: values.redirects,
        });
      });
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof RefusedError ||
    error instanceof ConfigError ||
    error instanceof DataDirectoryInUseError ||
    error instanceof WxrError
  ) {
    console.error(`lede: ${error.message}`);
    if (error instanceof UsageError) console.error(`\n${usage}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
