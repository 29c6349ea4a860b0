import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/engine/audit-events";
import { describeEvent } from "./describe";

describe("describeEvent", () => {
  it("reads each action's typed data", () => {
    expect(
      describeEvent("SLA_ESCALATED", {
        nodeId: "finance",
        fromRole: "FINANCE",
        toRole: "DIRECTOR",
        reason: "No decision within the SLA.",
        dueAt: "2026-11-22T09:00:00.000Z",
      }),
    ).toEqual({
      verb: "escalated (SLA overdue)",
      detail: "Finance → Director: No decision within the SLA.",
      problem: null,
    });
    expect(
      describeEvent(
        "USER_UPDATED",
        {
          roles: { from: ["REQUESTER"], to: ["REQUESTER", "FINANCE"] },
          departmentId: { from: null, to: "d1" },
        },
        (id) => (id === "d1" ? "Finance" : id),
      ).detail,
    ).toBe("roles Requester → Requester, Finance; department none → Finance");
  });

  it("says what is wrong with data that is not its action's shape, and names unknown actions", () => {
    expect(describeEvent("REJECTED", { nodeId: "m", role: "MANAGER" })).toMatchObject({
      verb: "rejected",
      detail: null,
      problem: expect.stringContaining("reason"),
    });
    expect(
      describeEvent("APPROVED", { nodeId: "m", role: "KING", approvals: 1, needed: 1 }).problem,
    ).toContain("role");
    expect(describeEvent("DELETED_EVERYTHING", {}).problem).toBe(
      "unknown action DELETED_EVERYTHING",
    );
  });

  it("has a verb for every action", () => {
    for (const action of AUDIT_ACTIONS) {
      expect(describeEvent(action, {}).verb).not.toBe("");
    }
  });
});
