/**
 * A worker process killed with SIGKILL in the middle of a run (issue 15): the run resumes from its
 * last completed node on another worker once the dead one is presumed dead; the node that was
 * running is run again (attempt 2), and no completed node runs twice.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { readRun, runLog, runVisits } from "@/lib/db/runs";
import { publishGraph } from "@/lib/services/runs/publish-graph";
import { startRun } from "@/lib/services/runs/start-run";
import { startJobWorker } from "./job-worker";
import { createUserAs, setupWorld } from "./world";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ctx = setupWorld();
let child: ChildProcess | undefined;
afterAll(() => {
  // Still running if the test failed before killing it.
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid, "SIGKILL");
  }
});

async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("resumes a run after its worker is killed mid-node; nothing completed runs twice", async () => {
  const admin = await createUserAs(ctx.t.db, "admin@crash.test", ["ADMIN"], null);
  await publishGraph(ctx.t.db, admin, {
    key: "crash-me",
    name: "Survives a crash",
    state: { n: { type: "number", default: 0 }, held: { type: "number", default: 0 } },
    start: "first",
    nodes: [
      {
        id: "first",
        kind: "tool",
        tool: "add",
        inputs: { a: { value: 1 }, b: { value: 2 } },
        outputs: { sum: "n" },
      },
      {
        id: "slow",
        kind: "tool",
        tool: "wait",
        inputs: { ms: { value: 2_500 }, value: { state: "n" } },
        outputs: { value: "held" },
      },
      {
        id: "last",
        kind: "tool",
        tool: "add",
        inputs: { a: { state: "held" }, b: { value: 10 } },
        outputs: { sum: "n" },
      },
      { id: "done", kind: "end" },
    ],
    edges: [
      { from: "first", to: "slow" },
      { from: "slow", to: "last" },
      { from: "last", to: "done" },
    ],
  });
  const { id } = await startRun(ctx.t.db, ctx.w.requester, { workflow: "crash-me", input: {} });
  const pool = poolOf(ctx.t.db);

  // A separate worker process (npm run worker) picks the run up…
  child = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/run.ts", "worker"],
    {
      cwd: ROOT,
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL: ctx.t.url,
        AUTH_SECRET: "crash-test-secret-crash-test-secret-00",
        MIGRATE_ON_START: "false",
        WORKER_PRESUMED_DEAD_MS: "2000",
        LOG_LEVEL: "silent",
        SLA_SWEEP_CRON: "0 0 1 1 *",
      },
    },
  );
  // …and is killed (the whole process group, no goodbye) while the slow node runs.
  await until("the slow node to start", async () =>
    (await runLog(pool, id)).some((l) => l.kind === "node_started" && l.nodeId === "slow"),
  );
  if (!child.pid) throw new Error("no worker process");
  process.kill(-child.pid, "SIGKILL");
  await new Promise((resolve) => child?.once("exit", resolve));
  expect((await readRun(pool, id))?.status).toBe("RUNNING");

  // Another worker takes over once the dead one has been silent long enough.
  const worker = await startJobWorker(ctx.t.db, ctx.t.url, { presumedDeadMs: 2_000 });
  try {
    const run = await until("the run to finish", async () => {
      const row = await readRun(pool, id);
      return row && row.status !== "RUNNING" ? row : undefined;
    });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.state).toEqual({ n: 13, held: 3 });
  } finally {
    await worker.stop();
  }
  const visits = await runVisits(pool, id);
  expect(visits.map((v) => [v.nodeId, v.visit, v.status, v.attempts])).toEqual([
    ["first", 1, "SUCCEEDED", 1],
    ["slow", 1, "SUCCEEDED", 2],
    ["last", 1, "SUCCEEDED", 1],
    ["done", 1, "SUCCEEDED", 1],
  ]);
  const starts = (await runLog(pool, id)).filter((l) => l.kind === "node_started");
  expect(starts.map((l) => [l.nodeId, l.data])).toEqual([
    ["first", { attempt: 1 }],
    ["slow", { attempt: 1 }],
    ["slow", { attempt: 2 }],
    ["last", { attempt: 1 }],
  ]);
}, 90_000);
