/** Ending one's delegation early (back in the office): the delegate's inbox loses one's steps. */
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { ServiceActor } from "./actor";

export async function endDelegation(
  db: Db,
  actor: ServiceActor,
  delegationId: string,
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (client) => {
    await client.query("SELECT 1 FROM users WHERE id = $1::uuid FOR UPDATE", [actor.id]);
    const row = isUuid(delegationId)
      ? (
          await client.query<{ id: string; user_id: string; ended_at: Date | null; ends_at: Date }>(
            "SELECT id, user_id, ended_at, ends_at FROM delegations WHERE id = $1::uuid FOR UPDATE",
            [delegationId],
          )
        ).rows[0]
      : undefined;
    // Someone else's delegation is as unknown as a missing one.
    if (!row || row.user_id !== actor.id)
      throw new AppError("NOT_FOUND", "There is no such delegation.");
    if (row.ended_at || row.ends_at <= now) return;
    await client.query("UPDATE delegations SET ended_at = $2 WHERE id = $1::uuid", [row.id, now]);
    await appendPeopleEvents(
      client,
      userStream(actor.id),
      [
        {
          action: "DELEGATION_ENDED",
          actor: { type: "USER", id: actor.id },
          data: { delegationId: row.id, endedAt: now.toISOString() },
        },
      ],
      now,
    );
  });
}
