import { describe, expect, it } from "vitest";
import {
  chainProgress,
  describeCurrentStep,
  type ProgressEntry,
  plannedChain,
  type StepProgress,
} from "./chain";
import type { Actor, EngineEvent } from "./model";
import { actors, approveAll, draft, step, T0, workflow } from "./test-helpers";

describe("default routes, approved at every step", () => {
  it.each([
    [0, ["MANAGER"]],
    [9_999.99, ["MANAGER"]],
    [10_000, ["MANAGER"]],
    [10_000.01, ["MANAGER", "FINANCE", "DIRECTOR"]],
    [14_280, ["MANAGER", "FINANCE", "DIRECTOR"]],
  ])("PROCUREMENT of %s goes to %j", (amount, roles) => {
    const { roles: asked, final } = approveAll("PROCUREMENT", { amount, currency: "EUR" });
    expect(asked).toEqual(roles);
    expect(final.state.status).toBe("APPROVED");
  });

  it.each([
    [1, ["MANAGER"]],
    [3, ["MANAGER"]],
    [3.5, ["MANAGER", "HR"]],
    [4, ["MANAGER", "HR"]],
    [20, ["MANAGER", "HR"]],
  ])("LEAVE of %s days goes to %j", (days, roles) => {
    expect(approveAll("LEAVE", { days }).roles).toEqual(roles);
  });

  it.each([
    [1, ["SUPPORT_L2"]],
    [3, ["SUPPORT_L2"]],
    [4, ["SUPPORT_L2", "MANAGER"]],
    [5, ["SUPPORT_L2", "MANAGER"]],
  ])("SUPPORT of severity %s goes to %j", (severity, roles) => {
    expect(approveAll("SUPPORT", { severity }).roles).toEqual(roles);
  });

  it("GENERAL goes to MANAGER, then queues the approved action exactly once", () => {
    const definition = workflow("GENERAL");
    const action = {
      tool: "send_email" as const,
      params: { to: "it@example.com", subject: "New laptop" },
    };
    const submitted = step(
      definition,
      draft("GENERAL", {}, { action }),
      { type: "SUBMIT" },
      actors.requester,
    );
    expect(submitted.state.step?.role).toBe("MANAGER");
    expect(submitted.effects.filter((e) => e.type === "run_action")).toEqual([]);

    const approved = step(definition, submitted.state, { type: "APPROVE" }, actors.managerEng);
    expect(approved.state.status).toBe("APPROVED");
    expect(approved.effects.filter((e) => e.type === "run_action")).toEqual([
      expect.objectContaining({ type: "run_action", nodeId: "action", action }),
    ]);
    expect(approved.audit.map((a) => a.action)).toEqual(["APPROVED", "ACTION_QUEUED", "COMPLETED"]);
  });

  it("GENERAL without an action is approved with the tool step skipped", () => {
    const { final } = approveAll("GENERAL", {});
    expect(final.state.status).toBe("APPROVED");
    expect(final.effects.some((e) => e.type === "run_action")).toBe(false);
    expect(final.visits.find((v) => v.nodeId === "action")?.outcome).toBe("skipped: no action");
  });
});

describe("planned chain", () => {
  it("shows step 2 of 3: FINANCE after the manager approved a large purchase", () => {
    const definition = workflow("PROCUREMENT");
    const submitted = step(
      definition,
      draft("PROCUREMENT", { amount: 14_280, currency: "EUR" }),
      { type: "SUBMIT" },
      actors.requester,
    );
    const atFinance = step(definition, submitted.state, { type: "APPROVE" }, actors.managerEng);
    const chain = plannedChain(definition, atFinance.state);
    expect(chain.steps.map((s) => [s.role, s.state])).toEqual([
      ["MANAGER", "done"],
      ["FINANCE", "current"],
      ["DIRECTOR", "upcoming"],
    ]);
    expect(describeCurrentStep(chain)).toBe("step 2 of 3: FINANCE");
  });

  it("plans a draft's chain from its fields and says when it cannot", () => {
    const definition = workflow("LEAVE");
    expect(plannedChain(definition, draft("LEAVE", { days: 5 })).steps.map((s) => s.role)).toEqual([
      "MANAGER",
      "HR",
    ]);
    const unknown = plannedChain(definition, draft("LEAVE", {}));
    expect(unknown.steps).toEqual([]);
    expect(unknown.problem).toContain("days");
  });
});

describe("chain progress", () => {
  const procurement = workflow("PROCUREMENT");
  const T = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
  /** Runs `events` from a fresh EUR 14,280 purchase and keeps the audit entries as the page reads them. */
  function run(events: [EngineEvent, Actor][]) {
    let state = draft("PROCUREMENT", { amount: 14_280, currency: "EUR" });
    const timeline: ProgressEntry[] = [];
    events.forEach(([event, actor], i) => {
      const t = step(procurement, state, event, actor, T(i));
      state = t.state;
      for (const entry of t.audit) {
        timeline.push({
          action: entry.action,
          data: entry.data,
          actorLabel: actor.kind === "user" ? actor.id : "Flowgate workflow",
          createdAt: T(i),
        });
      }
    });
    return chainProgress(plannedChain(procurement, state), state.status, timeline);
  }
  const brief = (steps: StepProgress[]) => steps.map((s) => [s.role, s.outcome, s.by]);

  it("plans a draft's steps with their SLA, all still to come", () => {
    const steps = run([]);
    expect(brief(steps)).toEqual([
      ["MANAGER", "upcoming", null],
      ["FINANCE", "upcoming", null],
      ["DIRECTOR", "upcoming", null],
    ]);
    expect(steps.every((s) => s.slaHours > 0)).toBe(true);
  });

  it("says who approved, who waits and what comes next", () => {
    const steps = run([
      [{ type: "SUBMIT" }, actors.requester],
      [{ type: "APPROVE" }, actors.managerEng],
    ]);
    expect(brief(steps)).toEqual([
      ["MANAGER", "approved", "u-manager-eng"],
      ["FINANCE", "waiting", null],
      ["DIRECTOR", "upcoming", null],
    ]);
    expect(steps[0]?.at).toEqual(T(1));
  });

  it("marks a rejection at its step and the rest as never reached (not 'next')", () => {
    const steps = run([
      [{ type: "SUBMIT" }, actors.requester],
      [{ type: "REJECT", reason: "Over budget" }, actors.managerEng],
    ]);
    expect(brief(steps)).toEqual([
      ["MANAGER", "rejected", "u-manager-eng"],
      ["FINANCE", "not_reached", null],
      ["DIRECTOR", "not_reached", null],
    ]);
  });

  it("marks a request sent back for changes at the step that sent it back", () => {
    const steps = run([
      [{ type: "SUBMIT" }, actors.requester],
      [{ type: "APPROVE" }, actors.managerEng],
      [{ type: "REQUEST_CHANGES", comment: "Split the order" }, actors.finance],
    ]);
    expect(brief(steps)).toEqual([
      ["MANAGER", "approved", "u-manager-eng"],
      ["FINANCE", "sent_back", "u-finance"],
      ["DIRECTOR", "not_reached", null],
    ]);
  });

  it("starts over after a resubmission: only the new round's decisions count", () => {
    const steps = run([
      [{ type: "SUBMIT" }, actors.requester],
      [{ type: "REQUEST_CHANGES", comment: "Split the order" }, actors.managerEng],
      [{ type: "RESUBMIT" }, actors.requester],
    ]);
    expect(brief(steps)).toEqual([
      ["MANAGER", "waiting", null],
      ["FINANCE", "upcoming", null],
      ["DIRECTOR", "upcoming", null],
    ]);
  });

  it("shows an escalation on the waiting step and every approver once approved", () => {
    const escalated = run([
      [{ type: "SUBMIT" }, actors.requester],
      [{ type: "ESCALATE", reason: "Away this week" }, actors.managerEng],
    ]);
    expect(escalated[0]).toMatchObject({ outcome: "waiting", escalatedTo: "DIRECTOR" });
    const approved = run([
      [{ type: "SUBMIT" }, actors.requester],
      [{ type: "APPROVE" }, actors.managerEng],
      [{ type: "APPROVE" }, actors.finance],
      [{ type: "APPROVE" }, actors.director],
    ]);
    expect(brief(approved)).toEqual([
      ["MANAGER", "approved", "u-manager-eng"],
      ["FINANCE", "approved", "u-finance"],
      ["DIRECTOR", "approved", "u-director"],
    ]);
  });
});
