/**
 * The launcher's answers to a bad environment: an unreachable DATABASE_URL and a taken embedded
 * database port must end the start with one clear line, not a stack trace.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
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
