/** An administrator renames a department (its code stays: seeds and APIs use it). Audited. */

import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, departmentStream, inTransaction } from "@/lib/db/people-audit";
import { AppError, zodIssues } from "@/lib/errors";
import { RenameDepartmentSchema } from "@/lib/forms/person";
import { isUuid } from "@/lib/ids";
import type { ServiceActor } from "./actor";
import { requirePeopleManager } from "./people-admin";

export async function renameDepartment(
  db: Db,
  actor: ServiceActor,
  departmentId: string,
  input: unknown,
  now = new Date(),
): Promise<{ changed: boolean }> {
  requirePeopleManager(actor);
  const parsed = RenameDepartmentSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The department needs attention.",
      zodIssues(parsed.error),
    );
  }
  return inTransaction(db, async (client) => {
    const row = isUuid(departmentId)
      ? (
          await client.query<{ id: string; name: string }>(
            "SELECT id, name FROM departments WHERE id = $1::uuid FOR UPDATE",
            [departmentId],
          )
        ).rows[0]
      : undefined;
    if (!row) throw new AppError("NOT_FOUND", "There is no such department.");
    if (row.name === parsed.data.name) return { changed: false };
    await client.query("UPDATE departments SET name = $2 WHERE id = $1::uuid", [
      row.id,
      parsed.data.name,
    ]);
    await appendPeopleEvents(
      client,
      departmentStream(row.id),
      [
        {
          action: "DEPARTMENT_RENAMED",
          actor: { type: "USER", id: actor.id },
          data: { name: { from: row.name, to: parsed.data.name } },
        },
      ],
      now,
    );
    return { changed: true };
  });
}
