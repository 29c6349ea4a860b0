/**
 * Out of office: an approver names a delegate and the days they are away. Meanwhile the steps
 * they may decide appear in the delegate's inbox, and the delegate's decisions are recorded "by X
 * on behalf of Y" (the engine checks the absent approver's roles and department, and that neither
 * of them asked for the request). Refused: oneself, an inactive delegate, a range in the past, a
 * range overlapping one's own delegation, someone without an inbox (no approver role), and loops — one hop only: nobody delegates while they
 * stand in for someone, or to someone away themselves then. Audited on the approver's stream.
 */
import { randomUUID } from "node:crypto";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { normaliseEmail } from "@/lib/db/users";
import { AppError, zodIssues } from "@/lib/errors";
import { DelegationSchema } from "@/lib/forms/delegation";
import type { ServiceActor } from "./actor";

const DAY_MS = 86_400_000;

function refuse(field: string, message: string): never {
  throw new AppError("VALIDATION_FAILED", message, [{ field, message }]);
}

export async function createDelegation(
  db: Db,
  actor: ServiceActor,
  input: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  const parsed = DelegationSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The delegation needs attention.",
      zodIssues(parsed.error),
    );
  }
  const startsAt = new Date(`${parsed.data.from}T00:00:00Z`);
  const endsAt = new Date(Date.parse(`${parsed.data.to}T00:00:00Z`) + DAY_MS);
  if (Number.isNaN(startsAt.getTime())) refuse("from", "This date does not exist.");
  if (Number.isNaN(endsAt.getTime())) refuse("to", "This date does not exist.");
  if (endsAt <= now) refuse("to", "The last day is in the past.");
  if (endsAt.getTime() - startsAt.getTime() > 366 * DAY_MS)
    refuse("to", "At most a year at a time.");
  const id = randomUUID();
  const note = parsed.data.note || undefined;
  await inTransaction(db, async (client) => {
    // One delegation change at a time, so two people cannot delegate to each other at once.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('flowgate:delegations'))");
    // The person's row too: their audit stream is appended to below.
    await client.query("SELECT 1 FROM users WHERE id = $1::uuid FOR UPDATE", [actor.id]);
    const delegate = (
      await client.query<{ id: string; active: boolean; roles: Role[] }>(
        "SELECT id, active, roles::text[] AS roles FROM users WHERE email = $1",
        [normaliseEmail(parsed.data.delegateEmail)],
      )
    ).rows[0];
    if (!delegate) refuse("delegateEmail", "Nobody has this email address.");
    if (delegate.id === actor.id) refuse("delegateEmail", "Name someone other than yourself.");
    if (!delegate.active) refuse("delegateEmail", "This person is deactivated.");
    // The delegate works the steps in their inbox: only people who have one.
    if (!can({ roles: delegate.roles }, "inbox:read")) {
      refuse("delegateEmail", "This person approves nothing and has no inbox: name an approver.");
    }
    const overlapping = (who: string, column: "user_id" | "delegate_id") =>
      client.query(
        `SELECT 1 FROM delegations
         WHERE ${column} = $1::uuid AND ended_at IS NULL AND starts_at < $3 AND $2 < ends_at LIMIT 1`,
        [who, startsAt, endsAt],
      );
    if ((await overlapping(actor.id, "user_id")).rowCount) {
      refuse("from", "You have a delegation on some of these days already: end it first.");
    }
    if ((await overlapping(actor.id, "delegate_id")).rowCount) {
      refuse(
        "from",
        "You stand in for someone on some of these days: you cannot hand their steps on.",
      );
    }
    if ((await overlapping(delegate.id, "user_id")).rowCount) {
      refuse("delegateEmail", "This person is away themselves on some of these days.");
    }
    await client.query(
      `INSERT INTO delegations (id, user_id, delegate_id, starts_at, ends_at, note, created_at)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7)`,
      [id, actor.id, delegate.id, startsAt, endsAt, note ?? null, now],
    );
    await appendPeopleEvents(
      client,
      userStream(actor.id),
      [
        {
          action: "DELEGATION_CREATED",
          actor: { type: "USER", id: actor.id },
          data: {
            delegationId: id,
            delegateId: delegate.id,
            startsAt: startsAt.toISOString(),
            endsAt: endsAt.toISOString(),
            ...(note ? { note } : {}),
          },
        },
      ],
      now,
    );
  });
  return { id };
}
