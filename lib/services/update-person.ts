/**
 * An administrator changes a person's name, roles or department. The form carries the person as
 * it was shown (updated_at): a change made meanwhile by someone else is refused, not overwritten.
 * Changing roles or department ends the person's sessions (a trigger on users): their next page
 * asks them to sign in with what they may now do. Audited as USER_UPDATED with each change.
 */
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import type { AuditData } from "@/lib/engine";
import { AppError, zodIssues } from "@/lib/errors";
import { UpdatePersonSchema } from "@/lib/forms/person";
import type { ServiceActor } from "./actor";
import {
  lockPerson,
  requireAnotherAdmin,
  requireDepartment,
  requirePeopleManager,
} from "./people-admin";

const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export async function updatePerson(
  db: Db,
  actor: ServiceActor,
  userId: string,
  input: unknown,
  now = new Date(),
): Promise<{ changed: boolean }> {
  requirePeopleManager(actor);
  const parsed = UpdatePersonSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The person's details need attention.",
      zodIssues(parsed.error),
    );
  }
  const { name, roles, departmentId, seen } = parsed.data;
  return inTransaction(db, async (client) => {
    const person = await lockPerson(client, userId);
    if (person.updated_at.getTime() !== Date.parse(seen)) {
      throw new AppError(
        "VERSION_CONFLICT",
        "Someone changed this person since you opened the page: reload it to see their changes.",
      );
    }
    await requireDepartment(client, departmentId);
    const changes: AuditData<"USER_UPDATED"> = {};
    if (person.name !== name) changes.name = { from: person.name, to: name };
    if (!sameRoles(person.roles, roles))
      changes.roles = { from: person.roles, to: [...roles].sort() };
    if (person.department_id !== departmentId) {
      changes.departmentId = { from: person.department_id, to: departmentId };
    }
    if (Object.keys(changes).length === 0) return { changed: false };
    if (person.active && person.roles.includes("ADMIN") && !roles.includes("ADMIN")) {
      await requireAnotherAdmin(
        client,
        person.id,
        "roles",
        "Keep the Admin role: this is the only active administrator.",
      );
    }
    await client.query(
      `UPDATE users SET name = $2, roles = $3::"Role"[], department_id = $4::uuid, updated_at = $5
       WHERE id = $1::uuid`,
      [person.id, name, roles, departmentId, now],
    );
    await appendPeopleEvents(
      client,
      userStream(person.id),
      [{ action: "USER_UPDATED", actor: { type: "USER", id: actor.id }, data: changes }],
      now,
    );
    return { changed: true };
  });
}
