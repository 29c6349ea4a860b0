/**
 * Set-password links (invitations and resets): a token signed with a key of their own derived
 * from AUTH_SECRET (HS256, jose), naming the person, the purpose and a fingerprint of their
 * password as it was when the link was made. Setting a password changes the fingerprint, so a link
 * works once; it also expires (invitations after 7 days, resets after 24 hours).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { type LinkKind, signLink, verifyLink } from "./signed-links";

const AUDIENCE = "flowgate:set-password";

export const PASSWORD_LINK_HOURS = { invite: 7 * 24, reset: 24 } as const;
export type PasswordLinkPurpose = keyof typeof PASSWORD_LINK_HOURS;

const ClaimsSchema = z.object({
  sub: z.uuid(),
  pur: z.enum(["invite", "reset"]),
  fp: z.string().length(32),
});
export type PasswordLinkClaims = z.infer<typeof ClaimsSchema>;

/** The fingerprint a link carries of the password hash it was made for. */
export const passwordFingerprint = (passwordHash: string) =>
  createHash("sha256").update(passwordHash).digest("hex").slice(0, 32);

export function passwordLinkExpiry(purpose: PasswordLinkPurpose, now: Date): Date {
  return new Date(now.getTime() + PASSWORD_LINK_HOURS[purpose] * 3_600_000);
}

const PASSWORD_LINKS: LinkKind<PasswordLinkClaims> = {
  audience: AUDIENCE,
  keyInfo: "set-password links",
  schema: ClaimsSchema,
  expired: "This link has expired. Ask an administrator for a new one.",
};

export function signPasswordLink(
  user: { id: string; passwordHash: string },
  purpose: PasswordLinkPurpose,
  expiresAt: Date,
  now: Date,
): Promise<string> {
  const claims = { pur: purpose, fp: passwordFingerprint(user.passwordHash) };
  return signLink(PASSWORD_LINKS, user.id, claims, expiresAt, now);
}

/** The link's claims; LINK_INVALID when not ours or altered, LINK_EXPIRED when too old. */
export function verifyPasswordLink(token: string, now: Date): Promise<PasswordLinkClaims> {
  return verifyLink(PASSWORD_LINKS, token, now);
}
