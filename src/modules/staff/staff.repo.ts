// Staff members and their API tokens. Only the sha256 of a token is stored.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { type StaffRole, staff, staffTokens } from "../../db/schema.ts";

export type StaffMember = typeof staff.$inferSelect;

const TOKEN_PREFIX = "lede_";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a staff member with one token; returns the token, which is not stored anywhere. */
export async function createStaffWithToken(
  db: Executor,
  input: { name: string; role: StaffRole; authorId?: string | null },
): Promise<{ member: StaffMember; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [member] = await tx
      .insert(staff)
      .values({ name: input.name, role: input.role, authorId: input.authorId ?? null })
      .returning();
    if (!member) throw new Error("insert returned no staff row");
    await tx.insert(staffTokens).values({ staffId: member.id, tokenHash: hashToken(token) });
    return { member, token };
  });
}

/** The staff member a live (unrevoked) token belongs to, or null. */
export async function findStaffByToken(db: Executor, token: string): Promise<StaffMember | null> {
  const [row] = await db
    .select({ member: staff })
    .from(staffTokens)
    .innerJoin(staff, eq(staff.id, staffTokens.staffId))
    .where(and(eq(staffTokens.tokenHash, hashToken(token)), isNull(staffTokens.revokedAt)))
    .limit(1);
  return row?.member ?? null;
}

/** Revokes a token; returns whether a live token was revoked. */
export async function revokeToken(db: Executor, token: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(staffTokens)
    .set({ revokedAt: now })
    .where(and(eq(staffTokens.tokenHash, hashToken(token)), isNull(staffTokens.revokedAt)))
    .returning({ id: staffTokens.id });
  return rows.length > 0;
}
