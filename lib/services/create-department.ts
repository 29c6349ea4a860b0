/** An administrator adds a department (a code people and APIs use, and a name). Audited. */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, departmentStream, inTransaction } from "@/lib/db/people-audit";
import { AppError, zodIssues } from "@/lib/errors";
import { DepartmentSchema } from "@/lib/forms/person";
import type { ServiceActor } from "./actor";
import { requirePeopleManager } from "./people-admin";

export async function createDepartment(
  db: Db,
  actor: ServiceActor,
  input: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  requirePeopleManager(actor);
  const parsed = DepartmentSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The department needs attention.",
      zodIssues(parsed.error),
    );
  }
  const { code, name } = parsed.data;
  const id = randomUUID();
  await inTransaction(db, async (client) => {
    const inserted = await client.query(
      `INSERT INTO departments (id, code, name, created_at) VALUES ($1::uuid, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING`,
      [id, code, name, now],
    );
    if (!inserted.rowCount) {
      throw new AppError("VALIDATION_FAILED", `There is a department ${code} already.`, [
        { field: "code", message: `There is a department ${code} already.` },
      ]);
    }
    await appendPeopleEvents(
      client,
      departmentStream(id),
      [
        {
          action: "DEPARTMENT_CREATED",
          actor: { type: "USER", id: actor.id },
          data: { code, name },
        },
      ],
      now,
    );
  });
  return { id };
}
