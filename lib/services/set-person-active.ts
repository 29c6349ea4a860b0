/**
 * Deactivating a person (they cannot sign in; their sessions end at once — a trigger on users —
 * and every page they have open asks them to sign in) and reactivating them. Their history stays.
 * Nobody deactivates themselves or the last active administrator. Audited.
 */

import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { AppError, zodIssues } from "@/lib/errors";
import { DeactivateSchema } from "@/lib/forms/person";
import type { ServiceActor } from "./actor";
import { lockPerson, requireAnotherAdmin, requirePeopleManager } from "./people-admin";

export async function setPersonActive(
  db: Db,
  actor: ServiceActor,
  userId: string,
  active: boolean,
  input: unknown = {},
  now = new Date(),
): Promise<{ changed: boolean }> {
  requirePeopleManager(actor);
  const parsed = DeactivateSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The reason needs attention.", zodIssues(parsed.error));
  }
  return inTransaction(db, async (client) => {
    const person = await lockPerson(client, userId);
    if (person.active === active) return { changed: false };
    if (!active) {
      if (person.id === actor.id) {
        throw new AppError("VALIDATION_FAILED", "You cannot deactivate yourself.", [
          { field: "active", message: "You cannot deactivate yourself." },
        ]);
      }
      if (person.roles.includes("ADMIN")) {
        await requireAnotherAdmin(
          client,
          person.id,
          "active",
          "This is the only active administrator.",
        );
      }
    }
    await client.query("UPDATE users SET active = $2, updated_at = $3 WHERE id = $1::uuid", [
      person.id,
      active,
      now,
    ]);
    const reason = parsed.data.reason || undefined;
    await appendPeopleEvents(
      client,
      userStream(person.id),
      [
        active
          ? { action: "USER_REACTIVATED", actor: { type: "USER", id: actor.id }, data: {} }
          : {
              action: "USER_DEACTIVATED",
              actor: { type: "USER", id: actor.id },
              data: reason ? { reason } : {},
            },
      ],
      now,
    );
    return { changed: true };
  });
}
