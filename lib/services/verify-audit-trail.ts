/**
 * Verification of the audit trail. A request's events must form an unbroken hash chain, and the
 * chain must end at the head recorded on the request row (which is written in the same statement
 * as every append): the chain alone cannot show that its last events were cut off. And the
 * request row must be what its events say: its status is the last status an event moved it to,
 * its waiting step (node and role) the last one started or escalated while in review, its type,
 * fields and action those the last event that set them recorded (CREATED, UPDATED). A
 * row changed behind the application's back (status flipped to APPROVED, an amount edited) fails.
 */

import type { CheckpointIndex } from "@/lib/audit/checkpoints";
import { readStream, requestStream } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { peopleStreams } from "@/lib/db/people-audit";
import { type ChainVerdict, type JsonValue, type StoredEvent, verifyChain } from "@/lib/engine";
import { canonicalJson } from "@/lib/engine/canonical-json";

export type RequestAuditVerdict =
  | ChainVerdict
  | {
      ok: false;
      events: number;
      brokenAt: { seq: number };
      reason:
        | "chain ends before the recorded head"
        | "chain runs past the recorded head"
        | `the request's ${StateField} record does not match its events`
        | "the chain no longer holds its checkpointed event";
    };

type StateField = "status" | "type" | "fields" | "action" | "step";

/** What the events say the request row holds now (undefined: no event said). */
export function stateFromEvents(events: readonly StoredEvent[]) {
  const state: Partial<Record<StateField, JsonValue>> = {};
  for (const event of events) {
    // Moves only: events that leave the status as it was (an AI reading, an action's outcome)
    // say nothing about it (and readings recorded before 2026-12 could carry a stale one).
    if (event.toStatus !== null && event.toStatus !== event.fromStatus)
      state.status = event.toStatus;
    const data = event.data;
    const record = data && typeof data === "object" && !Array.isArray(data) ? data : {};
    // The waiting step: started, escalated to another role, gone once the request leaves review.
    if (event.action === "STEP_STARTED") {
      state.step = { nodeId: record.nodeId ?? null, role: record.role ?? null };
    } else if (event.action === "ESCALATED" || event.action === "SLA_ESCALATED") {
      const step = state.step as { nodeId: JsonValue; role: JsonValue } | undefined;
      state.step = { nodeId: step?.nodeId ?? record.nodeId ?? null, role: record.toRole ?? null };
    } else if (
      event.toStatus !== null &&
      event.toStatus !== event.fromStatus &&
      event.toStatus !== "IN_REVIEW" &&
      event.toStatus !== "ESCALATED"
    ) {
      state.step = null;
    }
    if (event.action !== "CREATED" && event.action !== "UPDATED") continue;
    if (!data || typeof data !== "object" || Array.isArray(data)) continue;
    if ("type" in data) state.type = data.type as JsonValue;
    if ("fields" in data) state.fields = data.fields as JsonValue;
    if ("action" in data) state.action = data.action as JsonValue;
    else if (event.action === "CREATED") state.action = null;
  }
  return state;
}

export async function verifyRequestAuditTrail(
  db: Db,
  requestId: string,
  options: { checkpoints?: CheckpointIndex } = {},
): Promise<RequestAuditVerdict> {
  const [events, request] = await Promise.all([
    readStream(db, requestStream(requestId)),
    db.request.findUnique({
      where: { id: requestId },
      select: {
        auditSeq: true,
        auditHash: true,
        status: true,
        type: true,
        fields: true,
        action: true,
        stepNodeId: true,
        stepRole: true,
      },
    }),
  ]);
  const verdict = verifyChain(events);
  if (!verdict.ok || !request) return verdict;
  const last = events.at(-1);
  const lastSeq = last?.seq ?? 0;
  if (lastSeq < request.auditSeq) {
    return {
      ok: false,
      events: events.length,
      brokenAt: { seq: lastSeq + 1 },
      reason: "chain ends before the recorded head",
    };
  }
  if (lastSeq > request.auditSeq || (last && last.hash !== request.auditHash)) {
    return {
      ok: false,
      events: events.length,
      brokenAt: { seq: request.auditSeq + 1 },
      reason: "chain runs past the recorded head",
    };
  }
  // The newest signed checkpoint of this chain (lib/audit/checkpoints.ts): its event must still be
  // there with the same hash; by the chain, so must every event before it.
  const held = checkpointBreak(events, options.checkpoints?.heads.get(requestId));
  if (held) return held;
  const said = stateFromEvents(events);
  const row: Record<StateField, JsonValue> = {
    status: request.status,
    type: request.type,
    fields: request.fields as JsonValue,
    action: (request.action ?? null) as JsonValue,
    step: request.stepNodeId ? { nodeId: request.stepNodeId, role: request.stepRole } : null,
  };
  for (const field of ["status", "type", "fields", "action", "step"] as const) {
    if (said[field] === undefined) continue;
    const stored = row[field];
    if (canonicalJson(stored) !== canonicalJson(said[field])) {
      return {
        ok: false,
        events: events.length,
        brokenAt: { seq: lastSeq },
        reason: `the request's ${field} record does not match its events`,
      };
    }
  }
  return verdict;
}

/** The break when the chain no longer holds its newest checkpointed event (none: null). */
function checkpointBreak(
  events: readonly StoredEvent[],
  checkpoint: { seq: number; hash: string } | undefined,
): RequestAuditVerdict | null {
  if (!checkpoint) return null;
  const event = events.find((e) => e.seq === checkpoint.seq);
  if (event && event.hash === checkpoint.hash) return null;
  return {
    ok: false,
    events: events.length,
    brokenAt: { seq: checkpoint.seq },
    reason: "the chain no longer holds its checkpointed event",
  };
}

export interface AuditReport {
  /** Chains verified: requests' and people's. */
  requests: number;
  events: number;
  /** The first break of each broken chain; `requestId` is null for people's streams. */
  broken: { stream: string; requestId: string | null; seq: number; reason: string }[];
}

/** Verifies every request's trail, in batches of requests; reports each broken chain's first break. */
export async function verifyAllAuditTrails(
  db: Db,
  options: {
    batchSize?: number;
    checkpoints?: CheckpointIndex;
    /** Called after each batch with the report so far (progress). */
    onBatch?: (report: AuditReport) => Promise<void>;
  } = {},
): Promise<AuditReport> {
  const report: AuditReport = { requests: 0, events: 0, broken: [] };
  let after: string | undefined;
  for (;;) {
    const ids = await db.request.findMany({
      select: { id: true },
      orderBy: { id: "asc" },
      take: options.batchSize ?? 200,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    if (ids.length === 0) break;
    for (const { id } of ids) {
      const verdict = await verifyRequestAuditTrail(db, id, { checkpoints: options.checkpoints });
      report.requests += 1;
      report.events += verdict.events;
      if (!verdict.ok) {
        report.broken.push({
          stream: requestStream(id),
          requestId: id,
          seq: verdict.brokenAt.seq,
          reason: verdict.reason,
        });
      }
    }
    await options.onBatch?.(report);
    after = ids.at(-1)?.id;
  }
  // People's and departments' streams: the chain, and its newest signed checkpoint.
  for (const stream of await peopleStreams(db)) {
    const events = await readStream(db, stream);
    let verdict: RequestAuditVerdict = verifyChain(events);
    if (verdict.ok)
      verdict = checkpointBreak(events, options.checkpoints?.heads.get(stream)) ?? verdict;
    report.requests += 1;
    report.events += verdict.events;
    if (!verdict.ok) {
      report.broken.push({
        stream,
        requestId: null,
        seq: verdict.brokenAt.seq,
        reason: verdict.reason,
      });
    }
  }
  await options.onBatch?.(report);
  return report;
}
