// The Staff type and `viewer`: who the request is signed in as.
import { builder } from "../../graphql/builder.ts";
import type { StaffMember } from "./staff.repo.ts";

export const StaffRoleEnum = builder.enumType("StaffRole", {
  values: { ADMIN: { value: "admin" }, EDITOR: { value: "editor" }, AUTHOR: { value: "author" } } as const,
});

export const StaffRef = builder.objectRef<StaffMember>("Staff").implement({
  description: "A member of the newsroom who signs in with a token. Visible only to staff.",
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    role: t.field({ type: StaffRoleEnum, resolve: (member) => member.role }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: StaffRef,
    nullable: true,
    description: "The signed-in staff member, or null for an anonymous request.",
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
);
