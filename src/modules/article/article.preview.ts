// Preview tokens: a signed, short-lived permission to read one unpublished article without a staff
// login, so a front end can show a draft as it will look. The token is `<expiry>.<signature>`: the
// expiry in Unix seconds, and the HMAC-SHA256 (base64url) with the app's secret of the article's
// id and that expiry. It names no article; it is checked against the one whose slug is asked for.
import { createHmac, timingSafeEqual } from "node:crypto";

export const DEFAULT_PREVIEW_MINUTES = 60;
export const MAX_PREVIEW_MINUTES = 24 * 60;

// The secret also keys IP hashes and newsletter tokens: a purpose in the message keeps a
// signature made for one use from being valid for another.
const sign = (secret: string, articleId: string, expires: number) =>
  createHmac("sha256", secret).update(`article-preview:${articleId}:${expires}`).digest();

export function createPreviewToken(
  secret: string,
  articleId: string,
  expiresAt: Date,
): { token: string; expiresAt: Date } {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return {
    token: `${expires}.${sign(secret, articleId, expires).toString("base64url")}`,
    expiresAt: new Date(expires * 1000),
  };
}

/** Whether `token` was made for `articleId` and has not expired at `now`. */
export function isValidPreviewToken(secret: string, articleId: string, token: string, now: Date): boolean {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= now.getTime()) return false;
  // Compared as text: base64url has several spellings of the same bytes (the last character's
  // unused bits), and only the one this module writes is a token.
  const given = Buffer.from(match[2] as string);
  const expected = Buffer.from(sign(secret, articleId, expires).toString("base64url"));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
