/**
 * Set-password links (invitations and resets): a token signed with a key of their own derived
 * from AUTH_SECRET (HS256, jose), naming the person, the purpose and a fingerprint of their
 * password as it was when the link was made. Setting a password changes the fingerprint, so a link
 * works once; it also expires (invitations after 7 days, resets after 24 hours).
 */
import { createHash, hkdfSync } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const ISSUER = "flowgate";
const AUDIENCE = "flowgate:set-password";

export const PASSWORD_LINK_HOURS = { invite: 7 * 24, reset: 24 } as const;
export type PasswordLinkPurpose = keyof typeof PASSWORD_LINK_HOURS;

const ClaimsSchema = z.object({
  sub: z.uuid(),
  pur: z.enum(["invite", "reset"]),
  fp: z.string().length(32),
});
export type PasswordLinkClaims = z.infer<typeof ClaimsSchema>;

function key(): Uint8Array {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: set-password links cannot be signed");
  return new Uint8Array(hkdfSync("sha256", secret, "flowgate", "set-password links", 32));
}

/** The fingerprint a link carries of the password hash it was made for. */
export const passwordFingerprint = (passwordHash: string) =>
  createHash("sha256").update(passwordHash).digest("hex").slice(0, 32);

export function passwordLinkExpiry(purpose: PasswordLinkPurpose, now: Date): Date {
  return new Date(now.getTime() + PASSWORD_LINK_HOURS[purpose] * 3_600_000);
}

export async function signPasswordLink(
  user: { id: string; passwordHash: string },
  purpose: PasswordLinkPurpose,
  expiresAt: Date,
  now: Date,
): Promise<string> {
  return new SignJWT({ pur: purpose, fp: passwordFingerprint(user.passwordHash) })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key());
}

/** The link's claims; LINK_INVALID when not ours or altered, LINK_EXPIRED when too old. */
export async function verifyPasswordLink(token: string, now: Date): Promise<PasswordLinkClaims> {
  if (token.length > 2_000) throw new AppError("LINK_INVALID", "This link is not valid.");
  try {
    const { payload } = await jwtVerify(token, key(), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
    });
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new AppError("LINK_INVALID", "This link is not valid.");
    return claims.data;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof errors.JWTExpired) {
      throw new AppError(
        "LINK_EXPIRED",
        "This link has expired. Ask an administrator for a new one.",
      );
    }
    throw new AppError("LINK_INVALID", "This link is not valid.");
  }
}
