import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChainedEvent, chainEvents, hashEvent, verifyChain } from "./audit-chain";
import { AuditShapeError } from "./audit-events";
import type { AuditEntry, JsonValue } from "./lifecycle";

/** The hash as the audit chain defines it, spelled out with the reference RFC 8785 encoder. */
function referenceHash(event: ChainedEvent): string {
  const envelope = {
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
  };
  return createHash("sha256")
    .update(canonicalize(envelope) as string)
    .digest("hex");
}

const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }));
const nullableText = fc.option(text, { nil: null });
const arbitraryEvent: fc.Arbitrary<ChainedEvent> = fc.record({
  stream: text,
  seq: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  actorType: fc.constantFrom("USER" as const, "SYSTEM" as const, "AI" as const),
  actorId: nullableText,
  onBehalfOfId: nullableText,
  action: text,
  fromStatus: nullableText,
  toStatus: nullableText,
  data: fc.jsonValue() as fc.Arbitrary<JsonValue>,
  createdAt: fc.date({
    min: new Date("1970-01-01T00:00:00Z"),
    max: new Date("9999-12-31T23:59:59Z"),
    noInvalidDate: true,
  }),
  prevHash: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: null }),
});

describe("hashEvent", () => {
  it("is the SHA-256 of the event's RFC 8785 encoding, for any event", () => {
    fc.assert(
      fc.property(arbitraryEvent, (event) => {
        expect(hashEvent(event)).toBe(referenceHash(event));
      }),
      { numRuns: 3_000 },
    );
  });

  it("keeps the hashes already stored: a known event hashes to the same value as ever", () => {
    const event: ChainedEvent = {
      stream: "request:0b6f1d52-5f0e-4c43-9d53-2a8d7e6f4a10",
      seq: 3,
      actorType: "SYSTEM",
      actorId: null,
      onBehalfOfId: null,
      action: "SLA_ESCALATED",
      fromStatus: "IN_REVIEW",
      toStatus: "ESCALATED",
      data: {
        nodeId: "manager",
        fromRole: "MANAGER",
        toRole: "DIRECTOR",
        reason: "No decision within the SLA (due 2026-11-21T09:00:00.000Z).",
        dueAt: "2026-11-23T09:00:00.000Z",
        note: "Büro „Nord“ — 12 × chairs",
      },
      createdAt: new Date("2026-11-22T09:00:00.000Z"),
      prevHash: "8ff5c020e6655afedebdb41bf0c6b2961eab226a13442093f68d173ad17ad3b4",
    };
    expect(hashEvent(event)).toBe(
      "1244af24670441e5b682a6ead7f5a526643042fc5c8d8f820b6682344ac8ba6a",
    );
  });

  it("refuses what RFC 8785 cannot encode", () => {
    const event: Omit<ChainedEvent, "action"> = {
      stream: "request:x",
      seq: 1,
      actorType: "SYSTEM" as const,
      actorId: null,
      onBehalfOfId: null,
      data: null,
      fromStatus: null,
      toStatus: null,
      createdAt: new Date("2026-11-22T09:00:00.000Z"),
      prevHash: null,
    };
    expect(() => hashEvent({ ...event, action: "NOTE", data: "\ud800" })).toThrow(/surrogate/);
    expect(() => hashEvent({ ...event, action: "\udfff" })).toThrow(/surrogate/);
    expect(() =>
      hashEvent({ ...event, action: "NOTE", data: { n: Number.POSITIVE_INFINITY } }),
    ).toThrow(/finite/);
  });

  it("refuses to chain an event whose data is not its action's shape", () => {
    const entry = (data: Record<string, JsonValue>) =>
      ({
        action: "REJECTED",
        actor: { type: "USER", id: "u1" },
        fromStatus: "IN_REVIEW",
        toStatus: "REJECTED",
        data,
      }) as unknown as AuditEntry;
    const at = new Date("2026-11-22T09:00:00.000Z");
    expect(() =>
      chainEvents("request:r1", null, [entry({ nodeId: "n", role: "FINANCE" })], at),
    ).toThrow(/REJECTED does not have its shape: reason/);
    expect(() =>
      chainEvents(
        "request:r1",
        null,
        [entry({ nodeId: "n", role: "FINANCE", reason: "no", extra: 1 })],
        at,
      ),
    ).toThrow(AuditShapeError);
    expect(
      chainEvents("request:r1", null, [entry({ nodeId: "n", role: "FINANCE", reason: "no" })], at),
    ).toHaveLength(1);
  });
});

describe("verifyChain", () => {
  it("accepts a chain and reports the first event changed after the fact", () => {
    const at = new Date("2026-11-22T09:00:00.000Z");
    const events = chainEvents(
      "request:r1",
      null,
      [1, 2, 3].map((round) => ({
        action: "SUBMITTED" as const,
        actor: { type: "SYSTEM" as const, onBehalfOf: null },
        fromStatus: null,
        toStatus: null,
        data: { round },
      })),
      at,
    );
    expect(verifyChain(events)).toMatchObject({ ok: true, events: 3 });
    const tampered = events.map((e) => (e.seq === 2 ? { ...e, data: { round: 7 } } : e));
    expect(verifyChain(tampered)).toMatchObject({
      ok: false,
      brokenAt: { seq: 2 },
      reason: "hash mismatch",
    });
  });
});
