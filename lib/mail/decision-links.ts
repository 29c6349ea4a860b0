/**
 * Approve or reject from the mail: links carrying a token signed with a key derived from
 * AUTH_SECRET (HS256, jose), bound to the approver, the request, its step visit and its version,
 * and expiring when the step is due. A link only opens a confirmation page (a GET never decides);
 * the decision is made when the approver confirms, and only while the request is still at that
 * version: any change since the mail (another decision, an escalation, this very link used once)
 * makes the link stale, so each link decides at most once.
 */
import { hkdfSync } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const ISSUER = "flowgate";
const AUDIENCE = "flowgate:decide";

export const LinkClaimsSchema = z.object({
  sub: z.uuid(),
  rid: z.uuid(),
  vid: z.uuid(),
  ver: z.number().int().min(0),
  dec: z.enum(["approve", "reject"]),
});
export type LinkClaims = z.infer<typeof LinkClaimsSchema>;

function key(): Uint8Array {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: decision links cannot be signed");
  // A key of its own, derived from AUTH_SECRET: a session cookie can never pass as a link.
  return new Uint8Array(hkdfSync("sha256", secret, "flowgate", "email decision links", 32));
}

export async function signDecisionLink(claims: LinkClaims, expiresAt: Date): Promise<string> {
  return new SignJWT({ rid: claims.rid, vid: claims.vid, ver: claims.ver, dec: claims.dec })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key());
}

/** The link's claims; LINK_INVALID when it was not signed by us, LINK_EXPIRED when its step is past due. */
export async function verifyDecisionLink(token: string, now = new Date()): Promise<LinkClaims> {
  if (token.length > 2_000) throw new AppError("LINK_INVALID", "This link is not valid.");
  try {
    const { payload } = await jwtVerify(token, key(), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
    });
    const claims = LinkClaimsSchema.safeParse(payload);
    if (!claims.success) throw new AppError("LINK_INVALID", "This link is not valid.");
    return claims.data;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof errors.JWTExpired) {
      throw new AppError(
        "LINK_EXPIRED",
        "This link has expired with its step. Open the request in Flowgate to decide.",
      );
    }
    throw new AppError("LINK_INVALID", "This link is not valid.");
  }
}
