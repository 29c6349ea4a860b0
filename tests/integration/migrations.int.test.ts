import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { deployMigrations } from "@/lib/db/prisma-cli";
import { createUser, findUserForSignIn } from "@/lib/db/users";
import { checkHealth, shippedMigrations } from "@/lib/services/check-health";
import { createEmptyDatabase } from "./database";

describe("migrations on an empty PostgreSQL database", () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let db: PrismaClient;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("reports the empty database as reachable but not migrated", async () => {
    const health = await checkHealth(db);
    expect(health.status).toBe("degraded");
    expect(health.database.reachable).toBe(true);
    expect(health.migrations.pending).toEqual(await shippedMigrations());
  });

  it("applies every shipped migration, and applying again changes nothing", async () => {
    await deployMigrations(database.url);
    await deployMigrations(database.url);
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(await shippedMigrations());
    const health = await checkHealth(db);
    expect(health).toMatchObject({ status: "ok", migrations: { applied: true, pending: [] } });
  });

  it("creates a user and reads it back with roles and department", async () => {
    const department = await db.department.create({ data: { code: "QA", name: "Quality" } });
    const created = await createUser(db, {
      email: "  Quinn.QA@Example.com ",
      name: "Quinn QA",
      passwordHash: await hashPassword("a long enough password"),
      roles: ["REQUESTER", "MANAGER"],
      departmentId: department.id,
    });
    expect(created.email).toBe("quinn.qa@example.com");

    const found = await findUserForSignIn(db, "QUINN.qa@example.com");
    expect(found).toMatchObject({
      id: created.id,
      name: "Quinn QA",
      roles: ["REQUESTER", "MANAGER"],
      active: true,
      department: { code: "QA", name: "Quality" },
    });
  });

  it("refuses a second account with the same email", async () => {
    const user = { name: "Dup", passwordHash: "x", roles: ["REQUESTER" as const] };
    await createUser(db, { ...user, email: "dup@example.com" });
    await expect(createUser(db, { ...user, email: "DUP@example.com" })).rejects.toMatchObject({
      code: "P2002",
    });
    expect(await db.user.count({ where: { email: "dup@example.com" } })).toBe(1);
  });
});
