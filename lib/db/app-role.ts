/**
 * The role the application connects as owns nothing. Migrations run as the database's owner; the
 * app gets only the rights it uses: rows in, rows read, rows changed where rows change, and on
 * the append-only tables (audit_events, decisions, node_visits) not even UPDATE, DELETE or
 * TRUNCATE. Not owning the tables, it cannot ALTER them, disable their triggers or drop them: the
 * audit trail's protections hold against the app's own credentials (issue 12).
 *
 * `grantAppRole` is idempotent and runs after every migration (new tables get their grants). The
 * embedded set-up creates the role (`flowgate_app`); elsewhere the DBA creates it and the launcher
 * grants (DATABASE_OWNER_URL for migrations, DATABASE_URL as the app role).
 */
import pg from "pg";

const APPEND_ONLY = ["audit_events", "decisions", "node_visits", "run_log"];

export interface AppRoleOptions {
  /** Create the role (LOGIN, no other attribute) with this password when it does not exist. */
  createWithPassword?: string;
}

export async function grantAppRole(
  ownerUrl: string,
  role: string,
  options: AppRoleOptions = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const name = pg.escapeIdentifier(role);
  try {
    await client.query("BEGIN");
    if (options.createWithPassword !== undefined) {
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      if (exists.rowCount === 0) {
        await client.query(
          `CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${pg.escapeLiteral(options.createWithPassword)}`,
        );
      }
    }
    const { rows } = await client.query<{ db: string; owner: boolean }>(
      "SELECT current_database() AS db, pg_has_role($1, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER') AS owner",
      [role],
    );
    if (rows[0]?.owner) {
      throw new Error(
        `${role} owns the database (or is a member of its owner): give the app a role of its own`,
      );
    }
    const statements = [
      `GRANT CONNECT, TEMPORARY ON DATABASE ${pg.escapeIdentifier(rows[0]?.db ?? "")} TO ${name}`,
      `GRANT USAGE ON SCHEMA public TO ${name}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`,
      `REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY.join(", ")} FROM ${name}`,
      // The migration history is read (the health check), never written by the app.
      `REVOKE INSERT, UPDATE, DELETE ON _prisma_migrations FROM ${name}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`,
      `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${name}`,
    ];
    const worker = await client.query(
      "SELECT 1 FROM pg_namespace WHERE nspname = 'graphile_worker'",
    );
    if (worker.rowCount) {
      // The job queue's tables and functions (graphile-worker's own migrations ran as the owner).
      statements.push(
        `GRANT USAGE ON SCHEMA graphile_worker TO ${name}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${name}`,
        `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${name}`,
        `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${name}`,
      );
      // Its private tables have row-level security on (so that only the owner reads them); the
      // worker runs as the app and the transition writer queues jobs in them directly.
      const secured = await client.query<{ table: string; policy: boolean }>(
        `SELECT c.relname AS table,
                EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'graphile_worker'
                          AND p.tablename = c.relname AND p.policyname = $1) AS policy
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity`,
        [`app_${role}`],
      );
      for (const { table, policy } of secured.rows) {
        if (policy) continue;
        statements.push(
          `CREATE POLICY ${pg.escapeIdentifier(`app_${role}`)} ON graphile_worker.${pg.escapeIdentifier(table)} TO ${name} USING (true) WITH CHECK (true)`,
        );
      }
    }
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** The same URL, as another role. */
export function urlAs(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
