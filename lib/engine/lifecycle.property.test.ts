import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chainEvents, type StoredEvent, verifyChain } from "./audit-chain";
import { plannedChain } from "./chain";
import type { RequestFields, RequestType } from "./fields";
import { type AuditEntry, transition } from "./lifecycle";
import {
  type Actor,
  DECIDING_STATUSES,
  type EngineEvent,
  REQUEST_STATUSES,
  type RequestState,
  TERMINAL_STATUSES,
} from "./model";
import { actors, approverFor, draft, newId, T0, user, workflow } from "./test-helpers";

const POOL: Actor[] = [
  actors.requester,
  actors.managerEng,
  actors.managerOps,
  actors.finance,
  actors.director,
  actors.hr,
  actors.support,
  actors.system,
  user("u-manager-eng-2", ["MANAGER", "FINANCE"], "dept-eng"),
];

const fieldsFor: Record<RequestType, fc.Arbitrary<RequestFields>> = {
  PROCUREMENT: fc.record({
    amount: fc.constantFrom(0, 500, 10_000, 10_000.01, 14_280, 99_999),
    currency: fc.constant("EUR"),
  }),
  LEAVE: fc.record({ days: fc.constantFrom(0.5, 1, 3, 3.5, 4, 15) }),
  SUPPORT: fc.record({ severity: fc.constantFrom(1, 2, 3, 4, 5) }),
  GENERAL: fc.constant({}),
};

// Weighted towards progress (submit, approve) so that runs reach every state, APPROVED included.
const eventArb: fc.Arbitrary<EngineEvent> = fc.oneof(
  { arbitrary: fc.constant({ type: "SUBMIT" } as const), weight: 4 },
  { arbitrary: fc.constant({ type: "RESUBMIT" } as const), weight: 2 },
  { arbitrary: fc.constant({ type: "APPROVE" } as const), weight: 10 },
  {
    arbitrary: fc.record({
      type: fc.constant("APPROVE" as const),
      eligibleApprovers: fc.integer({ min: 1, max: 3 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      type: fc.constant("REJECT" as const),
      reason: fc.constantFrom("", "Not in budget"),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      type: fc.constant("REQUEST_CHANGES" as const),
      comment: fc.constantFrom("", "Add a quote"),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      type: fc.constant("ESCALATE" as const),
      reason: fc.constantFrom("x", "Out of office"),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ type: "SLA_BREACH" } as const), weight: 1 },
  { arbitrary: fc.constant({ type: "CANCEL" } as const), weight: 1 },
  {
    arbitrary: fc.record({
      type: fc.constant("UPDATE" as const),
      fields: fc.oneof(
        fieldsFor.PROCUREMENT,
        fieldsFor.LEAVE,
        fieldsFor.SUPPORT,
        fc.constant({ amount: -1 }),
      ),
    }),
    weight: 1,
  },
);

/** "fit": whoever may act now (the requester, the step's approver, the SLA timer); else anyone. */
function resolveActor(choice: number | "fit", event: EngineEvent, state: RequestState): Actor {
  if (choice !== "fit") return POOL[choice % POOL.length] as Actor;
  if (event.type === "SLA_BREACH") return actors.system;
  if (["SUBMIT", "RESUBMIT", "UPDATE", "CANCEL"].includes(event.type)) return actors.requester;
  return state.step ? approverFor[state.step.role] : actors.requester;
}

const scenario = fc
  .record({
    type: fc.constantFrom<RequestType>("PROCUREMENT", "LEAVE", "SUPPORT", "GENERAL"),
    fields: fc.constant(null),
    moves: fc.array(
      fc.record({
        event: eventArb,
        actor: fc.oneof(fc.constant("fit" as const), fc.nat()),
        advanceHours: fc.integer({ min: 0, max: 100 }),
      }),
      { maxLength: 40 },
    ),
  })
  .chain((s) => fieldsFor[s.type].map((fields) => ({ ...s, fields })));

interface Approved {
  round: number;
  nodeId: string;
}

function checkInvariants(state: RequestState) {
  expect(REQUEST_STATUSES).toContain(state.status);
  expect(state.step !== null).toBe(DECIDING_STATUSES.has(state.status));
  if (state.step) {
    expect(state.currentNodeId).toBe(state.step.nodeId);
    expect(state.step.approvals).not.toContain(state.requesterId);
    expect(new Set(state.step.approvals).size).toBe(state.step.approvals.length);
  }
}

function toStored(
  entries: AuditEntry[],
  stream: string,
  head: { seq: number; hash: string } | null,
  now: Date,
): StoredEvent[] {
  return chainEvents(stream, head, entries, now);
}

describe("lifecycle properties (random event sequences)", () => {
  it("never reaches an invalid state, never skips an approval, terminal states stay put", () => {
    const finals: Record<string, number> = {};
    fc.assert(
      fc.property(scenario, ({ type, fields, moves }) => {
        const definition = workflow(type);
        let state = draft(type, fields);
        let now = T0;
        const approvedSteps: Approved[] = [];
        for (const move of moves) {
          now = new Date(now.getTime() + move.advanceHours * 3_600_000);
          const before = state;
          const actor = resolveActor(move.actor, move.event, before);
          const result = transition({ definition, state, event: move.event, actor, now, newId });
          if (TERMINAL_STATUSES.has(before.status)) {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error.code).toBe("TERMINAL_STATE");
            continue;
          }
          if (!result.ok) continue; // refused: the caller keeps `before` unchanged
          const t = result.transition;
          state = t.state;
          checkInvariants(state);
          if (t.decision) {
            expect(actor.kind).toBe("user");
            if (actor.kind === "user") {
              expect(actor.id).not.toBe(before.requesterId);
              expect(actor.roles).toContain(before.step?.role);
            }
          }
          if (
            before.step &&
            t.visits.some((v) => v.id === before.step?.visitId && v.outcome === "approved")
          ) {
            approvedSteps.push({ round: before.round, nodeId: before.step.nodeId });
          }
          if (move.event.type === "RESUBMIT") expect(state.round).toBe(before.round + 1);
          else expect(state.round).toBe(before.round);
          if (state.status === "APPROVED") {
            const chain = plannedChain(definition, state);
            const approvedThisRound = approvedSteps
              .filter((s) => s.round === state.round)
              .map((s) => s.nodeId);
            expect(approvedThisRound).toEqual(chain.steps.map((s) => s.nodeId));
          }
        }
        finals[state.status] = (finals[state.status] ?? 0) + 1;
      }),
      { numRuns: 3_000 },
    );
    // The generator must actually drive requests through every outcome, or the checks above are idle.
    for (const status of [
      "APPROVED",
      "REJECTED",
      "CANCELLED",
      "IN_REVIEW",
      "ESCALATED",
      "CHANGES_REQUESTED",
    ]) {
      expect(
        finals[status] ?? 0,
        `runs ending ${status}: ${JSON.stringify(finals)}`,
      ).toBeGreaterThanOrEqual(10);
    }
  });

  it("always leaves a valid hash chain, and any tampered event is the first one reported", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ type, fields, moves }, pick) => {
        const definition = workflow(type);
        let state = draft(type, fields);
        let now = T0;
        const stream = "request:prop";
        const events: StoredEvent[] = [];
        for (const move of moves) {
          now = new Date(now.getTime() + move.advanceHours * 3_600_000);
          const result = transition({
            definition,
            state,
            event: move.event,
            actor: resolveActor(move.actor, move.event, state),
            now,
            newId,
          });
          if (!result.ok) continue;
          state = result.transition.state;
          const last = events.at(-1);
          const head = last ? { seq: last.seq, hash: last.hash } : null;
          events.push(...toStored(result.transition.audit, stream, head, now));
        }
        expect(verifyChain(events)).toMatchObject({ ok: true, events: events.length });
        if (events.length === 0) return;
        const index = pick % events.length;
        const tampered = events.map((e, i) =>
          i === index ? { ...e, data: { ...(e.data as object), forged: true } } : e,
        );
        expect(verifyChain(tampered)).toMatchObject({
          ok: false,
          brokenAt: { seq: index + 1 },
          reason: "hash mismatch",
        });
        const removed = events.filter((_, i) => i !== index);
        if (index < events.length - 1)
          expect(verifyChain(removed)).toMatchObject({ ok: false, brokenAt: { seq: index + 2 } });
      }),
      { numRuns: 500 },
    );
  });
});
