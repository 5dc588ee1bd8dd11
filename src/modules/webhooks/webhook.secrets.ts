// Signing secrets: made here, shown once, stored encrypted (AES-256-GCM, with a key derived from
// LEDE_SECRET), and used to sign each request as the Standard Webhooks specification says
// (https://www.standardwebhooks.com): `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const PREFIX = "whsec_";

/** A new secret: `whsec_` and 32 random bytes in base64, as the specification recommends. */
export const newSigningSecret = (): string => PREFIX + randomBytes(32).toString("base64");

/** What staff see of a secret once it was shown: enough to tell two apart. */
export const secretHint = (secret: string): string => `${PREFIX}…${secret.slice(-4)}`;

/** The `webhook-signature` value of one secret. */
export function signature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.slice(PREFIX.length), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
}

/** Several signatures go in one header, separated by spaces (during a rotation: new, then old). */
export const signatures = (secrets: readonly string[], id: string, timestampSeconds: number, body: string) =>
  secrets.map((secret) => signature(secret, id, timestampSeconds, body)).join(" ");

// One key per purpose from LEDE_SECRET: a leak of one use tells nothing about the others.
const encryptionKey = (appSecret: string) =>
  Buffer.from(hkdfSync("sha256", appSecret, "lede", "webhook-secret-encryption", 32));

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(appSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(appSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"))].join(".");
}

export function decryptSecret(appSecret: string, stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) {
    throw new Error("a webhook secret is stored in an unknown format");
  }
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(appSecret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}
