/** A small company for service tests: departments, one user per role, helpers to act as them. */
import type { PrismaClient, Role } from "@prisma/client";
import { afterAll, beforeAll } from "vitest";
import { aiSettings } from "@/lib/ai/config";
import { AppError } from "@/lib/errors";
import type { ServiceActor } from "@/lib/services/actor";
import { ensureDefaultWorkflows } from "@/lib/services/seed-workflows";
import { createTestDatabase, type TestDatabase } from "./database";

/** The local AI provider, as the app configures it, without retries and with a short timeout. */
export const localAi = aiSettings({
  AI_PROVIDER: "local",
  AI_TIMEOUT_MS: "2000",
  AI_MAX_RETRIES: "0",
});

export interface World {
  eng: string;
  ops: string;
  requester: ServiceActor;
  managerEng: ServiceActor;
  managerOps: ServiceActor;
  finance: ServiceActor;
  director: ServiceActor;
  hr: ServiceActor;
  support: ServiceActor;
}

export async function createUserAs(
  db: PrismaClient,
  email: string,
  roles: Role[],
  departmentId: string | null,
): Promise<ServiceActor> {
  const user = await db.user.create({
    data: { email, name: email.split("@")[0] ?? email, passwordHash: "x", roles, departmentId },
  });
  return { id: user.id, roles: user.roles, department: departmentId ? { id: departmentId } : null };
}

export async function createWorld(db: PrismaClient): Promise<World> {
  await ensureDefaultWorkflows(db);
  const eng = (await db.department.create({ data: { code: "ENG", name: "Engineering" } })).id;
  const ops = (await db.department.create({ data: { code: "OPS", name: "Operations" } })).id;
  return {
    eng,
    ops,
    requester: await createUserAs(db, "requester@w.test", ["REQUESTER"], eng),
    managerEng: await createUserAs(db, "manager.eng@w.test", ["REQUESTER", "MANAGER"], eng),
    managerOps: await createUserAs(db, "manager.ops@w.test", ["REQUESTER", "MANAGER"], ops),
    finance: await createUserAs(db, "finance@w.test", ["REQUESTER", "FINANCE"], ops),
    director: await createUserAs(db, "director@w.test", ["REQUESTER", "DIRECTOR"], ops),
    hr: await createUserAs(db, "hr@w.test", ["REQUESTER", "HR"], ops),
    support: await createUserAs(db, "support@w.test", ["REQUESTER", "SUPPORT_L2"], ops),
  };
}

/**
 * A fresh database with the company in it, for one test file: registers its own beforeAll and
 * afterAll. Read `ctx.t` and `ctx.w` inside tests (they are set once beforeAll has run).
 */
export function setupWorld(): { t: TestDatabase; w: World } {
  const ctx = {} as { t: TestDatabase; w: World };
  beforeAll(async () => {
    ctx.t = await createTestDatabase();
    ctx.w = await createWorld(ctx.t.db);
  });
  afterAll(() => ctx.t.drop());
  return ctx;
}

/** The AppError `promise` is refused with (a test fails if it resolves or fails otherwise). */
export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A submitted purchase of EUR `amount` by `actor`, titled `title`: its id. */
export async function submittedPurchase(
  db: PrismaClient,
  actor: ServiceActor,
  title: string,
  amount = 500,
): Promise<string> {
  const { createDraft } = await import("@/lib/services/create-draft");
  const { submitRequest } = await import("@/lib/services/submit-request");
  const draft = await createDraft(db, actor, {
    type: "PROCUREMENT",
    title,
    description: `${title}, EUR ${amount}`,
    fields: { amount, currency: "EUR" },
  });
  await submitRequest(db, actor, draft.id);
  return draft.id;
}
