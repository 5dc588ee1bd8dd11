// `npm run lede -- <command>`: the operator's commands. Results go to stdout, progress and
// errors to stderr, so `token create` can be piped or captured as is.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.ts";
import type { DatabaseHandle } from "./db/client.ts";
import { migrateDatabase } from "./db/migrate.ts";
import type { StaffRole } from "./db/schema.ts";
import { DatabaseNotEmptyError, seedDemoContent } from "./db/seed.ts";
import { openConfiguredDatabase } from "./db/setup.ts";
import { createStaffWithToken, revokeToken } from "./modules/staff/staff.repo.ts";

const usage = `usage: npm run lede -- <command>

  migrate                                  apply pending migrations
  seed                                     seed the demo content into an empty database
  token create --role ROLE --name NAME     create a staff member and print their new token
                                           (ROLE: admin, editor or author)
  token revoke TOKEN                       revoke a staff token

With the embedded database (no DATABASE_URL), run these while the server is stopped.`;

class UsageError extends Error {}

const roles: readonly StaffRole[] = ["admin", "editor", "author"];

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(usage);
    return;
  }
  const config = loadConfig();
  const withDatabase = async (work: (handle: DatabaseHandle) => Promise<void>) => {
    const handle = await openConfiguredDatabase(config);
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
        const seeded = await seedDemoContent(handle.db);
        console.error(`seeded ${seeded.articles} articles and ${seeded.comments} comments`);
      });
    case "token": {
      const [action, ...options] = rest;
      if (action === "create") {
        const { values } = parseArgs({
          args: options,
          options: { role: { type: "string" }, name: { type: "string" } },
          strict: true,
        });
        const role = values.role as StaffRole | undefined;
        if (!role || !roles.includes(role)) throw new UsageError(`--role must be one of ${roles.join(", ")}`);
        const name = values.name?.trim();
        if (!name) throw new UsageError("--name is required");
        return withDatabase(async (handle) => {
          await migrateDatabase(handle);
          const { token } = await createStaffWithToken(handle.db, { name, role });
          process.stdout.write(`${token}\n`);
        });
      }
      if (action === "revoke") {
        const [token] = options;
        if (!token) throw new UsageError("token revoke needs the token");
        return withDatabase(async (handle) => {
          if (!(await revokeToken(handle.db, token, new Date())))
            throw new UsageError("no live token matches");
          console.error("token revoked");
        });
      }
      throw new UsageError(`unknown token action: ${action ?? "(none)"}`);
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseNotEmptyError) {
    console.error(`lede: ${error.message}`);
    if (error instanceof UsageError) console.error(`\n${usage}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
