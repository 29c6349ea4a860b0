/**
 * An administrator adds a service account: the identity of an integration (an ERP, a script). It
 * has roles and a department like a person, so the engine decides what it may do, but no
 * password: it never signs in and gets no set-password link, only API tokens. Its address is made
 * up under the reserved `.invalid` domain, so no mail ever goes anywhere. Audited on its stream.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { AppError, zodIssues } from "@/lib/errors";
import { ServiceAccountSchema } from "@/lib/forms/api-token";
import type { ServiceActor } from "./actor";
import { unusablePassword } from "./invite-person";
import { requireDepartment, requirePeopleManager } from "./people-admin";

export async function createServiceAccount(
  db: Db,
  actor: ServiceActor,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; email: string }> {
  requirePeopleManager(actor);
  const parsed = ServiceAccountSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The service account needs attention.",
      zodIssues(parsed.error),
    );
  }
  const { name, roles, departmentId } = parsed.data;
  const slug =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "service";
  const email = `${slug}-${randomBytes(3).toString("hex")}@service.invalid`;
  const id = randomUUID();
  await inTransaction(db, async (client) => {
    await requireDepartment(client, departmentId);
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, roles, department_id, service,
                          email_notifications, created_at, updated_at)
       VALUES ($1::uuid, $2, $3, $4, $5::"Role"[], $6::uuid, true, false, $7, $7)`,
      [id, email, name, unusablePassword(), roles, departmentId, now],
    );
    await appendPeopleEvents(
      client,
      userStream(id),
      [
        {
          action: "USER_CREATED",
          actor: { type: "USER", id: actor.id },
          data: { email, name, roles, departmentId, how: "service" },
        },
      ],
      now,
    );
  });
  return { id, email };
}
