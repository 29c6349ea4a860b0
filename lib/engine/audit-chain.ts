/**
 * The audit trail's hash chain. Each event of a stream (one per request) carries the SHA-256 of
 * its canonical encoding (RFC 8785 JSON, canonical-json.ts) including the previous event's hash,
 * so changing, removing or reordering any event breaks every link after it.
 */
import { hash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { AuditEntry, JsonValue } from "./lifecycle";

export interface ChainedEvent {
  stream: string;
  seq: number;
  actorType: "USER" | "SYSTEM" | "AI";
  actorId: string | null;
  onBehalfOfId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  data: JsonValue;
  createdAt: Date;
  prevHash: string | null;
}

export interface StoredEvent extends ChainedEvent {
  id: string | bigint | number;
  hash: string;
}

export function hashEvent(event: ChainedEvent): string {
  const encoded = canonicalJson({
    stream: event.stream,
    seq: event.seq,
    actorType: event.actorType,
    actorId: event.actorId,
    onBehalfOfId: event.onBehalfOfId,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    data: event.data,
    createdAt: event.createdAt.toISOString(),
    prevHash: event.prevHash,
  });
  if (encoded === undefined) throw new Error("audit event cannot be encoded");
  return hash("sha256", encoded, "hex");
}

/**
 * Chains a transition's audit entries onto a stream whose last event is `head` (null: a new
 * stream), all stamped `at`. Used by the services (lib/db/audit.ts) and by the engine's tests.
 */
export function chainEvents(
  stream: string,
  head: { seq: number; hash: string } | null,
  entries: readonly AuditEntry[],
  at: Date,
): (ChainedEvent & { hash: string })[] {
  const events: (ChainedEvent & { hash: string })[] = [];
  let prevHash = head?.hash ?? null;
  let seq = head?.seq ?? 0;
  for (const entry of entries) {
    seq += 1;
    const event: ChainedEvent = {
      stream,
      seq,
      actorType: entry.actor.type,
      actorId: entry.actor.type === "USER" ? entry.actor.id : null,
      onBehalfOfId: entry.actor.type === "USER" ? null : entry.actor.onBehalfOf,
      action: entry.action,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      data: entry.data,
      createdAt: at,
      prevHash,
    };
    const hash = hashEvent(event);
    events.push({ ...event, hash });
    prevHash = hash;
  }
  return events;
}

export type ChainVerdict =
  | { ok: true; events: number; head: string | null }
  | {
      ok: false;
      events: number;
      /** The first event whose link is broken. */
      brokenAt: { id: string; seq: number };
      reason: "hash mismatch" | "previous hash mismatch" | "sequence gap";
    };

/** Verifies one stream's events, ordered by seq; reports the first broken link. */
export function verifyChain(events: readonly StoredEvent[]): ChainVerdict {
  let prev: string | null = null;
  let expectedSeq = 1;
  for (const event of events) {
    const at = { id: String(event.id), seq: event.seq };
    if (event.seq !== expectedSeq)
      return { ok: false, events: events.length, brokenAt: at, reason: "sequence gap" };
    if (event.prevHash !== prev)
      return { ok: false, events: events.length, brokenAt: at, reason: "previous hash mismatch" };
    if (hashEvent(event) !== event.hash)
      return { ok: false, events: events.length, brokenAt: at, reason: "hash mismatch" };
    prev = event.hash;
    expectedSeq += 1;
  }
  return { ok: true, events: events.length, head: prev };
}
