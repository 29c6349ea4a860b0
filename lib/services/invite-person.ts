/**
 * An administrator adds a person: the account is created without a usable password and a
 * set-password link is mailed to them (the `mail:password-link` job, enqueued in the same
 * transaction). Without mail (no SMTP_URL) the link is returned, for the administrator to hand
 * over; it is shown once and never stored. Audited on the person's stream: USER_CREATED and
 * PASSWORD_LINK_SENT.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { normaliseEmail } from "@/lib/db/users";
import { AppError, zodIssues } from "@/lib/errors";
import { InvitePersonSchema } from "@/lib/forms/person";
import { passwordLinkExpiry } from "@/lib/mail/password-links";
import { mailConfigured } from "@/lib/mail/transport";
import type { ServiceActor } from "./actor";
import { requireDepartment, requirePeopleManager } from "./people-admin";
import { passwordLinkUrl, queuePasswordLink } from "./send-password-link";

/** A password hash nothing verifies against: the person signs in once they have set theirs. */
export const unusablePassword = () => `!unset:${randomBytes(16).toString("base64url")}`;

export async function invitePerson(
  db: Db,
  actor: ServiceActor,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; link: string | null }> {
  requirePeopleManager(actor);
  const parsed = InvitePersonSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The person's details need attention.",
      zodIssues(parsed.error),
    );
  }
  const { name, roles, departmentId } = parsed.data;
  const email = normaliseEmail(parsed.data.email);
  const id = randomUUID();
  const passwordHash = unusablePassword();
  const expiresAt = passwordLinkExpiry("invite", now);
  const mail = mailConfigured();
  await inTransaction(db, async (client) => {
    await requireDepartment(client, departmentId);
    const inserted = await client.query(
      `INSERT INTO users (id, email, name, password_hash, roles, department_id, created_at, updated_at)
       VALUES ($1::uuid, $2, $3, $4, $5::"Role"[], $6::uuid, $7, $7)
       ON CONFLICT (email) DO NOTHING`,
      [id, email, name, passwordHash, roles, departmentId, now],
    );
    if (!inserted.rowCount) {
      throw new AppError("VALIDATION_FAILED", `${email} already has an account.`, [
        { field: "email", message: `${email} already has an account.` },
      ]);
    }
    await appendPeopleEvents(
      client,
      userStream(id),
      [
        {
          action: "USER_CREATED",
          actor: { type: "USER", id: actor.id },
          data: { email, name, roles, departmentId, how: "invite" },
        },
        {
          action: "PASSWORD_LINK_SENT",
          actor: { type: "USER", id: actor.id },
          data: { purpose: "invite", expiresAt: expiresAt.toISOString() },
        },
      ],
      now,
    );
    if (mail) await queuePasswordLink(client, id, "invite", expiresAt);
  });
  const link = mail ? null : await passwordLinkUrl({ id, passwordHash }, "invite", expiresAt, now);
  return { id, link };
}
