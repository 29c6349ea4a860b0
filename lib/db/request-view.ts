/**
 * Reads for the request pages: a requester's list (filters, search, page) and one request with
 * everything its page shows (names, AI suggestion, timeline). Not on a hot path: plain Prisma.
 */
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { type Enrichment, EnrichmentSchema } from "@/lib/ai/schema";
import type { JsonValue, RequestStatus, RequestType, Role } from "@/lib/engine";
import { REQUEST_STATUSES, RequestTypeSchema } from "@/lib/engine";
import { requestStream } from "./audit";
import type { Db } from "./client";
import { type LoadedRequest, REQUEST_COLUMNS, type RequestRow, toLoaded } from "./requests";
import { preparedQuery } from "./sql";

export const OWN_REQUESTS_PAGE_SIZE = 20;

/** The list's URL query. Unknown values are dropped rather than refused: a URL is not a form. */
export const OwnRequestsQuerySchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
  type: RequestTypeSchema.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type OwnRequestsQuery = z.infer<typeof OwnRequestsQuerySchema>;

export interface OwnRequestRow {
  id: string;
  number: number;
  type: RequestType;
  title: string;
  status: RequestStatus;
  stepRole: Role | null;
  stepDueAt: Date | null;
  stepDepartment: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function ownRequestsPage(
  db: Db,
  requesterId: string,
  query: OwnRequestsQuery,
): Promise<{ items: OwnRequestRow[]; total: number; page: number; pageCount: number }> {
  const search = query.q?.trim();
  const number = search?.match(/^(?:FG-)?(\d{1,9})$/i)?.[1];
  const where: Prisma.RequestWhereInput = {
    requesterId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(search
      ? {
          OR: [
            { title: { contains: search, mode: "insensitive" } },
            { description: { contains: search, mode: "insensitive" } },
            ...(number ? [{ number: Number(number) }] : []),
          ],
        }
      : {}),
  };
  const total = await db.request.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / OWN_REQUESTS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.request.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OWN_REQUESTS_PAGE_SIZE,
    take: OWN_REQUESTS_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      type: true,
      title: true,
      status: true,
      stepRole: true,
      stepDueAt: true,
      stepDepartmentId: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  const departments = await departmentNames(
    db,
    rows.map((r) => r.stepDepartmentId),
  );
  return {
    items: rows.map(({ stepDepartmentId, ...row }) => ({
      ...row,
      stepDepartment: stepDepartmentId ? (departments.get(stepDepartmentId) ?? null) : null,
    })),
    total,
    page,
    pageCount,
  };
}

export interface TimelineEntry {
  seq: number;
  action: string;
  actorType: "USER" | "SYSTEM" | "AI";
  actorId: string | null;
  actorName: string | null;
  onBehalfOfName: string | null;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  data: JsonValue;
  createdAt: Date;
}

export interface RequestDetail {
  loaded: LoadedRequest;
  number: number;
  title: string;
  description: string;
  requester: { id: string; name: string; email: string };
  department: string | null;
  stepDepartment: string | null;
  enrichment: Enrichment | null;
  enrichmentError: string | null;
  /** Figures in the text that would route the request higher than its confirmed fields. */
  routingWarnings: string[];
  confirmedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  completedAt: Date | null;
  stepStartedAt: Date | null;
  timeline: TimelineEntry[];
}

const DETAIL_SQL = `SELECT ${REQUEST_COLUMNS}, r.number, r.description, r.enrichment, r.enrichment_error, r.routing_warnings,
       r.created_at, r.updated_at, r.submitted_at, r.completed_at,
       u.name AS requester_name, u.email AS requester_email,
       d.name AS department_name, sd.name AS step_department_name
  FROM requests r
  JOIN users u ON u.id = r.requester_id
  LEFT JOIN departments d ON d.id = r.department_id
  LEFT JOIN departments sd ON sd.id = r.step_department_id
  WHERE r.id = $1::uuid`;

const TIMELINE_SQL = `SELECT a.seq, a.action, a.actor_type::text AS actor_type, a.actor_id::text AS actor_id,
       actor.name AS actor_name, a.on_behalf_of_id::text AS on_behalf_of_id, behalf.name AS on_behalf_of_name,
       a.from_status::text AS from_status, a.to_status::text AS to_status, a.data, a.created_at
  FROM audit_events a
  LEFT JOIN users actor ON actor.id = a.actor_id
  LEFT JOIN users behalf ON behalf.id = a.on_behalf_of_id
  WHERE a.stream = $1
  ORDER BY a.seq`;

/** One request with everything its page shows: two queries, run together. */
export async function requestDetail(db: Db, id: string): Promise<RequestDetail | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [rows, events] = await Promise.all([
    preparedQuery<
      RequestRow & {
        number: number;
        description: string;
        enrichment: unknown;
        enrichment_error: string | null;
        routing_warnings: string[] | null;
        created_at: Date;
        updated_at: Date;
        submitted_at: Date | null;
        completed_at: Date | null;
        requester_name: string;
        requester_email: string;
        department_name: string | null;
        step_department_name: string | null;
      }
    >(db, "request_detail", DETAIL_SQL, [id]),
    preparedQuery<{
      seq: number;
      action: string;
      actor_type: TimelineEntry["actorType"];
      actor_id: string | null;
      actor_name: string | null;
      on_behalf_of_id: string | null;
      on_behalf_of_name: string | null;
      from_status: RequestStatus | null;
      to_status: RequestStatus | null;
      data: JsonValue;
      created_at: Date;
    }>(db, "request_timeline", TIMELINE_SQL, [requestStream(id)]),
  ]);
  const row = rows[0];
  if (!row) return null;
  // A stored suggestion that no longer parses (an older shape) is shown as none rather than failing the page.
  const enrichment = EnrichmentSchema.safeParse(row.enrichment);
  return {
    loaded: toLoaded(row),
    number: row.number,
    title: row.title,
    description: row.description,
    requester: { id: row.requester_id, name: row.requester_name, email: row.requester_email },
    department: row.department_name,
    stepDepartment: row.step_department_name,
    enrichment: enrichment.success ? enrichment.data : null,
    enrichmentError: row.enrichment_error,
    routingWarnings: row.routing_warnings ?? [],
    confirmedAt: row.confirmed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    completedAt: row.completed_at,
    stepStartedAt: row.step_started_at,
    timeline: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      actorType: e.actor_type,
      actorId: e.actor_id,
      actorName: e.actor_id ? (e.actor_name ?? "Unknown user") : null,
      onBehalfOfName: e.on_behalf_of_id ? (e.on_behalf_of_name ?? "Unknown user") : null,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      data: e.data,
      createdAt: e.created_at,
    })),
  };
}

async function departmentNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.department.findMany({
    where: { id: { in: unique } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((d) => [d.id, d.name]));
}

export interface RequestListFilter {
  /** Only this requester's requests; null: every request (the caller may read any). */
  requesterId: string | null;
  status?: RequestStatus;
  type?: RequestType;
  q?: string;
  limit: number;
  /** Continue after this request (newest first: created_at, then id, descending). */
  after: { createdAt: Date; id: string } | null;
}

/** A page of requests for the API, keyset-paged newest first; one more row says whether more follow. */
export async function requestListPage(
  db: Db,
  filter: RequestListFilter,
): Promise<{ items: (OwnRequestRow & { version: number })[]; more: boolean }> {
  const search = filter.q?.trim();
  const number = search?.match(/^(?:FG-)?(\d{1,9})$/i)?.[1];
  const where: Prisma.RequestWhereInput = {
    ...(filter.requesterId ? { requesterId: filter.requesterId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(search
      ? {
          OR: [
            { title: { contains: search, mode: "insensitive" } },
            { description: { contains: search, mode: "insensitive" } },
            ...(number ? [{ number: Number(number) }] : []),
          ],
        }
      : {}),
    ...(filter.after
      ? {
          AND: [
            {
              OR: [
                { createdAt: { lt: filter.after.createdAt } },
                { createdAt: filter.after.createdAt, id: { lt: filter.after.id } },
              ],
            },
          ],
        }
      : {}),
  };
  const rows = await db.request.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
    select: {
      id: true,
      number: true,
      type: true,
      title: true,
      status: true,
      version: true,
      stepRole: true,
      stepDueAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  const more = rows.length > filter.limit;
  return {
    items: rows.slice(0, filter.limit).map((row) => ({ ...row, stepDepartment: null })),
    more,
  };
}
