/**
 * Creating a person: the first administrator of a production database (`npm run user:create`),
 * and later the admin pages. Everything is checked before anything is written; each problem is
 * named at its field.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { RoleSchema } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { appendPeopleEvents, inTransaction, userStream } from "@/lib/db/people-audit";
import { normaliseEmail } from "@/lib/db/users";
import { AppError, zodIssues } from "@/lib/errors";
import { cleanText } from "@/lib/forms/text";

export const NewUserSchema = z
  .object({
    email: z.email("Enter a valid email address.").max(254),
    name: cleanText(z.string().trim().min(2, "Give the person's name.").max(120)),
    roles: z.array(RoleSchema).min(1, "Give at least one role.").max(10),
    departmentCode: z.string().trim().max(20).optional(),
    /** At least 12 characters; none given: one is generated (and returned once). */
    password: z.string().min(12, "A password has at least 12 characters.").max(1024).optional(),
  })
  .strict();

export async function createPerson(
  db: Db,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; email: string; password: string; generated: boolean }> {
  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The person's details need attention.",
      zodIssues(parsed.error),
    );
  }
  const { email, name, departmentCode } = parsed.data;
  const department = departmentCode
    ? await db.department.findUnique({ where: { code: departmentCode.toUpperCase() } })
    : null;
  if (departmentCode && !department) {
    throw new AppError("VALIDATION_FAILED", `There is no department ${departmentCode}.`, [
      { field: "departmentCode", message: `There is no department ${departmentCode}.` },
    ]);
  }
  if (await db.user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true } })) {
    throw new AppError("VALIDATION_FAILED", `${email} already has an account.`, [
      { field: "email", message: `${email} already has an account.` },
    ]);
  }
  // Everyone may also ask for things; the other roles are what was given.
  const roles = [...new Set(["REQUESTER" as const, ...parsed.data.roles])];
  const generated = parsed.data.password === undefined;
  const password = parsed.data.password ?? randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  const user = await inTransaction(db, async (client) => {
    const id = randomUUID();
    const normalised = normaliseEmail(email);
    const inserted = await client.query(
      `INSERT INTO users (id, email, name, password_hash, roles, department_id, created_at, updated_at)
       VALUES ($1::uuid, $2, $3, $4, $5::"Role"[], $6::uuid, $7, $7) ON CONFLICT (email) DO NOTHING`,
      [id, normalised, name, passwordHash, roles, department?.id ?? null, now],
    );
    if (!inserted.rowCount) {
      throw new AppError("VALIDATION_FAILED", `${email} already has an account.`, [
        { field: "email", message: `${email} already has an account.` },
      ]);
    }
    // Audited as done by the system: the command line has no signed-in person.
    await appendPeopleEvents(
      client,
      userStream(id),
      [
        {
          action: "USER_CREATED",
          actor: { type: "SYSTEM", onBehalfOf: null },
          data: {
            email: normalised,
            name,
            roles,
            departmentId: department?.id ?? null,
            how: "cli",
          },
        },
      ],
      now,
    );
    return { id, email: normalised };
  });
  return { id: user.id, email: user.email, password, generated };
}
