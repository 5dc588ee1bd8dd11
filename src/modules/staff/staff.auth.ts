// Turns a request's Authorization header into the signed-in staff member. A header that is
// present but wrong is an error, never a silent anonymous request.
import type { Executor } from "../../db/client.ts";
import { clientError } from "../../graphql/errors.ts";
import { findStaffByToken, type StaffMember } from "./staff.repo.ts";

// A request with a bad token fails as a whole, with 401 and the scheme to use.
const rejected = (message: string) =>
  clientError("UNAUTHENTICATED", message, {
    http: { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="lede"' } },
  });

export async function authenticate(db: Executor, authorization: string | null): Promise<StaffMember | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) {
    throw rejected("The Authorization header must be `Bearer <token>`");
  }
  const member = await findStaffByToken(db, match[1]);
  if (!member) throw rejected("The staff token is unknown or has been revoked");
  return member;
}
