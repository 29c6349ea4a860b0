/**
 * Revokes an API token: its owner, or an administrator (any token: a leaked one is stopped by
 * whoever notices). Effective on the next call (every call reads the token's row). Revoking twice
 * changes nothing. Audited on the owner's stream.
 */
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { ServiceActor } from "./actor";

export async function revokeApiToken(
  db: Db,
  actor: ServiceActor,
  tokenId: string,
  now = new Date(),
): Promise<{ revoked: boolean }> {
  if (!isUuid(tokenId)) throw new AppError("NOT_FOUND", "There is no such token.");
  return inTransaction(db, async (client) => {
    const token = (
      await client.query<{ user_id: string; name: string; revoked_at: Date | null }>(
        "SELECT user_id::text AS user_id, name, revoked_at FROM api_tokens WHERE id = $1::uuid FOR UPDATE",
        [tokenId],
      )
    ).rows[0];
    // Someone else's token is "not found" to whoever may not manage people.
    if (!token || (token.user_id !== actor.id && !can(actor, "user:manage"))) {
      throw new AppError("NOT_FOUND", "There is no such token.");
    }
    if (token.revoked_at) return { revoked: false };
    await client.query("SELECT 1 FROM users WHERE id = $1::uuid FOR UPDATE", [token.user_id]);
    await client.query("UPDATE api_tokens SET revoked_at = $2 WHERE id = $1::uuid", [tokenId, now]);
    await appendPeopleEvents(
      client,
      userStream(token.user_id),
      [
        {
          action: "TOKEN_REVOKED",
          actor: { type: "USER", id: actor.id },
          data: { tokenId, name: token.name },
        },
      ],
      now,
    );
    return { revoked: true };
  });
}
