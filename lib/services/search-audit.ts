/**
 * The audit explorer (permission `audit:read`): the URL's filters checked, the actor's email
 * resolved, one page of events read. Refusals name the field at fault; nothing runs on them.
 */
import { can } from "@/lib/auth/permissions";
import {
  type AuditCursor,
  type AuditEventRow,
  type AuditFilters,
  auditEventAt,
  searchAuditEvents,
} from "@/lib/db/audit-search";
import type { Db } from "@/lib/db/client";
import { AppError, type FieldIssue } from "@/lib/errors";
import { decodeCursor, parseAuditQuery } from "@/lib/forms/audit-filters";
import type { ServiceActor } from "./actor";

export type AuditSearch =
  | { ok: true; events: AuditEventRow[]; next: AuditCursor | null; filters: AuditFilters }
  | { ok: false; issues: FieldIssue[] };

function requireAuditor(actor: ServiceActor) {
  if (!can(actor, "audit:read")) throw new AppError("FORBIDDEN", "Your roles do not allow this.");
}

/** The filters of a query, or the fields at fault. */
export async function auditFiltersOf(
  db: Db,
  values: Record<string, string | undefined>,
): Promise<
  | { ok: true; filters: AuditFilters; cursor: AuditCursor | null }
  | { ok: false; issues: FieldIssue[] }
> {
  const parsed = parseAuditQuery(values);
  if (!parsed.ok) return parsed;
  const { query } = parsed;
  const issues: FieldIssue[] = [];
  let actorId: string | undefined;
  if (query.actor) {
    const user = await db.user.findUnique({
      where: { email: query.actor.toLowerCase() },
      select: { id: true },
    });
    if (user) actorId = user.id;
    else issues.push({ field: "actor", message: "Nobody has this email address." });
  }
  let cursor: AuditCursor | null = null;
  if (query.after) {
    cursor = decodeCursor(query.after);
    if (!cursor)
      issues.push({ field: "after", message: "This page link is damaged: start again." });
  }
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    cursor,
    filters: {
      from: parsed.from,
      to: parsed.to,
      actorId,
      action: query.action,
      type: query.type,
      status: query.status,
      departmentId: query.department,
      number: query.number,
      userId: query.user,
      text: query.q,
    },
  };
}

export async function searchAudit(
  db: Db,
  actor: ServiceActor,
  values: Record<string, string | undefined>,
  limit = 50,
): Promise<AuditSearch> {
  requireAuditor(actor);
  const resolved = await auditFiltersOf(db, values);
  if (!resolved.ok) return resolved;
  const page = await searchAuditEvents(db, resolved.filters, resolved.cursor, limit);
  return { ok: true, ...page, filters: resolved.filters };
}

export async function auditEvent(db: Db, actor: ServiceActor, stream: string, seq: number) {
  requireAuditor(actor);
  if (!/^[a-z]+:[0-9a-f-]{36}$/.test(stream) || !Number.isInteger(seq) || seq < 1) return null;
  return auditEventAt(db, stream, seq);
}
