/**
 * Reads for the request pages: a requester's list (filters, search, page) and one request with
 * everything its page shows (names, AI suggestion, timeline). Not on a hot path: plain Prisma.
 */
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { type Enrichment, EnrichmentSchema } from "@/lib/ai/schema";
import type { JsonValue, RequestStatus, RequestType, Role } from "@/lib/engine";
import { REQUEST_STATUSES, RequestTypeSchema } from "@/lib/engine";
import { readStream, requestStream } from "./audit";
import type { Db } from "./client";
import { type LoadedRequest, loadRequest } from "./requests";

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
  confirmedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  completedAt: Date | null;
  stepStartedAt: Date | null;
  timeline: TimelineEntry[];
}

export async function requestDetail(db: Db, id: string): Promise<RequestDetail | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [loaded, row, events] = await Promise.all([
    loadRequest(db, id),
    db.request.findUnique({
      where: { id },
      select: {
        number: true,
        title: true,
        description: true,
        enrichment: true,
        enrichmentError: true,
        confirmedAt: true,
        createdAt: true,
        updatedAt: true,
        submittedAt: true,
        completedAt: true,
        stepStartedAt: true,
        stepDepartmentId: true,
        requester: { select: { id: true, name: true, email: true } },
        department: { select: { name: true } },
      },
    }),
    readStream(db, requestStream(id)),
  ]);
  if (!loaded || !row) return null;
  const people = await userNames(
    db,
    events.flatMap((e) => [e.actorId, e.onBehalfOfId]),
  );
  const departments = await departmentNames(db, [row.stepDepartmentId]);
  // A stored suggestion that no longer parses (an older shape) is shown as none rather than failing the page.
  const enrichment = EnrichmentSchema.safeParse(row.enrichment);
  return {
    loaded,
    number: row.number,
    title: row.title,
    description: row.description,
    requester: row.requester,
    department: row.department?.name ?? null,
    stepDepartment: row.stepDepartmentId ? (departments.get(row.stepDepartmentId) ?? null) : null,
    enrichment: enrichment.success ? enrichment.data : null,
    enrichmentError: row.enrichmentError,
    confirmedAt: row.confirmedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    completedAt: row.completedAt,
    stepStartedAt: row.stepStartedAt,
    timeline: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      actorType: e.actorType,
      actorId: e.actorId,
      actorName: e.actorId ? (people.get(e.actorId) ?? "Unknown user") : null,
      onBehalfOfName: e.onBehalfOfId ? (people.get(e.onBehalfOfId) ?? "Unknown user") : null,
      fromStatus: e.fromStatus as RequestStatus | null,
      toStatus: e.toStatus as RequestStatus | null,
      data: e.data,
      createdAt: e.createdAt,
    })),
  };
}

async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: unique } },
    select: { id: true, name: true },
  });
  return new Map(users.map((u) => [u.id, u.name]));
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
