import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";
import { can, permissionsOf, ROLE_PERMISSIONS } from "./permissions";
import { ROLES } from "./roles";

describe("role → permission table", () => {
  it("lets every role request and follow its own requests", () => {
    for (const role of ROLES) {
      expect(can({ roles: [role] }, "request:create")).toBe(true);
      expect(can({ roles: [role] }, "request:read-own")).toBe(true);
    }
  });

  it("gives the inbox and decisions to approver roles only", () => {
    const approvers = ROLES.filter((role) => can({ roles: [role] }, "request:decide"));
    expect(approvers.sort()).toEqual(["DIRECTOR", "FINANCE", "HR", "MANAGER", "SUPPORT_L2"]);
    expect(can({ roles: ["REQUESTER"] }, "inbox:read")).toBe(false);
    expect(can({ roles: ["ADMIN"] }, "request:decide")).toBe(false);
  });

  it("keeps administration to ADMIN and the audit trail to ADMIN and AUDITOR", () => {
    for (const role of ROLES.filter((r) => r !== "ADMIN")) {
      expect(can({ roles: [role] }, "user:manage")).toBe(false);
      expect(can({ roles: [role] }, "jobs:manage")).toBe(false);
      expect(can({ roles: [role] }, "workflow:manage")).toBe(false);
    }
    const readers = ROLES.filter((role) => can({ roles: [role] }, "audit:read"));
    expect(readers.sort()).toEqual(["ADMIN", "AUDITOR"]);
    expect(can({ roles: ["ADMIN"] }, "user:manage")).toBe(true);
  });

  it("lets an auditor read everything and decide nothing", () => {
    const auditor = { roles: ["AUDITOR"] as const };
    expect(can(auditor, "request:read-any")).toBe(true);
    expect(can(auditor, "system:read")).toBe(true);
    expect(can(auditor, "request:decide")).toBe(false);
    expect(can(auditor, "inbox:read")).toBe(false);
  });

  it("unions the permissions of several roles", () => {
    const both = permissionsOf(["MANAGER", "ADMIN"]);
    expect(both.has("request:decide")).toBe(true);
    expect(both.has("user:manage")).toBe(true);
    expect(both.size).toBe(new Set([...ROLE_PERMISSIONS.MANAGER, ...ROLE_PERMISSIONS.ADMIN]).size);
  });

  it("denies everything to no session", () => {
    expect(can(null, "request:create")).toBe(false);
    expect(can({ roles: [] }, "request:create")).toBe(false);
  });
});

describe("navigation", () => {
  const labels = (roles: Parameters<typeof navigationFor>[0]["roles"]) =>
    navigationFor({ roles }).map((item) => item.label);

  it("shows a requester their own pages only", () => {
    expect(labels(["REQUESTER"])).toEqual(["Home", "New request", "My requests", "Runs"]);
  });

  it("adds the inbox for approvers", () => {
    expect(labels(["REQUESTER", "FINANCE"])).toEqual([
      "Home",
      "New request",
      "My requests",
      "Inbox",
      "Runs",
    ]);
  });

  it("adds administration for admins", () => {
    expect(labels(["REQUESTER", "ADMIN"])).toEqual([
      "Home",
      "New request",
      "My requests",
      "Runs",
      "Users",
      "Audit",
      "Integrations",
      "System",
    ]);
  });

  it("shows an auditor the audit trail and the system, not users", () => {
    expect(labels(["AUDITOR"])).toEqual([
      "Home",
      "New request",
      "My requests",
      "Runs",
      "Audit",
      "System",
    ]);
  });
});
