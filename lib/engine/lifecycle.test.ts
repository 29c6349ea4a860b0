import { describe, expect, it } from "vitest";
import { type TransitionResult, transition } from "./lifecycle";
import type { Actor, EngineEvent, RequestState } from "./model";
import { actors, draft, ENG, newId, step, T0, user, workflow } from "./test-helpers";

const HOUR = 3_600_000;
const procurement = workflow("PROCUREMENT");
const big = { amount: 14_280, currency: "EUR" };

function attempt(
  state: RequestState,
  event: EngineEvent,
  actor: Actor,
  now = T0,
): TransitionResult {
  return transition({ definition: procurement, state, event, actor, now, newId });
}
function refused(result: TransitionResult) {
  if (result.ok) throw new Error("expected a refusal");
  return result.error;
}
const inReview = () =>
  step(procurement, draft("PROCUREMENT", big), { type: "SUBMIT" }, actors.requester).state;

describe("submit", () => {
  it("moves a draft through SUBMITTED to IN_REVIEW at the first step, with SLA due time", () => {
    const t = step(procurement, draft("PROCUREMENT", big), { type: "SUBMIT" }, actors.requester);
    expect(t.state).toMatchObject({ status: "IN_REVIEW", currentNodeId: "manager", round: 1 });
    expect(t.state.step).toMatchObject({
      role: "MANAGER",
      departmentId: ENG,
      quorum: "any",
      approvals: [],
    });
    expect(t.state.step?.dueAt).toEqual(new Date(T0.getTime() + 24 * HOUR));
    expect(t.audit.map((a) => [a.action, a.fromStatus, a.toStatus])).toEqual([
      ["SUBMITTED", "DRAFT", "SUBMITTED"],
      ["STEP_STARTED", "SUBMITTED", "IN_REVIEW"],
    ]);
    expect(t.audit[1]?.actor).toEqual({ type: "SYSTEM", onBehalfOf: "u-requester" });
    expect(t.visits.map((v) => [v.nodeId, v.outcome])).toEqual([
      ["enrich", "passed"],
      ["route", "passed"],
    ]);
    expect(t.effects).toContainEqual(
      expect.objectContaining({ type: "notify_step", role: "MANAGER", departmentId: ENG }),
    );
  });

  it("refuses missing required fields, naming them", () => {
    expect(
      refused(attempt(draft("PROCUREMENT", { amount: 500 }), { type: "SUBMIT" }, actors.requester)),
    ).toMatchObject({
      code: "MISSING_FIELDS",
      fields: ["currency"],
    });
  });

  it("refuses anyone but the requester, and a second submission", () => {
    expect(
      refused(attempt(draft("PROCUREMENT", big), { type: "SUBMIT" }, actors.managerEng)).code,
    ).toBe("NOT_REQUESTER");
    expect(refused(attempt(inReview(), { type: "SUBMIT" }, actors.requester)).code).toBe(
      "INVALID_STATE",
    );
  });

  it("refuses a MANAGER step for a requester without a department", () => {
    const orphan = draft("PROCUREMENT", big, { departmentId: null });
    expect(refused(attempt(orphan, { type: "SUBMIT" }, actors.requester)).code).toBe(
      "ROUTING_FAILED",
    );
  });
});

describe("update", () => {
  it("changes a draft's fields", () => {
    const t = step(
      procurement,
      draft("PROCUREMENT", {}),
      { type: "UPDATE", fields: big },
      actors.requester,
    );
    expect(t.state.fields).toEqual(big);
    expect(t.audit[0]).toMatchObject({ action: "UPDATED", fromStatus: "DRAFT", toStatus: "DRAFT" });
  });

  it("locks the fields after submission", () => {
    expect(
      refused(
        attempt(
          inReview(),
          { type: "UPDATE", fields: { amount: 1, currency: "EUR" } },
          actors.requester,
        ),
      ).code,
    ).toBe("FIELDS_LOCKED");
  });

  it("refuses invalid fields", () => {
    const error = refused(
      attempt(
        draft("PROCUREMENT", {}),
        { type: "UPDATE", fields: { amount: -5, currency: "euro" } },
        actors.requester,
      ),
    );
    expect(error.code).toBe("MISSING_FIELDS");
    expect(error.fields?.sort()).toEqual(["amount", "currency"]);
  });
});

describe("decisions", () => {
  it("approve moves to the next step; the chain ends APPROVED", () => {
    let state = inReview();
    for (const [approver, next] of [
      [actors.managerEng, "FINANCE"],
      [actors.finance, "DIRECTOR"],
    ] as const) {
      const t = step(procurement, state, { type: "APPROVE" }, approver);
      expect(t.state.step?.role).toBe(next);
      expect(t.visits[0]).toMatchObject({
        id: state.step?.visitId,
        kind: "approval",
        outcome: "approved",
      });
      expect(t.decision).toMatchObject({
        kind: "APPROVE",
        actorId: (approver as { id: string }).id,
      });
      state = t.state;
    }
    const done = step(procurement, state, { type: "APPROVE", comment: "ok" }, actors.director);
    expect(done.state).toMatchObject({ status: "APPROVED", step: null, currentNodeId: "approved" });
    expect(done.audit.map((a) => a.action)).toEqual(["APPROVED", "COMPLETED"]);
  });

  it("reject ends REJECTED with the reason, and needs one", () => {
    expect(
      refused(attempt(inReview(), { type: "REJECT", reason: "  " }, actors.managerEng)).code,
    ).toBe("REASON_REQUIRED");
    const t = step(
      procurement,
      inReview(),
      { type: "REJECT", reason: "Over budget this quarter" },
      actors.managerEng,
    );
    expect(t.state.status).toBe("REJECTED");
    expect(t.audit[0]).toMatchObject({
      action: "REJECTED",
      data: { reason: "Over budget this quarter" },
    });
    expect(t.decision).toMatchObject({ kind: "REJECT", comment: "Over budget this quarter" });
  });

  it("request changes sends it back; resubmission starts round 2 from the start with the new fields", () => {
    expect(
      refused(attempt(inReview(), { type: "REQUEST_CHANGES", comment: "" }, actors.managerEng))
        .code,
    ).toBe("REASON_REQUIRED");
    const back = step(
      procurement,
      inReview(),
      { type: "REQUEST_CHANGES", comment: "Split the order" },
      actors.managerEng,
    );
    expect(back.state).toMatchObject({ status: "CHANGES_REQUESTED", step: null });
    const edited = step(
      procurement,
      back.state,
      { type: "UPDATE", fields: { amount: 900, currency: "EUR" } },
      actors.requester,
    );
    const resubmitted = step(procurement, edited.state, { type: "RESUBMIT" }, actors.requester);
    expect(resubmitted.state).toMatchObject({
      status: "IN_REVIEW",
      round: 2,
      currentNodeId: "manager_only",
    });
    expect(resubmitted.audit[0]).toMatchObject({
      action: "RESUBMITTED",
      fromStatus: "CHANGES_REQUESTED",
      data: { round: 2 },
    });
  });

  it("refuses the wrong role, another department's manager and one's own request", () => {
    const state = inReview();
    expect(refused(attempt(state, { type: "APPROVE" }, actors.finance)).code).toBe("WRONG_ROLE");
    expect(refused(attempt(state, { type: "APPROVE" }, actors.managerOps)).code).toBe(
      "OUT_OF_SCOPE",
    );
    const ownRequest = { ...state, requesterId: "u-manager-eng" };
    expect(refused(attempt(ownRequest, { type: "APPROVE" }, actors.managerEng)).code).toBe(
      "OWN_REQUEST",
    );
    expect(refused(attempt(state, { type: "APPROVE" }, actors.system)).code).toBe("WRONG_ROLE");
  });

  it("refuses decisions when nothing waits", () => {
    expect(
      refused(attempt(draft("PROCUREMENT", big), { type: "APPROVE" }, actors.managerEng)).code,
    ).toBe("INVALID_STATE");
  });
});

describe("quorum", () => {
  const withQuorum = (quorum: "all" | number) => ({
    ...inReview(),
    step: { ...inReview().step!, quorum },
  });
  const second = user("u-manager-eng-2", ["MANAGER"], ENG);

  it("N approvals: the step waits for N distinct approvers", () => {
    const first = step(procurement, withQuorum(2), { type: "APPROVE" }, actors.managerEng);
    expect(first.state.status).toBe("IN_REVIEW");
    expect(first.state.step?.approvals).toEqual(["u-manager-eng"]);
    expect(first.visits).toEqual([]); // the step stays open, not yet in the run log
    expect(refused(attempt(first.state, { type: "APPROVE" }, actors.managerEng)).code).toBe(
      "ALREADY_DECIDED",
    );
    const done = step(procurement, first.state, { type: "APPROVE" }, second);
    expect(done.state.step?.role).toBe("FINANCE");
  });

  it("all: needs every eligible approver, and refuses without the count", () => {
    expect(refused(attempt(withQuorum("all"), { type: "APPROVE" }, actors.managerEng)).code).toBe(
      "QUORUM_UNKNOWN",
    );
    const first = step(
      procurement,
      withQuorum("all"),
      { type: "APPROVE", eligibleApprovers: 2 },
      actors.managerEng,
    );
    expect(first.state.step?.role).toBe("MANAGER");
    const done = step(procurement, first.state, { type: "APPROVE", eligibleApprovers: 2 }, second);
    expect(done.state.step?.role).toBe("FINANCE");
  });

  it("a single rejection ends a quorum step", () => {
    const first = step(procurement, withQuorum(2), { type: "APPROVE" }, actors.managerEng);
    expect(
      step(procurement, first.state, { type: "REJECT", reason: "No." + " Not now." }, second).state
        .status,
    ).toBe("REJECTED");
  });
});

describe("escalation", () => {
  it("by hand: reassigns to the escalation role with a fresh due time; a decision there continues", () => {
    const later = new Date(T0.getTime() + 5 * HOUR);
    const t = step(
      procurement,
      inReview(),
      { type: "ESCALATE", reason: "I am on leave" },
      actors.managerEng,
      later,
    );
    expect(t.state.status).toBe("ESCALATED");
    expect(t.state.step).toMatchObject({
      role: "DIRECTOR",
      departmentId: null,
      escalatedAt: later,
    });
    expect(t.state.step?.dueAt).toEqual(new Date(later.getTime() + 24 * HOUR));
    expect(
      refused(
        attempt(t.state, { type: "ESCALATE", reason: "again please" }, actors.director, later),
      ).code,
    ).toBe("ALREADY_ESCALATED");
    expect(refused(attempt(t.state, { type: "APPROVE" }, actors.managerEng, later)).code).toBe(
      "WRONG_ROLE",
    );
    const next = step(procurement, t.state, { type: "APPROVE" }, actors.director, later);
    expect(next.state).toMatchObject({ status: "IN_REVIEW", currentNodeId: "finance" });
  });

  it("needs a reason", () => {
    expect(
      refused(attempt(inReview(), { type: "ESCALATE", reason: "" }, actors.managerEng)).code,
    ).toBe("REASON_REQUIRED");
  });

  it("by SLA: only the system, only once due, only once", () => {
    const state = inReview();
    const due = state.step!.dueAt;
    expect(
      refused(attempt(state, { type: "SLA_BREACH" }, actors.system, new Date(due.getTime() - 1)))
        .code,
    ).toBe("NOT_OVERDUE");
    expect(refused(attempt(state, { type: "SLA_BREACH" }, actors.managerEng, due)).code).toBe(
      "WRONG_ROLE",
    );
    const t = step(procurement, state, { type: "SLA_BREACH" }, actors.system, due);
    expect(t.state).toMatchObject({ status: "ESCALATED", step: { role: "DIRECTOR" } });
    expect(t.audit[0]).toMatchObject({
      action: "SLA_ESCALATED",
      actor: { type: "SYSTEM", onBehalfOf: null },
    });
    expect(refused(attempt(t.state, { type: "SLA_BREACH" }, actors.system, due)).code).toBe(
      "ALREADY_ESCALATED",
    );
  });
});

describe("cancel and terminal states", () => {
  it("the requester can withdraw before a final decision, closing the open step", () => {
    const t = step(
      procurement,
      inReview(),
      { type: "CANCEL", reason: "No longer needed" },
      actors.requester,
    );
    expect(t.state.status).toBe("CANCELLED");
    expect(t.visits).toEqual([
      expect.objectContaining({ nodeId: "manager", kind: "approval", outcome: "cancelled" }),
    ]);
    expect(refused(attempt(inReview(), { type: "CANCEL" }, actors.managerEng)).code).toBe(
      "NOT_REQUESTER",
    );
  });

  it.each(["APPROVED", "REJECTED", "CANCELLED"] as const)("%s accepts nothing", (status) => {
    const closed = { ...inReview(), status, step: null };
    const events: [EngineEvent, Actor][] = [
      [{ type: "APPROVE" }, actors.managerEng],
      [{ type: "CANCEL" }, actors.requester],
      [{ type: "UPDATE", fields: big }, actors.requester],
      [{ type: "RESUBMIT" }, actors.requester],
      [{ type: "SLA_BREACH" }, actors.system],
    ];
    for (const [event, actor] of events)
      expect(refused(attempt(closed, event, actor)).code).toBe("TERMINAL_STATE");
  });
});

describe("loops", () => {
  it("fails clearly when a node is entered more often than its visit limit", () => {
    const looping = workflow("PROCUREMENT");
    const limited = {
      ...looping,
      nodes: looping.nodes.map((n) => (n.id === "manager" ? { ...n, maxVisits: 1 } : n)),
    };
    let state = step(
      limited,
      draft("PROCUREMENT", big),
      { type: "SUBMIT" },
      actors.requester,
    ).state;
    state = step(
      limited,
      state,
      { type: "REQUEST_CHANGES", comment: "again" },
      actors.managerEng,
    ).state;
    const result = transition({
      definition: limited,
      state,
      event: { type: "RESUBMIT" },
      actor: actors.requester,
      now: T0,
      newId,
    });
    expect(refused(result)).toMatchObject({ code: "VISIT_LIMIT", nodeId: "manager" });
  });
});

describe("deciding on behalf of someone (delegation)", () => {
  const delegate = user("u-delegate", ["REQUESTER"], "dept-ops");
  const onBehalf = (principal: Actor, who: Actor = delegate): Actor => {
    if (who.kind !== "user" || principal.kind !== "user") throw new Error("people only");
    return {
      ...who,
      onBehalfOf: {
        id: principal.id,
        roles: principal.roles,
        departmentId: principal.departmentId,
      },
    };
  };

  it("decides with the principal's roles, counts as their approval, and records both", () => {
    const t = step(procurement, inReview(), { type: "APPROVE" }, onBehalf(actors.managerEng));
    expect(t.audit[0]).toMatchObject({
      action: "APPROVED",
      actor: { type: "USER", id: "u-delegate", onBehalfOf: "u-manager-eng" },
    });
    expect(t.decision).toMatchObject({ kind: "APPROVE", actorId: "u-delegate" });
    // Without the delegation the same person may not decide this step.
    expect(refused(attempt(inReview(), { type: "APPROVE" }, delegate))).toMatchObject({
      code: "WRONG_ROLE",
    });
  });

  it("refuses a delegate deciding for the requester, or on their own request", () => {
    expect(
      refused(
        attempt(inReview(), { type: "APPROVE" }, onBehalf(actors.managerEng, actors.requester)),
      ),
    ).toMatchObject({ code: "OWN_REQUEST" });
    const requesterAsManager = user("u-requester", ["REQUESTER", "MANAGER"], ENG);
    expect(
      refused(attempt(inReview(), { type: "APPROVE" }, onBehalf(requesterAsManager))),
    ).toMatchObject({ code: "OWN_REQUEST" });
  });
});
