// The tokens that newsletter links carry. Only their sha256 is stored (newsletter_tokens), and each
// is bound to one subscriber and one purpose:
// - confirm: 32 random bytes, valid 48 hours, one per confirmation email;
// - manage (change preferences, unsubscribe): one per subscriber, for good. Every digest needs it
//   in clear for its links, and it is stored nowhere in clear: it is the HMAC, under the app
//   secret, of the subscriber id and its row id (a random UUID). Rotating LEDE_SECRET therefore
//   retires every manage link already sent.
import { createHash, createHmac, randomBytes } from "node:crypto";

export type TokenPurpose = "confirm" | "manage";

export const CONFIRM_TOKEN_TTL_MS = 48 * 60 * 60 * 1000;

export const hashNewsletterToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new confirmation token: 256 random bits, base64url. */
export const newConfirmToken = (): string => {
  // Drawn from a pool, as crypto.randomUUID draws from its own: one call into OpenSSL per token
  // cost ~10 µs, as much as the subscribe's hashing. Each byte serves one token only.
  if (poolOffset + TOKEN_BYTES > randomPool.length) {
    randomPool = randomBytes(TOKEN_BYTES * 64);
    poolOffset = 0;
  }
  const token = randomPool.toString("base64url", poolOffset, poolOffset + TOKEN_BYTES);
  poolOffset += TOKEN_BYTES;
  return token;
};
const TOKEN_BYTES = 32;
let randomPool = Buffer.alloc(0);
let poolOffset = 0;

/** The manage token of the token row `tokenId` of `subscriberId` (256 bits, base64url). */
export const deriveManageToken = (secret: string, subscriberId: string, tokenId: string) =>
  createHmac("sha256", secret).update(`newsletter-manage:${subscriberId}:${tokenId}`).digest("base64url");

/** Every token lede hands out is 43 base64url characters; anything else is not worth a query. */
export const isWellFormedToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
