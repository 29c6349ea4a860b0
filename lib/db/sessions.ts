/**
 * Signed-in sessions (table `sessions`). The session cookie is a signed JWT naming its row; every
 * request that reads the session checks the row (one prepared statement on the primary key, joined
 * to the user, grouped with concurrent reads) so sign-out, "sign out everywhere", deactivation and
 * changes of roles, department or password (a trigger revokes on those) take effect on the very
 * next request.
 */
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";
import type { Db } from "./client";
import { poolOf } from "./client";
import { type Delegator, type DelegatorRow, delegatorsFrom } from "./delegations";
import { byPosition, groupedRead } from "./grouped-read";
import { LIVE_USER_COLUMNS, LIVE_USER_JOIN } from "./live-user";
import { preparedQuery } from "./sql";

/** How often a session's last_seen_at is written (reads in between do not write). */
const TOUCH_EVERY_MS = 60_000;

export interface LiveSession {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  department: { id: string; code: string; name: string } | null;
  timeZone: string | null;
  /** Whom they stand in for at the time the session was read (their delegations running then). */
  standingInFor: Delegator[];
}

export async function openSession(
  db: Db,
  input: { userId: string; maxAgeSeconds: number; userAgent?: string | null; now: Date },
): Promise<string> {
  const id = randomUUID();
  await db.session.create({
    data: {
      id,
      userId: input.userId,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.maxAgeSeconds * 1000),
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
  });
  return id;
}

interface Row {
  user_id: string;
  email: string;
  name: string;
  roles: Role[];
  department: LiveSession["department"];
  time_zone: string | null;
  last_seen_at: Date;
  standing_in_for: DelegatorRow[];
}

/**
 * The session's user as the database has them now, or null: unknown, revoked, expired, inactive.
 * Whom they stand in for at `now` comes along (the inbox and home page need it: one statement
 * less for them). Sessions read while another read is in flight share one statement
 * (grouped-read.ts), as API tokens do: under load many pages are asking at once.
 */
export async function liveSession(
  db: Db,
  sessionId: string,
  now: Date,
): Promise<LiveSession | null> {
  // Ids come from cookies we encrypted; anything else would fail the group's statement for all.
  if (!isUuid(sessionId)) return null;
  const row = await readSession(poolOf(db), { sessionId, now });
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await preparedQuery(
      db,
      "session-touch",
      "UPDATE sessions SET last_seen_at = $2 WHERE id = $1::uuid",
      [sessionId, now],
    );
  }
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    department: row.department,
    timeZone: row.time_zone,
    standingInFor: delegatorsFrom(row.standing_in_for),
  };
}

const readSession = groupedRead(
  async (pool, keys: { sessionId: string; now: Date }[]): Promise<(Row | null)[]> => {
    const { rows } = await pool.query<Row & { n: string }>({
      name: "session-live-group",
      text: `SELECT q.n, s.last_seen_at, u.time_zone, ${LIVE_USER_COLUMNS("s.user_id", "q.now")}
             FROM unnest($1::uuid[], $2::timestamptz[]) WITH ORDINALITY AS q(id, now, n)
             JOIN sessions s ON s.id = q.id
             ${LIVE_USER_JOIN("s.user_id")}
            WHERE s.revoked_at IS NULL AND s.expires_at > q.now`,
      values: [keys.map((k) => k.sessionId), keys.map((k) => k.now)],
    });
    return byPosition(keys.length, rows);
  },
);

export async function revokeSession(db: Db, sessionId: string, reason: string, now: Date) {
  await db.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
}

/** Ends every session of the user (except `keep`, the one asking, when given); returns how many. */
export async function revokeSessionsOf(
  db: Db,
  userId: string,
  reason: string,
  now: Date,
  keep?: string,
): Promise<number> {
  const { count } = await db.session.updateMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: now },
      ...(keep ? { id: { not: keep } } : {}),
    },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}

/** The user's sessions still open, newest first (the Settings page lists them). */
export function openSessionsOf(db: Db, userId: string, now: Date) {
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
  });
}

/** Rows past their expiry by a day: nothing reads them any more. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
  return count;
}
