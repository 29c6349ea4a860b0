/**
 * The database handle of the app process: one pg pool, shared by the Prisma client (the ORM for
 * everything ordinary) and by the few hot-path statements in lib/db that run on the pool directly
 * as named prepared statements (parsed once per connection; see lib/db/sql.ts). Created on first
 * use, not at import: `next build` imports route modules with no database around.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { type Prisma, PrismaClient } from "@prisma/client";
import pg from "pg";
import { env } from "@/lib/env";

export type Db = PrismaClient;

// The pool travels on the client under a registry symbol: Next.js bundles this module into several
// chunks, and a module-local map would not be shared between them (the client is, via globalThis).
const POOL = Symbol.for("flowgate.db.pool");
type WithPool = { [POOL]?: pg.Pool };

export interface DbOptions {
  max?: number;
  connectionTimeoutMillis?: number;
}

/** A Prisma client over a new pool; `poolOf(client)` gives the pool for raw hot-path queries. */
export function createDb(connectionString: string, options: DbOptions = {}): PrismaClient {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
  });
  pool.on("error", () => {}); // an idle client's error; the next query reconnects
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  (client as unknown as WithPool)[POOL] = pool;
  return client;
}

export function poolOf(client: PrismaClient | Prisma.TransactionClient): pg.Pool {
  const pool = (client as unknown as WithPool)[POOL];
  if (!pool) throw new Error("This Prisma client was not created by createDb()");
  return pool;
}

const globalForDb = globalThis as unknown as { flowgateDb?: PrismaClient };

/** Returns the process-wide client (kept across hot reloads in development). */
export function db(): PrismaClient {
  globalForDb.flowgateDb ??= createDb(env().DATABASE_URL, { max: env().DATABASE_POOL_SIZE });
  return globalForDb.flowgateDb;
}
