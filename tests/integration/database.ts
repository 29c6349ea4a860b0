/** A fresh database per test file, cloned from the migrated template (see global-setup.ts). */

import type { PrismaClient } from "@prisma/client";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb } from "@/lib/db/client";

export interface TestDatabase {
  url: string;
  db: PrismaClient;
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations), for testing the migrations themselves. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `it_empty_${crypto.randomUUID().replaceAll("-", "")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: urlFor(name),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => {},
      ),
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `it_${crypto.randomUUID().replaceAll("-", "")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`));
  const url = urlFor(name);
  const db = createDb(url, { max: 20 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * An empty database and a plain pg client on it, for one test file or describe block: registers
 * its own beforeAll and afterAll. Read `ctx.client` inside tests.
 */
export function setupEmptyDatabase(): { client: pg.Client } {
  const ctx = {} as {
    client: pg.Client;
    database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  };
  beforeAll(async () => {
    ctx.database = await createEmptyDatabase();
    ctx.client = new pg.Client({ connectionString: ctx.database.url });
    await ctx.client.connect();
  });
  afterAll(async () => {
    await ctx.client.end();
    await ctx.database.drop();
  });
  return ctx;
}
