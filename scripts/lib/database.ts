/**
 * Which database a launcher or task uses: DATABASE_URL when set (checked reachable, nothing
 * embedded starts), otherwise the embedded development server under $FLOWGATE_DATA_DIR/pg.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { EmbeddedServerError, startEmbeddedServer } from "../../lib/db/embedded-server";

export class LaunchError extends Error {}

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function dataDir(): string {
  return path.resolve(process.env.FLOWGATE_DATA_DIR ?? ".data");
}

export async function openDatabase(log: (line: string) => void = () => {}): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await assertReachable(external);
    return { url: external, embedded: false, stop: async () => {} };
  }
  const port = parsePort(process.env.EMBEDDED_DB_PORT);
  // The port picked the first time is kept (tools and bookmarks keep working across restarts);
  // if something else took it meanwhile, another free port is picked and remembered.
  const portFile = path.join(dataDir(), "db-port");
  const remembered = existsSync(portFile)
    ? Number((await readFile(portFile, "utf8")).trim()) || undefined
    : undefined;
  try {
    const server = await startEmbeddedServer({
      dataDir: path.join(dataDir(), "pg"),
      database: "flowgate",
      port,
      preferredPort: remembered,
      log,
    });
    if (port === undefined && server.port !== remembered) {
      if (remembered !== undefined)
        log(`port ${remembered} was taken: the database now uses ${server.port}`);
      await writeFile(portFile, `${server.port}\n`);
    }
    return { url: server.url, embedded: true, stop: server.stop };
  } catch (error) {
    if (error instanceof EmbeddedServerError) throw new LaunchError(error.message);
    throw error;
  }
}

export async function withDatabase(
  task: (url: string, embedded: boolean) => Promise<number>,
): Promise<number> {
  let database: Database;
  try {
    database = await openDatabase();
  } catch (error) {
    if (!(error instanceof LaunchError)) throw error;
    console.error(`flowgate: ${error.message}`);
    return 1;
  }
  try {
    return await task(database.url, database.embedded);
  } finally {
    await database.stop();
  }
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new LaunchError(`EMBEDDED_DB_PORT must be a port number (1-65535), got "${value}".`);
  }
  return port;
}

/** Connects once; on failure throws a one-line message that names the host, not a stack trace. */
export async function assertReachable(url: string, timeoutMs = 5_000): Promise<void> {
  let target: string;
  try {
    const parsed = new URL(url);
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error("protocol");
    target = `${parsed.hostname}:${parsed.port || "5432"}`;
  } catch {
    throw new LaunchError("DATABASE_URL is not a valid postgresql:// URL.");
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {}); // reported through connect()'s rejection
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = describeConnectError(error);
    throw new LaunchError(
      `cannot reach the database at ${target} (${reason}). Check DATABASE_URL.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function describeConnectError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host not found";
    case "ETIMEDOUT":
      return "timed out";
    case "28P01":
      return "password authentication failed";
    case "3D000":
      return "database does not exist";
    default:
      return (message ?? String(error)).split("\n")[0] ?? "unknown error";
  }
}
