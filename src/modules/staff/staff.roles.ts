// The staff roles, in one place: what each role may do. Scope-auth (graphql/builder.ts) asks it
// which scopes a request has; the services ask it before they write.
//
// Editors and admins do everything with content. An author (role `author`, linked to a byline by
// staff.author_id) writes under their own byline: they edit the drafts whose byline includes them,
// preview their own articles and moderate the comments on them.
import type { ArticleStatus, StaffRole } from "../../db/schema.ts";
import { AccessDeniedError } from "../errors.ts";
import type { StaffMember } from "./staff.repo.ts";

/** Who is acting: the signed-in staff member, or null for an anonymous request or the scheduler. */
export type Actor = Pick<StaffMember, "id" | "role" | "authorId">;

const roleRank: Record<StaffRole, number> = { author: 1, editor: 2, admin: 3 };

/** Whether `actor` holds `role` or a higher one. Only a role's name is needed (a test's stand-in). */
const hasRole = (actor: { role: string } | null, role: StaffRole) =>
  actor !== null && (roleRank[actor.role as StaffRole] ?? 0) >= roleRank[role];

/** The scopes of scope-auth: any staff member, an editor (or admin), an admin. */
export const staffScopes = (actor: Actor | null) => ({
  staff: hasRole(actor, "author"),
  editor: hasRole(actor, "editor"),
  admin: hasRole(actor, "admin"),
});

export const isEditor = (actor: Actor | null) => hasRole(actor, "editor");
export const isAdmin = (actor: { role: string } | null) => hasRole(actor, "admin");

/** Whether the actor's own author is on `authorIds` (a byline). */
export const signs = (actor: Actor, authorIds: readonly string[]) =>
  actor.authorId !== null && authorIds.includes(actor.authorId);

/** Editors reach every article; an author only those whose byline includes them. */
export const reachesArticle = (actor: Actor, authorIds: readonly string[]) =>
  isEditor(actor) || signs(actor, authorIds);

/** Editors edit any article; an author only a draft whose byline includes them. */
export const mayEditArticle = (actor: Actor, status: ArticleStatus, authorIds: readonly string[]) =>
  isEditor(actor) || (status === "draft" && signs(actor, authorIds));

/** The signed-in staff member; nobody signed in is refused. */
export function requireStaff(actor: Actor | null): Actor {
  if (!actor) throw new AccessDeniedError("unauthenticated", "Sign in with a staff token");
  return actor;
}

/** The actor if an editor or admin; anyone else is refused with `message`. */
export function requireEditor(actor: Actor | null, message = "Only editors and admins can do this"): Actor {
  if (!isEditor(actor)) throw new AccessDeniedError("forbidden", message);
  return actor as Actor;
}
