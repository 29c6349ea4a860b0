/**
 * Links that carry their own credential (approve / reject from a mail, set a password): a JWT
 * signed HS256 with a key of its own per kind of link, derived from AUTH_SECRET (so a session
 * cookie or another kind of link never passes as one), and read back strictly: ours, unaltered,
 * unexpired, claims of the expected shape. Refusals are LINK_INVALID or LINK_EXPIRED.
 */
import { hkdfSync } from "node:crypto";
import { errors, type JWTPayload, jwtVerify, SignJWT } from "jose";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

const ISSUER = "flowgate";

export interface LinkKind<Claims> {
  /** The JWT audience, e.g. "flowgate:decide". */
  audience: string;
  /** What the key is derived for (HKDF info): one key per kind of link. */
  keyInfo: string;
  /** The claims a valid link carries (`sub` included). */
  schema: z.ZodType<Claims>;
  /** What an expired link is told. */
  expired: string;
}

function key(kind: LinkKind<unknown>): Uint8Array {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error(`AUTH_SECRET is not set: ${kind.keyInfo} cannot be signed`);
  return new Uint8Array(hkdfSync("sha256", secret, "flowgate", kind.keyInfo, 32));
}

export function signLink<Claims>(
  kind: LinkKind<Claims>,
  subject: string,
  claims: JWTPayload,
  expiresAt: Date,
  issuedAt?: Date,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(kind.audience)
    .setIssuedAt(issuedAt ? Math.floor(issuedAt.getTime() / 1000) : undefined)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key(kind));
}

export async function verifyLink<Claims>(
  kind: LinkKind<Claims>,
  token: string,
  now: Date,
): Promise<Claims> {
  if (token.length > 2_000) throw new AppError("LINK_INVALID", "This link is not valid.");
  try {
    const { payload } = await jwtVerify(token, key(kind), {
      issuer: ISSUER,
      audience: kind.audience,
      algorithms: ["HS256"],
      currentDate: now,
    });
    const claims = kind.schema.safeParse(payload);
    if (!claims.success) throw new AppError("LINK_INVALID", "This link is not valid.");
    return claims.data;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof errors.JWTExpired) throw new AppError("LINK_EXPIRED", kind.expired);
    throw new AppError("LINK_INVALID", "This link is not valid.");
  }
}
