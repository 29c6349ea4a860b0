/**
 * POST responses kept under their Idempotency-Key (table `idempotency_keys`) for 24 hours, per
 * caller. The first request claims the key (a row with no status yet), runs, and stores its answer;
 * a retry with the same key and the same request gets that answer again; the same key with another
 * request is refused; a retry while the first still runs is told so. An answer of 5xx is not kept:
 * the key is released so the retry runs. A claim left by a process that died mid-request expires
 * after CLAIM_TIMEOUT_MS, after which the key may run again: what the request did before the
 * crash is guarded by the engine's version check (a decision applies once).
 */
import type { Db } from "./client";
import { preparedQuery } from "./sql";

export const KEEP_MS = 24 * 60 * 60 * 1000;
const CLAIM_TIMEOUT_MS = 5 * 60 * 1000;

export type Claim =
  | { kind: "claimed" }
  | { kind: "replay"; status: number; body: string; headers: Record<string, string> }
  | { kind: "mismatch" }
  | { kind: "in-progress" };

export async function claimKey(
  db: Db,
  principal: string,
  key: string,
  fingerprint: string,
  now: Date,
): Promise<Claim> {
  // A kept row that expired, or a claim that timed out, is taken over; anything else stays.
  const claimed = await preparedQuery<{ principal: string }>(
    db,
    "idempotency-claim",
    `INSERT INTO idempotency_keys (principal, key, fingerprint, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (principal, key) DO UPDATE
       SET fingerprint = EXCLUDED.fingerprint, status = NULL, body = NULL, headers = NULL,
           created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
       WHERE idempotency_keys.expires_at <= $4
          OR (idempotency_keys.status IS NULL AND idempotency_keys.created_at <= $6)
     RETURNING principal`,
    [
      principal,
      key,
      fingerprint,
      now,
      new Date(now.getTime() + KEEP_MS),
      new Date(now.getTime() - CLAIM_TIMEOUT_MS),
    ],
  );
  if (claimed.length) return { kind: "claimed" };
  const [row] = await preparedQuery<{
    fingerprint: string;
    status: number | null;
    body: string | null;
    headers: Record<string, string> | null;
  }>(
    db,
    "idempotency-read",
    "SELECT fingerprint, status, body, headers FROM idempotency_keys WHERE principal = $1 AND key = $2",
    [principal, key],
  );
  if (!row) return claimKey(db, principal, key, fingerprint, now); // deleted meanwhile
  if (row.fingerprint !== fingerprint) return { kind: "mismatch" };
  if (row.status === null) return { kind: "in-progress" };
  return { kind: "replay", status: row.status, body: row.body ?? "", headers: row.headers ?? {} };
}

export async function completeKey(
  db: Db,
  principal: string,
  key: string,
  answer: { status: number; body: string; headers: Record<string, string> },
): Promise<void> {
  await preparedQuery(
    db,
    "idempotency-complete",
    "UPDATE idempotency_keys SET status = $3, body = $4, headers = $5::jsonb WHERE principal = $1 AND key = $2",
    [principal, key, answer.status, answer.body, JSON.stringify(answer.headers)],
  );
}

export async function releaseKey(db: Db, principal: string, key: string): Promise<void> {
  await preparedQuery(
    db,
    "idempotency-release",
    "DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status IS NULL",
    [principal, key],
  );
}

/** Deletes kept answers past their 24 hours (the nightly clean-up job). */
export async function pruneIdempotencyKeys(db: Db, now: Date): Promise<number> {
  return db.idempotencyKey.deleteMany({ where: { expiresAt: { lt: now } } }).then((r) => r.count);
}
