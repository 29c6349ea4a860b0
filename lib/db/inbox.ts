/**
 * The approver inbox: steps the user may decide now, soonest due first, 50 a page.
 *
 * Each of the user's deciding roles is a queue: (role, no department) for company-wide steps, and
 * for managers also (MANAGER, their department). A queue is one ordered range read of
 * requests_inbox_global_idx or requests_inbox_dept_idx from the cursor on; the queues are merged
 * by due time. Keyset pagination (due time, id) keeps every page as cheap as the first.
 */
import { APPROVER_ROLES } from "@/lib/auth/roles";
import type { RequestStatus, RequestType, Role } from "@/lib/engine";
import type { Db } from "./client";
import { preparedQuery } from "./sql";

export interface InboxUser {
  id: string;
  roles: readonly Role[];
  departmentId: string | null;
  /** Absent approvers this user stands in for now (lib/services/create-delegation.ts). */
  standingInFor?: readonly { id: string; roles: readonly Role[]; departmentId: string | null }[];
}

export interface InboxCursor {
  dueAt: Date;
  id: string;
}

export interface InboxItem {
  id: string;
  number: number;
  type: RequestType;
  title: string;
  status: RequestStatus;
  stepRole: Role;
  stepNodeId: string;
  stepDueAt: Date;
  stepStartedAt: Date | null;
  escalated: boolean;
  /** The AI's summary, overall confidence and warnings, when the request has a suggestion. */
  summary: string | null;
  confidence: number | null;
  warnings: string[];
  /** Figures in the text that would route the request higher than its confirmed fields. */
  routingWarnings: string[];
  /** The action that runs once approved (lib/engine ActionSchema), if any. */
  action: unknown;
  fields: unknown;
  version: number;
  requesterId: string;
  requesterName: string;
  departmentName: string | null;
  stepDepartmentId: string | null;
  stepApprovals: string[];
  escalatedAt: Date | null;
  /** Set when the step is an absent approver's, shown to their delegate. */
  onBehalfOf: { id: string; name: string } | null;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: InboxCursor | null;
}

export interface InboxQueue {
  role: Role;
  departmentId: string | null;
  /** Whose steps these are: the user, or an absent approver they stand in for. */
  principalId: string;
}

/** The user's queues, then those of each approver they stand in for that they lack themselves. */
export function inboxQueues(user: InboxUser): InboxQueue[] {
  const queuesOf = (who: { id: string; roles: readonly Role[]; departmentId: string | null }) =>
    APPROVER_ROLES.filter((role) => who.roles.includes(role)).flatMap((role) => [
      // company-wide steps of the role (a workflow may scope MANAGER globally)
      { role, departmentId: null, principalId: who.id },
      ...(role === "MANAGER" && who.departmentId
        ? [{ role, departmentId: who.departmentId, principalId: who.id }]
        : []),
    ]);
  const queues = queuesOf(user);
  const key = (q: InboxQueue) => `${q.role}/${q.departmentId ?? ""}`;
  const seen = new Set(queues.map(key));
  for (const principal of user.standingInFor ?? []) {
    for (const queue of queuesOf(principal)) {
      if (seen.has(key(queue))) continue;
      seen.add(key(queue));
      queues.push(queue);
    }
  }
  return queues;
}

/**
 * What one queue holds for `user` ($1 is their id): waiting steps of the queue's role (and
 * department), not their own requests, not steps they approved already; for an absent approver's
 * queue also none of that approver's own requests.
 */
function queueWhere(
  user: InboxUser,
  queue: InboxQueue,
  params: unknown[],
): { where: string; principal: string } {
  const department =
    queue.departmentId === null
      ? "r.step_department_id IS NULL"
      : `r.step_department_id = $${params.push(queue.departmentId)}::uuid`;
  const principal =
    queue.principalId === user.id ? "$1::uuid" : `$${params.push(queue.principalId)}::uuid`;
  const others = queue.principalId === user.id ? "" : `AND r.requester_id <> ${principal}`;
  return {
    principal,
    where: `r.status IN ('IN_REVIEW', 'ESCALATED') AND r.step_role = $${params.push(queue.role)}::"Role" AND ${department}
        AND r.requester_id <> $1::uuid ${others} AND NOT (${principal} = ANY(r.step_approvals))`,
  };
}

/** How many steps wait for `user` (everything inboxPage would page through), and how many are overdue at `now`. */
export async function inboxCounts(
  db: Db,
  user: InboxUser,
  now: Date,
): Promise<{ waiting: number; overdue: number }> {
  const queues = inboxQueues(user);
  if (queues.length === 0) return { waiting: 0, overdue: 0 };
  const params: unknown[] = [user.id, now];
  const parts = queues.map(
    (queue) =>
      `(SELECT r.step_due_at FROM requests r WHERE ${queueWhere(user, queue, params).where})`,
  );
  const shape = queues
    .map((q) => `${q.role}${q.departmentId ? "_d" : ""}${q.principalId === user.id ? "" : "_p"}`)
    .join("_");
  const [row] = await preparedQuery<{ waiting: number; overdue: number }>(
    db,
    `inbox_counts_${shape}`,
    `SELECT count(*)::int AS waiting, count(*) FILTER (WHERE step_due_at < $2)::int AS overdue
       FROM (${parts.join(" UNION ALL ")}) q`,
    params,
  );
  return row ?? { waiting: 0, overdue: 0 };
}

export async function inboxPage(
  db: Db,
  user: InboxUser,
  options: {
    cursor?: InboxCursor | null;
    limit?: number;
    type?: RequestType | null;
    /** Words of the title, or a request's number ("FG-12", "12"). */
    q?: string | null;
    /** Only steps overdue at this time or escalated. */
    urgentAt?: Date | null;
  } = {},
): Promise<InboxPage> {
  const queues = inboxQueues(user);
  if (queues.length === 0) return { items: [], nextCursor: null };
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const params: unknown[] = [
    user.id,
    options.cursor?.dueAt ?? new Date(0),
    options.cursor?.id ?? "00000000-0000-0000-0000-000000000000",
    limit + 1,
  ];
  let typeFilter = options.type ? `AND r.type = $${params.push(options.type)}::"RequestType"` : "";
  const q = options.q?.trim();
  if (q) {
    const number = /^(?:FG-?)?(\d{1,9})$/i.exec(q)?.[1];
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    typeFilter += ` AND (r.title ILIKE $${params.push(like)}${
      number ? ` OR r.number = $${params.push(Number(number))}::int` : ""
    })`;
  }
  if (options.urgentAt) {
    typeFilter += ` AND (r.step_escalated_at IS NOT NULL OR r.step_due_at <= $${params.push(options.urgentAt)}::timestamptz)`;
  }
  const parts = queues.map((queue) => {
    const { where, principal } = queueWhere(user, queue, params);
    return `(SELECT r.id, r.step_due_at, ${principal} AS principal FROM requests r
      WHERE ${where} AND (r.step_due_at, r.id) > ($2::timestamptz, $3::uuid) ${typeFilter}
      ORDER BY r.step_due_at, r.id LIMIT $4)`;
  });
  const shape = `${queues.map((queue) => `${queue.role}${queue.departmentId ? "_d" : ""}${queue.principalId === user.id ? "" : "_p"}`).join("_")}${options.type ? "_t" : ""}${q ? (/^(?:FG-?)?\d{1,9}$/i.test(q) ? "_qn" : "_q") : ""}${options.urgentAt ? "_u" : ""}`;
  const rows = await preparedQuery<{
    id: string;
    number: number;
    type: RequestType;
    title: string;
    status: RequestStatus;
    step_role: Role;
    step_node_id: string;
    step_due_at: Date;
    step_started_at: Date | null;
    step_escalated_at: Date | null;
    summary: string | null;
    confidence: number | null;
    warnings: unknown;
    routing_warnings: string[] | null;
    action: unknown;
    fields: unknown;
    version: number;
    requester_id: string;
    requester_name: string;
    department_name: string | null;
    step_department_id: string | null;
    step_approvals: string[];
    on_behalf_of_id: string | null;
    on_behalf_of_name: string | null;
  }>(
    db,
    `inbox_${shape}`,
    `WITH page AS (SELECT id, step_due_at, principal FROM (${parts.join(" UNION ALL ")}) q ORDER BY step_due_at, id LIMIT $4)
     SELECT r.id::text AS id, r.number, r.type::text AS type, r.title, r.status::text AS status,
            r.step_role::text AS step_role, r.step_node_id, r.step_due_at, r.step_started_at, r.step_escalated_at, r.fields, r.version,
            r.enrichment->>'summary' AS summary, (r.enrichment->>'confidence')::float8 AS confidence,
            r.enrichment->'warnings' AS warnings, r.routing_warnings, r.action,
            r.requester_id::text AS requester_id, u.name AS requester_name, d.name AS department_name,
            r.step_department_id::text AS step_department_id, r.step_approvals::text[] AS step_approvals,
            CASE WHEN page.principal <> $1::uuid THEN page.principal::text END AS on_behalf_of_id,
            CASE WHEN page.principal <> $1::uuid THEN pu.name END AS on_behalf_of_name
     FROM page JOIN requests r ON r.id = page.id
     LEFT JOIN users pu ON pu.id = page.principal
     JOIN users u ON u.id = r.requester_id
     LEFT JOIN departments d ON d.id = r.department_id
     ORDER BY page.step_due_at, page.id`,
    params,
  );
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    number: row.number,
    type: row.type,
    title: row.title,
    status: row.status,
    stepRole: row.step_role,
    stepNodeId: row.step_node_id,
    stepDueAt: row.step_due_at,
    stepStartedAt: row.step_started_at,
    escalated: row.step_escalated_at !== null,
    summary: row.summary,
    confidence: row.confidence,
    warnings: Array.isArray(row.warnings)
      ? row.warnings.filter((w): w is string => typeof w === "string")
      : [],
    routingWarnings: row.routing_warnings ?? [],
    action: row.action,
    fields: row.fields,
    version: row.version,
    requesterId: row.requester_id,
    requesterName: row.requester_name,
    departmentName: row.department_name,
    stepDepartmentId: row.step_department_id,
    stepApprovals: row.step_approvals,
    escalatedAt: row.step_escalated_at,
    onBehalfOf: row.on_behalf_of_id
      ? { id: row.on_behalf_of_id, name: row.on_behalf_of_name ?? "Unknown user" }
      : null,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { dueAt: last.stepDueAt, id: last.id } : null,
  };
}
