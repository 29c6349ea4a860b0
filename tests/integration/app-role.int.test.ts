/**
 * The app's database role owns nothing: it does everything the app does, and none of what an
 * attacker with its credentials would need to erase tracks (change or remove audit events,
 * decisions, node visits; disable triggers; alter tables; rewrite the migration history).
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantAppRole, urlAs } from "@/lib/db/app-role";
import { createDb } from "@/lib/db/client";
import { cancelRequest } from "@/lib/services/cancel-request";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { submitRequest } from "@/lib/services/submit-request";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { setupWorld } from "./world";

const ctx = setupWorld();
const role = `app_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const password = randomUUID();
let app: PrismaClient;

beforeAll(async () => {
  await grantAppRole(ctx.t.url, role, { createWithPassword: password });
  // Granting again (the launcher does, after each migration) changes nothing and fails nothing.
  await grantAppRole(ctx.t.url, role, { createWithPassword: password });
  app = createDb(urlAs(ctx.t.url, role, password), { max: 4 });
});

afterAll(async () => {
  await app?.$disconnect();
  await ctx.t.db.$executeRawUnsafe(`DROP OWNED BY "${role}"`);
  await ctx.t.db.$executeRawUnsafe(`DROP ROLE IF EXISTS "${role}"`);
});

describe("the app's role", () => {
  it("runs a request's whole life", async () => {
    const draft = await createDraft(app, ctx.w.requester, {
      type: "PROCUREMENT",
      title: "Standing desk",
      description: "One standing desk for Berlin, EUR 900",
      fields: { amount: 900, currency: "EUR" },
    });
    await submitRequest(app, ctx.w.requester, draft.id);
    await decideStep(app, ctx.w.managerEng, draft.id, { decision: "approve" });
    const other = await createDraft(app, ctx.w.requester, {
      type: "GENERAL",
      title: "A plant",
      description: "A plant for the office",
      fields: {},
    });
    await cancelRequest(app, ctx.w.requester, other.id);
    expect(await verifyRequestAuditTrail(app, draft.id)).toMatchObject({ ok: true });
  });

  it.each([
    ["ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete", /must be owner/],
    ["ALTER TABLE requests DISABLE TRIGGER ALL", /must be owner/],
    ["DROP TABLE decisions", /must be owner/],
    ["UPDATE audit_events SET data = '{}'", /permission denied/],
    ["DELETE FROM audit_events", /permission denied/],
    ["TRUNCATE audit_events", /permission denied/],
    ["UPDATE decisions SET comment = 'x'", /permission denied/],
    ["DELETE FROM node_visits", /permission denied/],
    ["DELETE FROM _prisma_migrations", /permission denied/],
    ["CREATE TABLE evil (id int)", /permission denied/],
  ])("cannot %s", async (statement, error) => {
    await expect(app.$executeRawUnsafe(statement)).rejects.toThrow(error);
  });

  it("is refused when it owns the database", async () => {
    const owner = new URL(ctx.t.url).username;
    await expect(grantAppRole(ctx.t.url, owner)).rejects.toThrow(/owns the database/);
  });
});
