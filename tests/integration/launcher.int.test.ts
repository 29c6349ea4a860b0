/**
 * The launcher's answers to a bad environment: an unreachable DATABASE_URL, a taken embedded
 * database port or an unreadable setting end the start with one clear line, not a stack trace.
 * And as a supervisor sees it: the embedded database keeps its port across restarts, and when the
 * app server dies the launcher says so and exits non-zero.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function launch(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/run.ts", "start"],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: "", ...env },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("launcher bad input", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "flowgate-launcher-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("exits with one line naming the host when DATABASE_URL is unreachable", async () => {
    const { code, stderr } = await launch({
      DATABASE_URL: "postgresql://flowgate:x@127.0.0.1:1/flowgate",
    });
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      "flowgate: cannot reach the database at 127.0.0.1:1 (connection refused). Check DATABASE_URL.",
    );
  });

  it("says which variable to set when the embedded database port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await launch({
        EMBEDDED_DB_PORT: String(port),
        FLOWGATE_DATA_DIR: dataDir,
      });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `flowgate: Port ${port} is already in use. Set EMBEDDED_DB_PORT to a free port, or unset it to let Flowgate pick one.`,
      );
    } finally {
      blocker.close();
    }
  });

  it("refuses a DATABASE_URL that is not a PostgreSQL URL", async () => {
    const { code, stderr } = await launch({ DATABASE_URL: "mysql://localhost/x" });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("flowgate: DATABASE_URL is not a valid postgresql:// URL.");
  });
});

describe("launcher settings", () => {
  it("refuses TRUSTED_PROXIES it cannot read, naming the entry", async () => {
    const { code, stderr } = await launch({ TRUSTED_PROXIES: "10.0.0.1, proxy.internal" });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'flowgate: TRUSTED_PROXIES: "proxy.internal" is not an address or a CIDR range',
    );
  });
});

/** A launcher in development mode, its output collected as it comes. */
function startDev(dataDir: string, port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/run.ts", "dev"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: "",
      FLOWGATE_DATA_DIR: dataDir,
      PORT: String(port),
      WORKERS: "true",
      LOG_LEVEL: "error",
    },
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const waitFor = async (pattern: RegExp) => {
    const deadline = Date.now() + 90_000;
    while (!pattern.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(`never printed ${pattern}:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return output.match(pattern);
  };
  return { child, exited, waitFor, output: () => output };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function childrenOf(parent: ChildProcess): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(parent.pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map(Number);
  } catch {
    return [];
  }
}

describe("the launcher as a supervisor sees it", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "flowgate-supervised-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("exits non-zero when the app server dies, and the database comes back on the same port", async () => {
    const first = startDev(dataDir, await freePort());
    try {
      const ready = await first.waitFor(
        /embedded PostgreSQL ready at postgresql:\/\/[^@]+@[^:]+:(\d+)/,
      );
      const dbPort = Number(ready?.[1]);
      expect(Number((await readFile(path.join(dataDir, "db-port"), "utf8")).trim())).toBe(dbPort);
      await first.waitFor(/development server on/);
      // The app (here its job worker, which connects at start) uses a role that owns nothing.
      const owner = new pg.Client({
        connectionString: `postgresql://flowgate:flowgate@127.0.0.1:${dbPort}/flowgate`,
      });
      await owner.connect();
      try {
        const deadline = Date.now() + 30_000;
        let users: string[] = [];
        while (!users.includes("flowgate_app") && Date.now() < deadline) {
          const { rows } = await owner.query<{ usename: string }>(
            "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'flowgate'",
          );
          users = rows.map((row) => row.usename);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(users).toContain("flowgate_app");
        const { rows } = await owner.query<{ owns: boolean; superuser: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE tableowner = 'flowgate_app') AS owns,
                  (SELECT rolsuper FROM pg_roles WHERE rolname = 'flowgate_app') AS superuser`,
        );
        expect(rows[0]).toEqual({ owns: false, superuser: false });
      } finally {
        await owner.end();
      }
      // The app server (the launcher's child running scripts/server.ts) dies.
      for (const pid of childrenOf(first.child)) process.kill(pid, "SIGKILL");
      expect(await first.exited).toBe(1);
      expect(first.output()).toContain("the app server stopped unexpectedly (signal SIGKILL)");

      const second = startDev(dataDir, await freePort());
      try {
        await second.waitFor(
          new RegExp(`embedded PostgreSQL ready at postgresql://[^@]+@[^:]+:${dbPort}/`),
        );
        await second.waitFor(/development server on/);
        second.child.kill("SIGTERM");
        expect(await second.exited).toBe(0);
      } finally {
        second.child.kill("SIGKILL");
      }
    } finally {
      first.child.kill("SIGKILL");
    }
  }, 240_000);
});
