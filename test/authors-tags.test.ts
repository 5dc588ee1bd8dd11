// Bylines and tags: creating and changing authors and tags through the API, and linking a staff
// token to a byline from the CLI.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.ts";
import { staff } from "../src/db/schema.ts";
import { driver, type TestApp } from "./setup/app.ts";
import { runCli } from "./setup/cli.ts";
import {
  as,
  authorId,
  CreateAuthor,
  CreateTag,
  errorCode,
  UpdateAuthor,
  useEditorialApp,
} from "./setup/editorial.ts";

const app = useEditorialApp();
const { create } = app;
let t: TestApp;
let editor: string;
let priya: string;
beforeAll(() => {
  ({ t, editor, priya } = app);
});

describe("authors and tags", () => {
  it("creates an author with a slug from the name, and refuses a taken slug", async () => {
    const result = await t.execute(
      CreateAuthor,
      {
        input: {
          name: "Zoé Lefèvre-Dubœuf",
          bio: "Covers chips.",
          avatarUrl: "https://example.com/zoe.jpg",
          jobTitle: "Reporter",
          links: [{ label: "Mastodon", url: "https://mastodon.example/@zoe" }],
        },
      },
      { token: editor },
    );
    expect(as(result.data?.createAuthor, "AuthorMutationSuccess").author).toMatchObject({
      slug: "zoe-lefevre-duboeuf",
      name: "Zoé Lefèvre-Dubœuf",
      links: [{ label: "Mastodon", url: "https://mastodon.example/@zoe" }],
    });
    const again = await t.execute(
      CreateAuthor,
      { input: { name: "Zoé Lefevre Duboeuf" } },
      { token: editor },
    );
    expect(as(again.data?.createAuthor, "ValidationError").issues[0]?.field).toBe("input.slug");
  });

  it("refuses bad URLs and slugs, field by field", async () => {
    const result = await t.execute(
      CreateAuthor,
      {
        input: {
          name: "Bad Input",
          slug: "Not A Slug",
          avatarUrl: "ftp://example.com/a.png",
          links: [{ label: "", url: "nope" }],
        },
      },
      { token: editor },
    );
    expect(
      as(result.data?.createAuthor, "ValidationError")
        .issues.map((i) => i.field)
        .sort(),
    ).toEqual(["input.avatarUrl", "input.links.0.label", "input.links.0.url", "input.slug"]);
    expect(await t.db.query.authors.findFirst({ where: { name: "Bad Input" } })).toBeUndefined();
  });

  it("updates an author's fields, clears one with null, and refuses a slug already taken", async () => {
    const created = as(
      (
        await t.execute(
          CreateAuthor,
          { input: { name: "Sam Writer", bio: "Old bio", jobTitle: "Intern" } },
          { token: editor },
        )
      ).data?.createAuthor,
      "AuthorMutationSuccess",
    ).author;
    const updated = await t.execute(
      UpdateAuthor,
      { input: { authorId: created.id, bio: "New bio", jobTitle: null } },
      { token: editor },
    );
    expect(as(updated.data?.updateAuthor, "AuthorMutationSuccess").author).toEqual({
      slug: "sam-writer",
      name: "Sam Writer",
      bio: "New bio",
      jobTitle: null,
    });
    const clash = await t.execute(
      UpdateAuthor,
      { input: { authorId: created.id, slug: "priya-nair" } },
      { token: editor },
    );
    expect(as(clash.data?.updateAuthor, "ValidationError").issues[0]?.field).toBe("input.slug");
  });

  it("leaves authors and tags to editors", async () => {
    expect(errorCode(await t.execute(CreateAuthor, { input: { name: "Nope" } }, { token: priya }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await t.execute(CreateTag, { input: { name: "Nope" } }, { token: priya }))).toBe(
      "FORBIDDEN",
    );
    expect(
      errorCode(
        await t.execute(
          UpdateAuthor,
          { input: { authorId: encodeGlobalID("Author", authorId("priya-nair")), bio: "Mine" } },
          { token: priya },
        ),
      ),
    ).toBe("FORBIDDEN");
  });

  it("creates a tag with a slug from its name, and refuses a duplicate and an empty name", async () => {
    const result = await t.execute(CreateTag, { input: { name: "Énergie solaire" } }, { token: editor });
    expect(as(result.data?.createTag, "TagMutationSuccess").tag).toEqual({
      slug: "energie-solaire",
      name: "Énergie solaire",
    });
    const duplicate = await t.execute(CreateTag, { input: { name: "Energie Solaire" } }, { token: editor });
    expect(as(duplicate.data?.createTag, "ValidationError").issues[0]?.field).toBe("input.slug");
    const empty = await t.execute(CreateTag, { input: { name: "  " } }, { token: editor });
    expect(as(empty.data?.createTag, "ValidationError").issues[0]?.field).toBe("input.name");
    // The new tag works in articles at once.
    expect((await create({ tagSlugs: ["energie-solaire"] })).tags).toEqual([{ slug: "energie-solaire" }]);
  });
});

describe("npm run lede -- token create --author", () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "lede-cli-"));
    env =
      driver === "postgres"
        ? { DATABASE_URL: t.handle.url as string, LEDE_DATA_DIR: dataDir }
        : { LEDE_DATA_DIR: dataDir };
    // The CLI's own PGlite directory needs the demo authors.
    if (driver === "pglite") expect((await runCli(["seed"], env)).code).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("links the new staff member to a byline", async () => {
    const result = await runCli(
      ["token", "create", "--role", "author", "--name", "Camille Renaud", "--author", "camille-renaud"],
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^lede_[A-Za-z0-9_-]{43}\n$/);
    const handle = driver === "postgres" ? t.handle : await openDatabase({ dataDir });
    try {
      const [member] = await handle.db.select().from(staff).where(eq(staff.name, "Camille Renaud"));
      expect(member).toMatchObject({ role: "author", authorId: authorId("camille-renaud") });
    } finally {
      if (handle !== t.handle) await handle.close();
    }
  });

  it("refuses an unknown byline and prints no token", async () => {
    const result = await runCli(
      ["token", "create", "--role", "author", "--name", "X", "--author", "nobody"],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("no author has the slug nobody");
  });
});
