/**
 * The one Prisma client of the app process. Created on first use, not at import: `next build`
 * imports route modules with no database around.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { env } from "@/lib/env";

const globalForDb = globalThis as unknown as { flowgateDb?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: env().DATABASE_URL,
    max: env().DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

/** Returns the process-wide client (kept across hot reloads in development). */
export function db(): PrismaClient {
  globalForDb.flowgateDb ??= createClient();
  return globalForDb.flowgateDb;
}

export type Db = PrismaClient;
