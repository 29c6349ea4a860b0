/**
 * An administrator sends a person a password-reset link (the person's current password keeps
 * working until they set a new one). Mailed by the `mail:password-link` job, enqueued with the
 * audit event; without mail the link is returned once for the administrator to hand over.
 */

import type pg from "pg";
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { AppError } from "@/lib/errors";
import { jobRequest } from "@/lib/jobs/catalog";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import {
  type PasswordLinkPurpose,
  passwordLinkExpiry,
  signPasswordLink,
} from "@/lib/mail/password-links";
import { appUrl } from "@/lib/mail/settings";
import { mailConfigured } from "@/lib/mail/transport";
import type { ServiceActor } from "./actor";
import { lockPerson, requirePeopleManager } from "./people-admin";

export async function sendPasswordLink(
  db: Db,
  actor: ServiceActor,
  userId: string,
  now = new Date(),
): Promise<{ link: string | null }> {
  requirePeopleManager(actor);
  const mail = mailConfigured();
  const person = await inTransaction(db, async (client) => {
    const person = await lockPerson(client, userId);
    if (!person.active) {
      throw new AppError("INVALID_STATE", "This person is deactivated: reactivate them first.");
    }
    if (person.service) {
      throw new AppError("INVALID_STATE", "A service account has no password: it uses API tokens.");
    }
    // Someone who never set a password gets a new invitation rather than a "reset".
    const purpose: PasswordLinkPurpose = person.password_hash.startsWith("!") ? "invite" : "reset";
    const expiresAt = passwordLinkExpiry(purpose, now);
    await appendPeopleEvents(
      client,
      userStream(person.id),
      [
        {
          action: "PASSWORD_LINK_SENT",
          actor: { type: "USER", id: actor.id },
          data: { purpose, expiresAt: expiresAt.toISOString() },
        },
      ],
      now,
    );
    if (mail) await queuePasswordLink(client, person.id, purpose, expiresAt);
    return { ...person, purpose, expiresAt };
  });
  return {
    link: mail
      ? null
      : await passwordLinkUrl(
          { id: person.id, passwordHash: person.password_hash },
          person.purpose,
          person.expiresAt,
          now,
        ),
  };
}

/** The `mail:password-link` job, enqueued in the caller's transaction (with its audit event). */
export async function queuePasswordLink(
  client: pg.PoolClient,
  userId: string,
  purpose: PasswordLinkPurpose,
  expiresAt: Date,
): Promise<void> {
  await enqueueJobs(client, [
    jobRequest(
      "mail:password-link",
      { userId, purpose, expiresAt: expiresAt.toISOString() },
      { key: `password-link:${userId}` },
    ),
  ]);
}

/** The link itself, for an administrator to hand over when there is no mail (shown once). */
export async function passwordLinkUrl(
  user: { id: string; passwordHash: string },
  purpose: PasswordLinkPurpose,
  expiresAt: Date,
  now: Date,
): Promise<string> {
  return `${appUrl()}/set-password/${await signPasswordLink(user, purpose, expiresAt, now)}`;
}
