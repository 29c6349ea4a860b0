import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { deployMigrations } from "@/lib/db/prisma-cli";
import { createUser, findUserForSignIn } from "@/lib/db/users";
import { checkHealth, shippedMigrations } from "@/lib/services/check-health";
import { createEmptyDatabase, setupEmptyDatabase } from "./database";

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

describe("upgrading a database that already holds run-log rows", () => {
  const ctx = setupEmptyDatabase();
  const WIDENING = "20261130140000_node_visit_duration_bigint";

  const migrationSql = (name: string) =>
    readFile(path.join("prisma", "migrations", name, "migration.sql"), "utf8");

  it("keeps every visit's duration when duration_ms widens to bigint", async () => {
    const names = await shippedMigrations();
    const before = names.slice(0, names.indexOf(WIDENING));
    expect(before.length).toBeGreaterThan(0);
    for (const name of before) await ctx.client.query(await migrationSql(name));
    // A visit as the old schema stored it: the largest duration a 32-bit column could hold.
    await ctx.client.query(
      `INSERT INTO node_visits (id, request_id, round, node_id, kind, started_at, ended_at, duration_ms)
       VALUES ($1, $2, 1, 'manager', 'approval', '2026-01-01T00:00:00Z', '2026-01-25T20:31:23.647Z', 2147483647)`,
      [randomUUID(), randomUUID()],
    );

    await ctx.client.query(await migrationSql(WIDENING));
    for (const name of names.slice(names.indexOf(WIDENING) + 1)) {
      await ctx.client.query(await migrationSql(name));
    }

    const { rows } = await ctx.client.query<{ type: string; duration_ms: string }>(
      "SELECT pg_typeof(duration_ms)::text AS type, duration_ms::text FROM node_visits",
    );
    expect(rows).toEqual([{ type: "bigint", duration_ms: "2147483647" }]);
    // …and a visit ten years long now fits.
    const tenYears = ctx.client.query(
      `INSERT INTO node_visits (id, request_id, round, node_id, kind, started_at, ended_at, duration_ms)
       VALUES ($1, $2, 1, 'manager', 'approval', '2016-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 315532800000)`,
      [randomUUID(), randomUUID()],
    );
    await expect(tenYears).resolves.toMatchObject({ rowCount: 1 });
  });
});
