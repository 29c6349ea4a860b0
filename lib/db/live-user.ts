/**
 * The user behind a live session or API token, as both reads select it (lib/db/sessions.ts,
 * lib/db/api-tokens.ts): id, email, name, roles, department (JSON or null) and whom they stand in
 * for at the read's time (lib/db/delegations.ts). One projection, so a page and an API call see
 * the same person.
 */
import { DELEGATORS_SQL } from "./delegations";

/**
 * The columns, over LIVE_USER_JOIN's `u` and `d`. `userId` and `now` are SQL expressions of the
 * user's id and the read's time, not using the aliases `u` and `d` (DELEGATORS_SQL has its own).
 */
export function LIVE_USER_COLUMNS(userId: string, now: string): string {
  return `u.id::text AS user_id, u.email, u.name, u.roles::text[] AS roles,
          CASE WHEN d.id IS NULL THEN NULL
               ELSE json_build_object('id', d.id::text, 'code', d.code, 'name', d.name) END AS department,
          (SELECT coalesce(json_agg(x), '[]'::json) FROM (${DELEGATORS_SQL(userId, now)}) x)
            AS standing_in_for`;
}

/** The joins LIVE_USER_COLUMNS reads, from `userId` (a SQL expression); active users only. */
export function LIVE_USER_JOIN(userId: string): string {
  return `JOIN users u ON u.id = ${userId} AND u.active
          LEFT JOIN departments d ON d.id = u.department_id`;
}
