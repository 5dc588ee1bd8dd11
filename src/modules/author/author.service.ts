// The rules for writing authors (public bylines): editors create and update them; a slug is made
// from the name unless given, and must be free; URLs are http(s). One transaction each.

import type { Database } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { SocialLink } from "../../db/schema.ts";
import type { CacheInvalidation } from "../../infra/cache-invalidation.ts";
import { checkSlug, slugify } from "../article/article.slug.ts";
import { type FieldIssue, NotFoundError, ValidationError } from "../errors.ts";
import { checkText, checkWebUrl } from "../field-checks.ts";
import { type Actor, requireEditor } from "../staff/staff.roles.ts";
import {
  type Author,
  findAuthorForWrite,
  insertAuthor,
  isAuthorSlugTaken,
  updateAuthorRow,
} from "./author.repo.ts";

export const AUTHOR_LIMITS = {
  name: 200,
  bio: 2000,
  jobTitle: 200,
  url: 2000,
  links: 10,
  linkLabel: 50,
} as const;

export interface AuthorFieldsInput {
  slug?: string | null | undefined;
  name?: string | null | undefined;
  bio?: string | null | undefined;
  avatarUrl?: string | null | undefined;
  jobTitle?: string | null | undefined;
  links?: readonly { label: string; url: string }[] | null | undefined;
}

type AuthorFields = Partial<Pick<Author, "slug" | "name" | "bio" | "avatarUrl" | "jobTitle" | "links">>;

/** What writing authors takes. */
export interface AuthorServices {
  db: Database;
  now: () => Date;
  cache: CacheInvalidation;
  actor: Actor | null;
}

const requireAuthorEditor = (services: AuthorServices) =>
  requireEditor(services.actor, "Only editors and admins manage authors");

/** Checks the fields given: absent means unchanged; null clears an optional field. */
function cleanAuthorFields(input: AuthorFieldsInput, issues: FieldIssue[]): AuthorFields {
  const fields: AuthorFields = {};
  if (input.name != null) {
    fields.name =
      checkText(issues, "input.name", input.name, { max: AUTHOR_LIMITS.name, required: true }) ?? "";
  }
  if (input.slug != null) fields.slug = checkSlug(issues, "input.slug", input.slug);
  if (input.bio !== undefined) {
    fields.bio =
      input.bio === null ? null : checkText(issues, "input.bio", input.bio, { max: AUTHOR_LIMITS.bio });
  }
  if (input.jobTitle !== undefined) {
    fields.jobTitle =
      input.jobTitle === null
        ? null
        : checkText(issues, "input.jobTitle", input.jobTitle, { max: AUTHOR_LIMITS.jobTitle });
  }
  if (input.avatarUrl !== undefined) {
    fields.avatarUrl =
      input.avatarUrl === null
        ? null
        : checkWebUrl(issues, "input.avatarUrl", input.avatarUrl, AUTHOR_LIMITS.url);
  }
  if (input.links != null) {
    if (input.links.length > AUTHOR_LIMITS.links) {
      issues.push({ field: "input.links", message: `At most ${AUTHOR_LIMITS.links} links` });
    }
    fields.links = input.links.map((link, i): SocialLink => {
      const label = checkText(issues, `input.links.${i}.label`, link.label, {
        max: AUTHOR_LIMITS.linkLabel,
        required: true,
      });
      const url = checkWebUrl(issues, `input.links.${i}.url`, link.url, AUTHOR_LIMITS.url);
      if (url === null) issues.push({ field: `input.links.${i}.url`, message: "url is required" });
      return { label: label ?? "", url: url ?? "" };
    });
  }
  return fields;
}

const slugTaken = (slug: string) =>
  new ValidationError([
    { field: "input.slug", message: `An author already has the slug ${slug}; choose another` },
  ]);

/** Runs `work`, turning a race lost on the unique slug into the same answer as the check gives. */
async function guardSlug<T>(slug: () => string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const taken = slug();
    if (taken && isUniqueViolation(error)) throw slugTaken(taken);
    throw error;
  }
}

export interface CreateAuthorInput extends AuthorFieldsInput {
  name: string;
}

export async function createAuthor(services: AuthorServices, input: CreateAuthorInput): Promise<Author> {
  requireAuthorEditor(services);
  const issues: FieldIssue[] = [];
  const fields = cleanAuthorFields(input, issues);
  if (issues.length) throw new ValidationError(issues);
  const slug = fields.slug ?? slugify(fields.name as string, "author");
  const author = await guardSlug(
    () => slug,
    () =>
      services.db.transaction(async (tx) => {
        if (await isAuthorSlugTaken(tx, slug)) throw slugTaken(slug);
        return insertAuthor(tx, {
          ...fields,
          name: fields.name as string,
          slug,
          links: fields.links ?? [],
          createdAt: services.now(),
        });
      }),
  );
  await services.cache.authorListsChanged();
  return author;
}

export interface UpdateAuthorInput extends AuthorFieldsInput {
  authorId: string;
}

/** Changes the fields given. A new slug changes the author's public address; the old one stops working. */
export async function updateAuthor(services: AuthorServices, input: UpdateAuthorInput): Promise<Author> {
  requireAuthorEditor(services);
  const issues: FieldIssue[] = [];
  const fields = cleanAuthorFields(input, issues);
  if (issues.length) throw new ValidationError(issues);
  const author = await guardSlug(
    () => fields.slug,
    () =>
      services.db.transaction(async (tx) => {
        const author = await findAuthorForWrite(tx, input.authorId);
        if (!author) throw new NotFoundError("No author has this id");
        if (fields.slug && (await isAuthorSlugTaken(tx, fields.slug, author.id)))
          throw slugTaken(fields.slug);
        return Object.keys(fields).length ? updateAuthorRow(tx, author.id, fields) : author;
      }),
  );
  await services.cache.authorChanged(author.id);
  return author;
}
