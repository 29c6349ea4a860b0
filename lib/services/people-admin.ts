/**
 * What the people use cases share: the permission, the locked read of a person, and the rule that
 * an organisation always keeps an active administrator (nobody can remove the last one's ADMIN
 * role or deactivate them, themselves included).
 */
import type pg from "pg";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { ServiceActor } from "./actor";

export function requirePeopleManager(actor: ServiceActor): void {
  if (!can(actor, "user:manage")) throw new AppError("FORBIDDEN", "Your roles do not allow this.");
}

export interface LockedPerson {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  department_id: string | null;
  active: boolean;
  /** A service account (an integration): never signs in, holds API tokens. */
  service: boolean;
  password_hash: string;
  updated_at: Date;
}

/** The person's row, locked until the transaction ends; NOT_FOUND when there is none. */
export async function lockPerson(client: pg.PoolClient, id: string): Promise<LockedPerson> {
  const row = isUuid(id)
    ? (
        await client.query<LockedPerson>(
          `SELECT id, email, name, roles::text[] AS roles, department_id, active, service, password_hash, updated_at
           FROM users WHERE id = $1::uuid FOR UPDATE`,
          [id],
        )
      ).rows[0]
    : undefined;
  if (!row) throw new AppError("NOT_FOUND", "There is no such person.");
  return row;
}

/** Refuses when no active administrator would remain besides `userId`. */
export async function requireAnotherAdmin(
  client: pg.PoolClient,
  userId: string,
  field: string,
  message: string,
): Promise<void> {
  // Lock every active admin row so two admins cannot demote each other at the same moment.
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM users WHERE active AND 'ADMIN' = ANY(roles) AND id <> $1::uuid FOR UPDATE`,
    [userId],
  );
  if (rows.length === 0) throw new AppError("VALIDATION_FAILED", message, [{ field, message }]);
}

export async function requireDepartment(
  client: pg.PoolClient,
  departmentId: string | null,
): Promise<void> {
  if (departmentId === null) return;
  const { rowCount } = await client.query("SELECT 1 FROM departments WHERE id = $1::uuid", [
    departmentId,
  ]);
  if (!rowCount) {
    throw new AppError("VALIDATION_FAILED", "There is no such department.", [
      { field: "departmentId", message: "There is no such department." },
    ]);
  }
}
