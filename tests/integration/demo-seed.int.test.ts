import { describe, expect, it } from "vitest";
import { ensureDefaultWorkflows } from "@/lib/services/seed-workflows";
import { verifyAllAuditTrails } from "@/lib/services/verify-audit-trail";
import { seedDemoData } from "../../prisma/seed";
import { createTestDatabase } from "./database";

describe("the demo data", () => {
  it("seeds users and requests in several states with valid audit chains, once", async () => {
    const t = await createTestDatabase();
    try {
      await ensureDefaultWorkflows(t.db);
      expect(await seedDemoData(t.db)).toEqual({ users: 9, requests: 6 });
      const statuses = (await t.db.request.findMany({ select: { status: true, stepRole: true } }))
        .map((r) => `${r.status}:${r.stepRole ?? "-"}`)
        .sort();
      expect(statuses).toEqual([
        "DRAFT:-",
        "IN_REVIEW:FINANCE",
        "IN_REVIEW:MANAGER",
        "IN_REVIEW:MANAGER",
        "IN_REVIEW:SUPPORT_L2",
        "REJECTED:-",
      ]);
      expect(await verifyAllAuditTrails(t.db)).toMatchObject({ requests: 6, broken: [] });
      // Again: nothing new.
      expect(await seedDemoData(t.db)).toEqual({ users: 9, requests: 0 });
      expect(await t.db.request.count()).toBe(6);
    } finally {
      await t.drop();
    }
  });
});
