/**
 * API token strings: `fgt_<id>_<secret>`, the id (32 hex digits, the row's uuid) to find the row
 * without a scan, the secret (43 base64url characters, 256 random bits) to prove possession. The
 * row keeps only the secret's SHA-256, compared in constant time. A leaked database therefore
 * yields no usable token, and a token's prefix is recognisable to secret scanners.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const PREFIX = "fgt_";
const TOKEN = /^fgt_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface IssuedToken {
  id: string;
  /** The whole token: shown once, never stored. */
  token: string;
  secretHash: Buffer;
}

export function issueToken(id: string): IssuedToken {
  const secret = randomBytes(32).toString("base64url");
  return {
    id,
    token: `${PREFIX}${id.replaceAll("-", "")}_${secret}`,
    secretHash: hashSecret(secret),
  };
}

export function parseToken(value: string): { id: string; secret: string } | null {
  const match = TOKEN.exec(value);
  if (!match) return null;
  const hex = match[1] as string;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] as string };
}

export function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret).digest();
}

/** Whether `secret` is the one whose hash is stored, in time that does not depend on where they differ. */
export function secretMatches(secret: string, stored: Uint8Array): boolean {
  const given = hashSecret(secret);
  return stored.length === given.length && timingSafeEqual(given, stored);
}

/** How the token list names a token without revealing it. */
export function tokenHint(id: string): string {
  return `${PREFIX}${id.replaceAll("-", "").slice(0, 8)}…`;
}
