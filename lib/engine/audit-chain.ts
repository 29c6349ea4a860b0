/**
 * The audit trail's hash chain. Each event of a stream (one per request) carries the SHA-256 of
 * its canonical encoding (RFC 8785 JSON, canonical-json.ts) including the previous event's hash,
 * so changing, removing or reordering any event breaks every link after it.
 */
import { hash } from "node:crypto";
import { checkEventShape } from "./audit-events";
import { canonicalJson, canonicalString } from "./canonical-json";
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

/** An event as stored: (stream, seq) identifies it. */
export interface StoredEvent extends ChainedEvent {
  hash: string;
}

export function hashEvent(event: ChainedEvent): string {
  return hash("sha256", canonicalEvent(event), "hex");
}

/**
 * The event's RFC 8785 encoding: the same text as canonicalJson over an object of these members,
 * written member by member in their sorted order (no object to build, no keys to sort: hashing is
 * most of the SLA sweep's JavaScript). audit-chain.test.ts checks it against the reference encoder.
 */
export function canonicalEvent(event: ChainedEvent): string {
  const data = canonicalJson(event.data);
  return (
    `{"action":${canonicalString(event.action)}` +
    `,"actorId":${nullable(event.actorId)}` +
    `,"actorType":${canonicalString(event.actorType)}` +
    `,"createdAt":"${isoString(event.createdAt)}"` +
    (data === undefined ? "" : `,"data":${data}`) +
    `,"fromStatus":${nullable(event.fromStatus)}` +
    `,"onBehalfOfId":${nullable(event.onBehalfOfId)}` +
    `,"prevHash":${nullable(event.prevHash)}` +
    `,"seq":${canonicalJson(event.seq)}` +
    `,"stream":${canonicalString(event.stream)}` +
    `,"toStatus":${nullable(event.toStatus)}}`
  );
}

const nullable = (value: string | null) => (value === null ? "null" : canonicalString(value));

// Events are hashed in runs stamped with one time (a transition's, a sweep batch's): format it once.
let lastTime = Number.NaN;
let lastIso = "";
function isoString(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastIso = date.toISOString();
    lastTime = time;
  }
  return lastIso;
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
    checkEventShape(entry.action, entry.data);
    seq += 1;
    const event: ChainedEvent = {
      stream,
      seq,
      actorType: entry.actor.type,
      actorId: entry.actor.type === "USER" ? entry.actor.id : null,
      onBehalfOfId: entry.actor.onBehalfOf ?? null,
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
      /** The first event (of the stream verified) whose link is broken. */
      brokenAt: { seq: number };
      reason: "hash mismatch" | "previous hash mismatch" | "sequence gap";
    };

/** Verifies one stream's events, ordered by seq; reports the first broken link. */
export function verifyChain(events: readonly StoredEvent[]): ChainVerdict {
  let prev: string | null = null;
  let expectedSeq = 1;
  for (const event of events) {
    const at = { seq: event.seq };
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
