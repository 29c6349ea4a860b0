/**
 * Health of this app instance: version, whether the database answers, and whether every migration
 * shipped with this build is applied (a deploy that skipped `migrate deploy` shows up here).
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { APP_VERSION } from "@/lib/version";

export interface Health {
  status: "ok" | "degraded";
  version: string;
  database: { reachable: boolean; latencyMs: number | null; error?: string };
  migrations: {
    applied: boolean;
    expected: number;
    appliedCount: number;
    pending: string[];
    latest: string | null;
  };
}

const MIGRATION_DIR = /^\d{14}_[\w-]+$/;

let shipped: Promise<string[]> | undefined;

/**
 * The migrations this build ships (prisma/migrations, relative to the app's working directory).
 * They cannot change while the process runs, so the folder is read once, not on every health check.
 */
export function shippedMigrations(): Promise<string[]> {
  shipped ??= readShippedMigrations();
  return shipped;
}

async function readShippedMigrations() {
  const entries = await readdir(path.join(process.cwd(), "prisma", "migrations"), {
    withFileTypes: true,
  });
  return entries
    .filter((e) => e.isDirectory() && MIGRATION_DIR.test(e.name))
    .map((e) => e.name)
    .sort();
}

export async function checkHealth(db: Db): Promise<Health> {
  const expected = await shippedMigrations();
  const started = performance.now();
  let applied: string[];
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((row) => row.migration_name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const missingTable = /_prisma_migrations/.test(message) && /does not exist/.test(message);
    if (!missingTable) {
      return {
        status: "degraded",
        version: APP_VERSION,
        database: { reachable: false, latencyMs: null, error: "the database did not answer" },
        migrations: {
          applied: false,
          expected: expected.length,
          appliedCount: 0,
          pending: expected,
          latest: null,
        },
      };
    }
    applied = []; // reachable, but never migrated
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const done = new Set(applied);
  const pending = expected.filter((name) => !done.has(name));
  return {
    status: pending.length === 0 ? "ok" : "degraded",
    version: APP_VERSION,
    database: { reachable: true, latencyMs },
    migrations: {
      applied: pending.length === 0,
      expected: expected.length,
      appliedCount: applied.length,
      pending,
      latest: applied.sort().at(-1) ?? null,
    },
  };
}
