// Test data made through lede's own code paths.
import type { StaffRole } from "../../src/db/schema.ts";
import { createStaffWithToken } from "../../src/modules/staff/staff.repo.ts";
import type { TestApp } from "./app.ts";

let counter = 0;

/** A new staff member of `role` (writing under the byline `authorId`, if given); returns their bearer token. */
export async function staffToken(t: TestApp, role: StaffRole, authorId?: string): Promise<string> {
  counter += 1;
  const { token } = await createStaffWithToken(t.db, { name: `Test ${role} ${counter}`, role, authorId });
  return token;
}
