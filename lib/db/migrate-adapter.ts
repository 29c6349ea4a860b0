/**
 * The driver adapter the Prisma CLI (migrate, db push, studio…) uses, with the work-arounds that
 * Prisma 6.19.3's WebAssembly schema engine needs to run offline through `@prisma/adapter-pg`.
 * Only prisma.config.ts imports this; the app's own client (lib/db/client.ts) needs none of it.
 *
 * 1. Catalog type OIDs: the engine's introspection queries return columns of type `name` (OID 19),
 *    `"char"` (18) and their arrays (1003, 1002), which the adapter cannot map
 *    ("Column type 'name' could not be deserialized", upstream prisma/prisma issue 27403).
 *    We report them as text (25) / text[] (1009); their values already arrive as strings.
 * 2. PostgreSQL 18 NOT NULL constraints: PG 18 stores NOT NULL as rows in pg_constraint with
 *    contype 'n', which the 6.19 engine cannot parse (it crashes with "unreachable" in wasm,
 *    upstream prisma/orm issue 29635). Those rows carry nothing the engine needs (nullability is
 *    read from pg_attribute), so we drop rows whose `constraint_type` column is 'n'.
 * 3. Shadow database: the stock `connectToShadowDb()` either lands on the main database (when
 *    given a connection string) or drops the shadow database while its pool is still open. We
 *    create `prisma_migrate_shadow_db_<uuid>` on an admin connection, and on dispose close the
 *    shadow pool first, then drop the database. The database user needs CREATEDB.
 * 4. Migration scripts: the stock `executeScript()` (used by `migrate deploy`) splits the script
 *    on every ";", which cuts dollar-quoted bodies (our audit trigger's function) in pieces. We send
 *    the whole script as one simple-protocol query instead; PostgreSQL parses it properly and runs
 *    it as one implicit transaction, so a failing migration leaves nothing half-applied.
 * 5. Lingering process: `allowExitOnIdle` lets the CLI exit once idle instead of holding a pooled
 *    connection open (see also scripts/prisma-preload.cjs for the engine's long timers).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQueryable,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

const OID_TEXT = 25;
const OID_TEXT_ARRAY = 1009;
const CATALOG_OID_AS_TEXT: Record<number, number> = {
  18: OID_TEXT, // "char"
  19: OID_TEXT, // name
  1002: OID_TEXT_ARRAY, // "char"[]
  1003: OID_TEXT_ARRAY, // name[]
};

type PgResult = { fields: { name: string; dataTypeID: number }[]; rows: unknown[][] };
// A multi-statement script (a migration applied with executeRaw) yields one result per statement.
type PgResults = PgResult | PgResult[];
type WithPerformIO = { performIO(query: unknown): Promise<PgResults> };

/** Rewrites adapter-pg results so the schema engine can read them (work-arounds 1 and 2). */
export function fixCatalogResult<T extends PgResults>(results: T): T {
  for (const result of Array.isArray(results) ? results : [results]) fixOne(result);
  return results;
}

function fixOne(result: PgResult): void {
  for (const field of result.fields) {
    const replacement = CATALOG_OID_AS_TEXT[field.dataTypeID];
    if (replacement !== undefined) field.dataTypeID = replacement;
  }
  const constraintType = result.fields.findIndex((f) => f.name === "constraint_type");
  if (constraintType >= 0) {
    result.rows = result.rows.filter((row) => row[constraintType] !== "n");
  }
}

// performIO is adapter-pg's one private choke point for every query (plain and in transactions).
function patchQueryable<T extends SqlQueryable>(queryable: T): T {
  const target = queryable as unknown as WithPerformIO;
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => fixCatalogResult(await performIO(query));
  return queryable;
}

type WithDriver = { underlyingDriver(): pg.Pool; onError(error: unknown): never };

function patchAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  patchQueryable(adapter);
  const internals = adapter as unknown as WithDriver;
  adapter.executeScript = async (script) => {
    try {
      await internals.underlyingDriver().query(script);
    } catch (error) {
      internals.onError(error); // adapter-pg's own mapping to a DriverAdapterError
    }
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    patchQueryable(await startTransaction(isolationLevel));
  return adapter;
}

export function migrationAdapterFactory(
  connectionString: string,
): SqlMigrationAwareDriverAdapterFactory {
  const config = { connectionString, allowExitOnIdle: true };
  const main = new PrismaPg(config);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => patchAdapter(await main.connect()),
    connectToShadowDb: async () => {
      const database = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
      await adminQuery(connectionString, `CREATE DATABASE "${database}"`);
      const url = new URL(connectionString);
      url.pathname = `/${database}`;
      const shadow = new PrismaPg({ connectionString: url.toString(), allowExitOnIdle: true });
      const adapter = patchAdapter(await shadow.connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await adminQuery(connectionString, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      };
      return adapter;
    },
  };
}

async function adminQuery(connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
