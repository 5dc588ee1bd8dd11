// Ids of demo rows that every install shares, apart from the seed itself: the playground's tabs
// and the tests name demo rows by them without loading the seed (its content and its renderer).
import { createHash } from "node:crypto";

/** A UUID that depends only on `name`: the same demo row gets the same id on every install. */
export function stableUuid(name: string): string {
  const hex = createHash("sha256").update(`lede:${name}`).digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
