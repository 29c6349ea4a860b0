/**
 * Exporting the audit trail (permission `audit:read`): the explorer's filtered events, oldest
 * first, streamed as CSV or JSON Lines a page at a time (memory bounded by the page, plus one
 * head per chain for the manifest), hashed as they go. When the last byte is out, the export's
 * row gets its manifest (lib/audit/export-format.ts): SHA-256, event count, the last event of each
 * chain, signed with the audit signing key when there is one. A download cut off is kept as
 * ABORTED: who exported what is recorded either way.
 */
import { createHash, randomUUID } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { checkpointSettings } from "@/lib/audit/checkpoints";
import {
  csvRecord,
  EXPORT_COLUMNS,
  type ExportedEvent,
  type Manifest,
  signManifest,
} from "@/lib/audit/export-format";
import { can } from "@/lib/auth/permissions";
import { type AuditCursor, type AuditEventRow, searchAuditEvents } from "@/lib/db/audit-search";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { log } from "@/lib/log";
import type { ServiceActor } from "./actor";
import { auditFiltersOf } from "./search-audit";

/** Events per database read while exporting. */
const PAGE = 2_000;

export interface AuditExportStream {
  id: string;
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

export async function exportAudit(
  db: Db,
  actor: ServiceActor & { email: string },
  values: Record<string, string | undefined>,
  format: string | undefined,
  now = new Date(),
  pageSize = PAGE,
): Promise<AuditExportStream> {
  if (!can(actor, "audit:read")) throw new AppError("FORBIDDEN", "Your roles do not allow this.");
  if (format !== "csv" && format !== "jsonl") {
    throw new AppError("VALIDATION_FAILED", "Choose the export's format.", [
      { field: "format", message: "The format is csv or jsonl." },
    ]);
  }
  const { after: _after, ...query } = values;
  const resolved = await auditFiltersOf(db, query);
  if (!resolved.ok) {
    throw new AppError("VALIDATION_FAILED", "The filters are not valid.", resolved.issues);
  }
  // A snapshot up to now: events written while the export runs belong to the next one.
  const to = resolved.filters.to && resolved.filters.to < now ? resolved.filters.to : now;
  const filters = { ...resolved.filters, to };
  const id = randomUUID();
  const filename = `flowgate-audit-${now.toISOString().slice(0, 10)}-${id.slice(0, 8)}.${format}`;
  const signing = await checkpointSettings().catch((error) => {
    log.error({ err: error }, "audit signing key unusable: the export's manifest is not signed");
    return null;
  });
  const filterText = Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  await db.auditExport.create({
    data: {
      id,
      requestedBy: actor.id,
      format,
      filters: filterText,
      startedAt: now,
      status: "RUNNING",
    },
  });

  const sha = createHash("sha256");
  const heads = new Map<string, [number, string]>();
  let cursor: AuditCursor | null = null;
  let first = true;
  let count = 0;
  let done = false;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const page = await searchAuditEvents(db, filters, cursor, pageSize, "asc");
        const events = page.events.map(exported);
        let text = "";
        if (format === "csv") {
          text = stringify(events.map(csvRecord), {
            header: first,
            columns: [...EXPORT_COLUMNS],
            cast: { number: (value) => String(value) },
          });
        } else {
          for (const event of events) text += `${JSON.stringify(event)}\n`;
        }
        first = false;
        for (const event of events) heads.set(event.stream, [event.seq, event.hash]);
        count += events.length;
        if (text) {
          const bytes = encoder.encode(text);
          sha.update(bytes);
          controller.enqueue(bytes);
        }
        cursor = page.next;
        if (!cursor) {
          done = true;
          const manifest: Manifest = signManifest(
            {
              v: 1,
              exportId: id,
              format,
              file: filename,
              exportedAt: now.toISOString(),
              exportedBy: actor.email,
              filters: filterText,
              events: count,
              sha256: sha.digest("hex"),
              heads: [...heads.entries()]
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([stream, [seq, hash]]) => [stream, seq, hash]),
            },
            signing,
          );
          await db.auditExport.update({
            where: { id },
            data: {
              status: "DONE",
              finishedAt: new Date(),
              eventCount: BigInt(count),
              sha256: manifest.sha256,
              manifest: manifest as object,
            },
          });
          controller.close();
        }
      } catch (error) {
        log.error({ err: error, exportId: id }, "audit export failed");
        await markAborted(db, id, count);
        controller.error(error);
      }
    },
    async cancel() {
      if (!done) await markAborted(db, id, count);
    },
  });
  return {
    id,
    filename,
    contentType:
      format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    body,
  };
}

async function markAborted(db: Db, id: string, count: number) {
  await db.auditExport
    .update({
      where: { id },
      data: { status: "ABORTED", finishedAt: new Date(), eventCount: BigInt(count) },
    })
    .catch((error) => log.error({ err: error, exportId: id }, "could not mark the export aborted"));
}

function exported(event: AuditEventRow): ExportedEvent {
  return {
    stream: event.stream,
    seq: event.seq,
    created_at: event.createdAt.toISOString(),
    actor_type: event.actorType,
    actor_id: event.actorId,
    actor_name: event.actorName,
    on_behalf_of_id: event.onBehalfOfId,
    action: event.action,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    request_number: event.number,
    data: event.data,
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}

export interface ExportView {
  id: string;
  format: string;
  startedAt: Date;
  status: string;
  eventCount: number;
  sha256: string | null;
  by: string;
  filters: Record<string, string>;
}

export async function recentExports(db: Db, limit = 10): Promise<ExportView[]> {
  const rows = await db.auditExport.findMany({
    orderBy: { startedAt: "desc" },
    take: limit,
    include: { requester: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    format: row.format,
    startedAt: row.startedAt,
    status: row.status,
    eventCount: Number(row.eventCount),
    sha256: row.sha256,
    by: row.requester.name,
    filters: row.filters as Record<string, string>,
  }));
}

/** An export's manifest (null while it runs, if it was cut off, or unknown). */
export async function exportManifest(
  db: Db,
  actor: ServiceActor,
  id: string,
): Promise<Manifest | null> {
  if (!can(actor, "audit:read")) throw new AppError("FORBIDDEN", "Your roles do not allow this.");
  if (!isUuid(id)) return null;
  const row = await db.auditExport.findUnique({ where: { id }, select: { manifest: true } });
  return (row?.manifest as Manifest | null) ?? null;
}
