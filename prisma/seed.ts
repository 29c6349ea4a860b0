/**
 * Seeds the demo data. Runs once per database: the launcher calls it only when no user exists,
 * and every write is an upsert, so running it again changes nothing.
 */
import type { PrismaClient } from "@prisma/client";
import { hashPassword } from "../lib/auth/password";
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";

export async function isSeeded(db: PrismaClient): Promise<boolean> {
  return (await db.user.count()) > 0;
}

export async function seedDemoData(db: PrismaClient): Promise<{ users: number }> {
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
  return { users: DEMO_USERS.length };
}
