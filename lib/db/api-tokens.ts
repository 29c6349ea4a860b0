/**
 * API tokens (table `api_tokens`). Every API call with a token reads its row joined to its user
 * (a prepared statement on the primary key, shared by the calls that arrive together), so a
 * revoked or expired token, a deactivated user and a change of roles take effect on the very next
 * call. last_used_at is written at most once a minute per token: reads in between do not write.
 */
import type { Role } from "@/lib/auth/roles";
import { type Db, poolOf } from "./client";
import { type Delegator, type DelegatorRow, delegatorsFrom } from "./delegations";
import { byPosition, groupedRead } from "./grouped-read";
import { LIVE_USER_COLUMNS, LIVE_USER_JOIN } from "./live-user";
import { preparedQuery } from "./sql";

const TOUCH_EVERY_MS = 60_000;

export interface TokenOwner {
  tokenId: string;
  secretHash: Uint8Array;
  scopes: string[];
  /** Whether this use should be recorded (the last one is a minute old or more). */
  touch: boolean;
  /** Whom the owner stands in for now (read with the token: the inbox needs it, saving a query). */
  standingInFor: Delegator[];
  user: {
    id: string;
    email: string;
    name: string;
    roles: Role[];
    department: { id: string; code: string; name: string } | null;
  };
}

interface Row {
  secret_hash: Uint8Array;
  scopes: string[];
  last_used_at: Date | null;
  user_id: string;
  email: string;
  name: string;
  roles: Role[];
  department: TokenOwner["user"]["department"];
  standing_in_for: DelegatorRow[];
}

/** The token's row and its user as they are now, or null: unknown, revoked, expired, inactive. */
export async function liveToken(db: Db, tokenId: string, now: Date): Promise<TokenOwner | null> {
  const row = await readToken(poolOf(db), { tokenId, now });
  if (!row) return null;
  return {
    tokenId,
    secretHash: row.secret_hash,
    scopes: row.scopes,
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      roles: row.roles,
      department: row.department,
    },
    touch: shouldTouch(row.last_used_at, now),
    standingInFor: delegatorsFrom(row.standing_in_for),
  };
}

/**
 * Every API call reads its token: the calls that arrive together share one statement
 * (grouped-read.ts), each with its own token and instant (`q.now`: expiry and delegations are
 * judged at the caller's own time).
 */
const readToken = groupedRead(
  async (pool, keys: { tokenId: string; now: Date }[]): Promise<(Row | null)[]> => {
    const { rows } = await pool.query<Row & { n: string }>({
      name: "api-token-live-group",
      text: `SELECT q.n, t.secret_hash, t.scopes, t.last_used_at, ${LIVE_USER_COLUMNS("t.user_id", "q.now")}
             FROM unnest($1::uuid[], $2::timestamptz[]) WITH ORDINALITY AS q(id, now, n)
             JOIN api_tokens t ON t.id = q.id
             ${LIVE_USER_JOIN("t.user_id")}
            WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > q.now)`,
      values: [keys.map((k) => k.tokenId), keys.map((k) => k.now)],
    });
    return byPosition(keys.length, rows);
  },
);

function shouldTouch(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= TOUCH_EVERY_MS;
}

/** Records a use of the token, unless one was recorded within the last minute. */
export async function touchToken(db: Db, tokenId: string, now: Date): Promise<void> {
  await preparedQuery(
    db,
    "api-token-touch",
    `UPDATE api_tokens SET last_used_at = $2
      WHERE id = $1::uuid AND (last_used_at IS NULL OR last_used_at <= $3)`,
    [tokenId, now, new Date(now.getTime() - TOUCH_EVERY_MS)],
  );
}

export interface TokenView {
  id: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  owner: { id: string; name: string; email: string; service: boolean };
  createdBy: string | null;
}

/** Tokens of one user, or (service: true) of every service account; newest first. */
export async function listTokens(
  db: Db,
  filter: { userId: string } | { service: true },
): Promise<TokenView[]> {
  const rows = await db.apiToken.findMany({
    where: "userId" in filter ? { userId: filter.userId } : { user: { service: true } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 500,
    include: { user: { select: { id: true, name: true, email: true, service: true } } },
  });
  const creators = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(rows.map((row) => row.createdById))] } },
        select: { id: true, name: true },
      })
    ).map((user) => [user.id, user.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    owner: row.user,
    createdBy: creators.get(row.createdById) ?? null,
  }));
}
