/**
 * Approve or reject from the mail: links carrying a token signed with a key derived from
 * AUTH_SECRET (HS256, jose), bound to the approver, the request, its step visit and its version,
 * and expiring when the step is due. A link only opens a confirmation page (a GET never decides);
 * the decision is made when the approver confirms, and only while the request is still at that
 * version: any change since the mail (another decision, an escalation, this very link used once)
 * makes the link stale, so each link decides at most once.
 */
import { z } from "zod";
import { type LinkKind, signLink, verifyLink } from "./signed-links";

const AUDIENCE = "flowgate:decide";

export const LinkClaimsSchema = z.object({
  sub: z.uuid(),
  rid: z.uuid(),
  vid: z.uuid(),
  ver: z.number().int().min(0),
  dec: z.enum(["approve", "reject"]),
});
export type LinkClaims = z.infer<typeof LinkClaimsSchema>;

const DECISION_LINKS: LinkKind<LinkClaims> = {
  audience: AUDIENCE,
  keyInfo: "email decision links",
  schema: LinkClaimsSchema,
  expired: "This link has expired with its step. Open the request in Flowgate to decide.",
};

export function signDecisionLink(claims: LinkClaims, expiresAt: Date): Promise<string> {
  const { sub, ...rest } = claims;
  return signLink(DECISION_LINKS, sub, rest, expiresAt, new Date());
}

/** The link's claims; LINK_INVALID when it was not signed by us, LINK_EXPIRED when its step is past due. */
export function verifyDecisionLink(token: string, now = new Date()): Promise<LinkClaims> {
  return verifyLink(DECISION_LINKS, token, now);
}
