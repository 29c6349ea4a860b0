/**
 * The home page's reads beyond the inbox (lib/db/inbox.ts): a person's open requests with where
 * each stands, and recent decisions by them or on their requests.
 */
import type { RequestStatus, RequestType, Role } from "@/lib/engine";
import type { Db } from "./client";
import { preparedQuery } from "./sql";

export interface OpenRequest {
  id: string;
  number: number;
  title: string;
  type: RequestType;
  status: RequestStatus;
  stepRole: Role | null;
  stepDueAt: Date | null;
  updatedAt: Date;
}

/** The requester's requests still under way (drafts, in review, sent back), newest activity first. */
export async function openRequestsOf(
  db: Db,
  requesterId: string,
  limit: number,
): Promise<{ items: OpenRequest[]; total: number }> {
  const rows = await preparedQuery<{
    id: string;
    number: number;
    title: string;
    type: RequestType;
    status: RequestStatus;
    step_role: Role | null;
    step_due_at: Date | null;
    updated_at: Date;
    total: number;
  }>(
    db,
    "home-open-requests",
    `SELECT r.id::text AS id, r.number, r.title, r.type::text AS type, r.status::text AS status,
            r.step_role::text AS step_role, r.step_due_at, r.updated_at, count(*) OVER ()::int AS total
       FROM requests r
      WHERE r.requester_id = $1::uuid AND r.status NOT IN ('APPROVED', 'REJECTED', 'CANCELLED')
      ORDER BY r.updated_at DESC, r.id
      LIMIT $2`,
    [requesterId, limit],
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      title: row.title,
      type: row.type,
      status: row.status,
      stepRole: row.step_role,
      stepDueAt: row.step_due_at,
      updatedAt: row.updated_at,
    })),
  };
}

export interface RecentDecision {
  requestId: string;
  number: number;
  title: string;
  kind: "APPROVE" | "REJECT" | "REQUEST_CHANGES" | "ESCALATE";
  actorName: string;
  byYou: boolean;
  at: Date;
}

/** The latest decisions the user made or that were made on their requests. */
export async function recentDecisionsFor(
  db: Db,
  userId: string,
  limit: number,
): Promise<RecentDecision[]> {
  const rows = await preparedQuery<{
    request_id: string;
    number: number;
    title: string;
    kind: RecentDecision["kind"];
    actor_name: string;
    by_you: boolean;
    created_at: Date;
  }>(
    db,
    "home-recent-decisions",
    `WITH mine AS (
       (SELECT d.id FROM decisions d WHERE d.actor_id = $1::uuid ORDER BY d.created_at DESC LIMIT $2)
       UNION
       (SELECT d.id FROM decisions d JOIN requests r ON r.id = d.request_id
         WHERE r.requester_id = $1::uuid ORDER BY d.created_at DESC LIMIT $2))
     SELECT d.request_id::text AS request_id, r.number, r.title, d.kind::text AS kind,
            u.name AS actor_name, d.actor_id = $1::uuid AS by_you, d.created_at
       FROM mine JOIN decisions d ON d.id = mine.id
       JOIN requests r ON r.id = d.request_id
       JOIN users u ON u.id = d.actor_id
      ORDER BY d.created_at DESC, d.id
      LIMIT $2`,
    [userId, limit],
  );
  return rows.map((row) => ({
    requestId: row.request_id,
    number: row.number,
    title: row.title,
    kind: row.kind,
    actorName: row.actor_name,
    byYou: row.by_you,
    at: row.created_at,
  }));
}

/** How many decisions the user made since `since`. */
export async function decisionsSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await preparedQuery<{ n: number }>(
    db,
    "home-decisions-since",
    "SELECT count(*)::int AS n FROM decisions WHERE actor_id = $1::uuid AND created_at >= $2",
    [userId, since],
  );
  return row?.n ?? 0;
}
