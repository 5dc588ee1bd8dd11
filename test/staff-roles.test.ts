// The staff roles, asked of one module by scope-auth and by the services alike.
import { describe, expect, it } from "vitest";
import { AccessDeniedError } from "../src/modules/errors.ts";
import {
  type Actor,
  isAdmin,
  isEditor,
  mayEditArticle,
  reachesArticle,
  requireEditor,
  requireStaff,
  staffScopes,
} from "../src/modules/staff/staff.roles.ts";

const byline = ["author-a", "author-b"];
const admin: Actor = { id: "s1", role: "admin", authorId: null };
const editor: Actor = { id: "s2", role: "editor", authorId: null };
const signingAuthor: Actor = { id: "s3", role: "author", authorId: "author-b" };
const otherAuthor: Actor = { id: "s4", role: "author", authorId: "author-z" };
const bylessAuthor: Actor = { id: "s5", role: "author", authorId: null };

describe("staff roles", () => {
  it("gives scope-auth each role's scopes, and none to an anonymous request", () => {
    expect(staffScopes(null)).toEqual({ staff: false, editor: false, admin: false });
    expect(staffScopes(signingAuthor)).toEqual({ staff: true, editor: false, admin: false });
    expect(staffScopes(editor)).toEqual({ staff: true, editor: true, admin: false });
    expect(staffScopes(admin)).toEqual({ staff: true, editor: true, admin: true });
    expect([isEditor(admin), isAdmin(editor), isAdmin({ role: "admin" })]).toEqual([true, false, true]);
  });

  it("lets editors edit any article and an author only a draft they sign", () => {
    for (const status of ["draft", "scheduled", "published", "archived"] as const) {
      expect(mayEditArticle(editor, status, byline)).toBe(true);
      expect(mayEditArticle(signingAuthor, status, byline)).toBe(status === "draft");
      expect(mayEditArticle(otherAuthor, status, byline)).toBe(false);
    }
    expect(mayEditArticle(bylessAuthor, "draft", byline)).toBe(false);
  });

  it("lets an author reach (preview, moderate) only the articles they sign", () => {
    expect(reachesArticle(admin, [])).toBe(true);
    expect(reachesArticle(signingAuthor, byline)).toBe(true);
    expect(reachesArticle(otherAuthor, byline)).toBe(false);
    expect(reachesArticle(bylessAuthor, byline)).toBe(false);
  });

  it("refuses with a domain error that says whether anyone is signed in", () => {
    expect(requireStaff(signingAuthor)).toBe(signingAuthor);
    expect(() => requireStaff(null)).toThrow(
      expect.objectContaining({ reason: "unauthenticated", constructor: AccessDeniedError }),
    );
    expect(requireEditor(editor)).toBe(editor);
    expect(() => requireEditor(signingAuthor, "Only editors and admins create tags")).toThrow(
      expect.objectContaining({ reason: "forbidden", message: "Only editors and admins create tags" }),
    );
  });
});
