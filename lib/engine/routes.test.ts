import { describe, expect, it } from "vitest";
import { describeCurrentStep, plannedChain } from "./chain";
import { actors, approveAll, draft, step, workflow } from "./test-helpers";

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
