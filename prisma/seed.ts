/**
 * Seeds the demo data. Runs once per database: the launcher calls it only when no user exists;
 * users are upserts and demo requests are added only to a database without requests, so running
 * it again changes nothing.
 */
import type { PrismaClient } from "@prisma/client";
import { aiSettings } from "../lib/ai/config";
import { grantableScopes } from "../lib/api/scopes";
import { hashPassword } from "../lib/auth/password";
import type { RequestFields, RequestType } from "../lib/engine";
import { createRequest } from "../lib/services/create-request";
import { decideStep } from "../lib/services/decide-step";
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";
import { DEMO_TOKEN_ACCOUNTS, demoToken } from "./demo-tokens";

export async function isSeeded(db: PrismaClient): Promise<boolean> {
  return (await db.user.count()) > 0;
}

export async function seedDemoData(db: PrismaClient): Promise<{ users: number; requests: number }> {
  const departments = new Map<string, string>();
  for (const department of DEMO_DEPARTMENTS) {
    const row = await db.department.upsert({
      where: { code: department.code },
      create: department,
      update: {},
    });
    departments.set(department.code, row.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    await db.user.upsert({
      where: { email: user.email },
      create: {
        email: user.email,
        name: user.name,
        roles: user.roles,
        passwordHash,
        departmentId: departments.get(user.department) ?? null,
      },
      update: {},
    });
  }
  await seedDemoTokens(db);
  const requests = await seedDemoRequests(db);
  return { users: DEMO_USERS.length, requests };
}

/** The demo accounts' API tokens (prisma/demo-tokens.ts), valid a year from seeding. */
async function seedDemoTokens(db: PrismaClient): Promise<void> {
  const now = new Date();
  for (const email of DEMO_TOKEN_ACCOUNTS) {
    const user = await db.user.findUnique({ where: { email } });
    if (!user) continue;
    const { id, secretHash } = demoToken(email);
    await db.apiToken.upsert({
      where: { id },
      create: {
        id,
        userId: user.id,
        name: "Demo token (examples/api-quickstart.ts)",
        scopes: grantableScopes(user),
        secretHash: new Uint8Array(secretHash),
        createdById: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 365 * 86_400_000),
      },
      update: {},
    });
  }
}

/**
 * A few requests in different states, made through the real services (so the audit chains are
 * genuine), so that the inboxes, lists and timelines have something to show on first start. The
 * local AI provider reads them whatever AI_PROVIDER says: seeding never calls a hosted model.
 */
async function seedDemoRequests(db: PrismaClient): Promise<number> {
  if ((await db.request.count()) > 0) return 0; // requests exist: never add demo ones to real data
  const users = new Map(
    (await db.user.findMany({ include: { department: true } })).map((u) => [
      u.email,
      { id: u.id, roles: u.roles, department: u.department },
    ]),
  );
  const as = (email: string) => {
    const user = users.get(email);
    if (!user) throw new Error(`demo user ${email} is missing`);
    return user;
  };
  // Demo requests are read by the local provider whatever AI_PROVIDER says: no paid calls, and the
  // same suggestions on every machine.
  const ai = aiSettings({ AI_PROVIDER: "local", AI_TIMEOUT_MS: "5000", AI_MAX_RETRIES: "0" });
  const make = (
    email: string,
    text: string,
    type: RequestType,
    fields: RequestFields,
    submit = true,
  ) =>
    createRequest(
      db,
      as(email),
      { text, type, fields, intent: submit ? "submit" : "save" },
      { ai },
    );

  const chairs = await make(
    "requester@example.com",
    "12 ergonomic chairs for the Berlin office, EUR 14,280",
    "PROCUREMENT",
    { amount: 14_280, currency: "EUR" },
  );
  await decideStep(db, as("manager.eng@example.com"), chairs.id, {
    decision: "approve",
    comment: "Budgeted in Q4",
  });
  await make(
    "requester@example.com",
    "2 days of leave on December 3 and 4 for a family visit",
    "LEAVE",
    {
      days: 2,
      startDate: "2026-12-03",
      endDate: "2026-12-04",
    },
  );
  await make(
    "requester@example.com",
    "The VPN is down for the whole Berlin office since this morning, severity 4",
    "SUPPORT",
    { severity: 4 },
  );
  const monitor = await make(
    "requester@example.com",
    "A second 4K monitor for design reviews, EUR 600",
    "PROCUREMENT",
    { amount: 600, currency: "EUR" },
  );
  await decideStep(db, as("manager.eng@example.com"), monitor.id, {
    decision: "reject",
    reason: "We have spare monitors in storage: ask IT.",
  });
  await make(
    "requester@example.com",
    "Access to the analytics dashboard for the quarterly report",
    "GENERAL",
    {},
    false,
  );
  await make("director@example.com", "5 days of leave from December 21 to December 27", "LEAVE", {
    days: 5,
    startDate: "2026-12-21",
    endDate: "2026-12-27",
  });
  return 6;
}
