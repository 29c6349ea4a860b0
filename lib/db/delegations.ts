/** Reads of delegations (out of office): who a person stands in for now, and their own. */
import type { Principal, Role } from "@/lib/engine";
import type { Db } from "./client";
import { poolOf } from "./client";

export interface Delegator extends Principal {
  name: string;
}

/**
 * The delegators of `delegate` (a SQL expression of the delegate's id) at `now` (one of the
 * statement's parameters), as rows of id, name, roles, department_id: the one rule, shared by
 * delegatorsOf and the session and API token reads (lib/db/live-user.ts). It names its tables `d`
 * and `u`: an outer column passed as `delegate` must not use those aliases.
 */
export function DELEGATORS_SQL(delegate: string, now: string): string {
  return `SELECT u.id, u.name, u.roles::text[] AS roles, u.department_id
     FROM delegations d JOIN users u ON u.id = d.user_id
     WHERE d.delegate_id = ${delegate} AND d.ended_at IS NULL AND d.starts_at <= ${now}
       AND ${now} < d.ends_at AND u.active
     ORDER BY u.id`;
}

export interface DelegatorRow {
  id: string;
  name: string;
  roles: Role[];
  department_id: string | null;
}

/** The active people `delegateId` stands in for at `now` (their delegations running then). */
export async function delegatorsOf(db: Db, delegateId: string, now: Date): Promise<Delegator[]> {
  const { rows } = await poolOf(db).query<DelegatorRow>(DELEGATORS_SQL("$1::uuid", "$2"), [
    delegateId,
    now,
  ]);
  return delegatorsFrom(rows);
}

export function delegatorsFrom(rows: readonly DelegatorRow[]): Delegator[] {
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    roles: row.roles,
    departmentId: row.department_id,
  }));
}

export interface DelegationView {
  id: string;
  delegate: { id: string; name: string; email: string };
  user: { id: string; name: string };
  startsAt: Date;
  endsAt: Date;
  note: string | null;
  endedAt: Date | null;
}

/** A person's delegations (given and received) that have not ended by `now`. */
export async function currentDelegations(db: Db, userId: string, now: Date) {
  const rows = await db.delegation.findMany({
    where: {
      OR: [{ userId }, { delegateId: userId }],
      endedAt: null,
      endsAt: { gt: now },
    },
    orderBy: { startsAt: "asc" },
    include: {
      delegate: { select: { id: true, name: true, email: true } },
      user: { select: { id: true, name: true } },
    },
  });
  const view = (row: (typeof rows)[number]): DelegationView => ({
    id: row.id,
    delegate: row.delegate,
    user: row.user,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    note: row.note,
    endedAt: row.endedAt,
  });
  return {
    given: rows.filter((row) => row.userId === userId).map(view),
    received: rows.filter((row) => row.delegateId === userId).map(view),
  };
}
