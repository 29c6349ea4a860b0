/**
 * The `mail:password-link` job: mails a person their set-password link (an invitation or a
 * reset), signed when the mail is made. Once per link: the delivery is recorded under its key.
 * A person deactivated meanwhile, or who set a password already, gets nothing.
 */
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { type PasswordLinkPurpose, signPasswordLink } from "@/lib/mail/password-links";
import { appUrl } from "@/lib/mail/settings";
import { passwordLinkMail } from "@/lib/mail/templates";
import { mailConfigured, sendMail } from "@/lib/mail/transport";
import { delivered, recordDelivery } from "./mail-request";

export async function mailPasswordLink(
  db: Db,
  job: { userId: string; purpose: PasswordLinkPurpose; expiresAt: string },
  now = new Date(),
): Promise<{ sent: boolean }> {
  if (!mailConfigured()) {
    log.warn({ userId: job.userId }, "mail is not configured (SMTP_URL): password link not sent");
    return { sent: false };
  }
  const key = `password-link:${job.userId}:${job.expiresAt}`;
  if (await delivered(db, key)) return { sent: false };
  const person = await db.user.findUnique({
    where: { id: job.userId },
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      passwordHash: true,
      timeZone: true,
    },
  });
  const expiresAt = new Date(job.expiresAt);
  if (!person?.active || expiresAt <= now) return { sent: false };
  if (job.purpose === "invite" && !person.passwordHash.startsWith("!")) return { sent: false };
  const token = await signPasswordLink(person, job.purpose, expiresAt, now);
  const mail = passwordLinkMail(
    person,
    job.purpose,
    `${appUrl()}/set-password/${token}`,
    expiresAt,
    person.timeZone,
  );
  const messageId = await sendMail({ to: person.email, ...mail, reference: key });
  await recordDelivery(
    db,
    {
      key,
      userId: person.id,
      requestId: null as unknown as string,
      kind: `password-${job.purpose}`,
      messageId,
    },
    now,
  );
  return { sent: true };
}
