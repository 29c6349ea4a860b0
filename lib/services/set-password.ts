/**
 * A person sets their password from an invitation or reset link (lib/mail/password-links.ts). The
 * link works once (it names the password it replaces), only for an active account, and only
 * before it expires; setting the password ends every session the person had. Audited as
 * PASSWORD_SET by the person.
 */
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { AppError, zodIssues } from "@/lib/errors";
import { SetPasswordSchema } from "@/lib/forms/person";
import { passwordFingerprint, verifyPasswordLink } from "@/lib/mail/password-links";
import { lockPerson } from "./people-admin";

const STALE = "This link was used already (or the password changed since): ask for a new one.";

/** Who the link is for (the page greets them), or the refusal. */
export async function passwordLinkFor(db: Db, token: string, now = new Date()) {
  const claims = await verifyPasswordLink(token, now);
  const person = await db.user.findUnique({
    where: { id: claims.sub },
    select: { id: true, email: true, name: true, active: true, passwordHash: true },
  });
  if (!person?.active) throw new AppError("LINK_INVALID", "This link is not valid.");
  if (passwordFingerprint(person.passwordHash) !== claims.fp)
    throw new AppError("LINK_STALE", STALE);
  return { email: person.email, name: person.name, purpose: claims.pur };
}

export async function setPasswordWithLink(
  db: Db,
  token: string,
  input: unknown,
  now = new Date(),
): Promise<{ email: string }> {
  const claims = await verifyPasswordLink(token, now);
  const parsed = SetPasswordSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The password needs attention.",
      zodIssues(parsed.error),
    );
  }
  const hash = await hashPassword(parsed.data.password);
  return inTransaction(db, async (client) => {
    const person = await lockPerson(client, claims.sub).catch(() => {
      throw new AppError("LINK_INVALID", "This link is not valid.");
    });
    if (!person.active) throw new AppError("LINK_INVALID", "This link is not valid.");
    if (passwordFingerprint(person.password_hash) !== claims.fp)
      throw new AppError("LINK_STALE", STALE);
    await client.query("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1::uuid", [
      person.id,
      hash,
      now,
    ]);
    await appendPeopleEvents(
      client,
      userStream(person.id),
      [{ action: "PASSWORD_SET", actor: { type: "USER", id: person.id }, data: { via: "link" } }],
      now,
    );
    return { email: person.email };
  });
}
