/**
 * npm run bench:runs — graph runs on the job runtime against a real PostgreSQL (issue 15):
 *   1. one run at a time: the time from starting a run (what POST /api/v1/runs does: the
 *      startRun service) to its completion, p50 and p95, for a five-node tool graph;
 *   2. BENCH_BURST runs (default 1,000) started at once: runs per second until all finished,
 *      p50 / p95 start-to-completion, and the check that every run succeeded with each of its
 *      five tool nodes run exactly once (none lost, none twice);
 *   3. the code-review demo on a 60-line source, one at a time.
 * Uses a throw-away embedded PostgreSQL and one worker (BENCH_CONCURRENCY, default 4), as
 * `npm start` runs it. BENCH_SINGLE (default 100) sets the runs of parts 1 and 3.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, poolOf } from "../../lib/db/client";
import { startEmbeddedServer } from "../../lib/db/embedded-server";
import { deployMigrations } from "../../lib/db/prisma-cli";
import type { GraphDefinitionInput } from "../../lib/graph/model";
import { migrateJobQueue, startWorker, workerPool } from "../../lib/jobs/runtime";
import type { ServiceActor } from "../../lib/services/actor";
import { publishGraph } from "../../lib/services/runs/publish-graph";
import { startRun } from "../../lib/services/runs/start-run";
import { ensureDefaultWorkflows } from "../../lib/services/seed-workflows";

const BURST = Number(process.env.BENCH_BURST ?? 1_000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const say = (line: string) => console.log(line);

const FIVE_TOOLS: GraphDefinitionInput = {
  key: "bench-five-tools",
  name: "Five tool nodes",
  state: { n: { type: "number", default: 0 } },
  start: "t1",
  nodes: [
    ...[1, 2, 3, 4, 5].map((i) => ({
      id: `t${i}`,
      kind: "tool" as const,
      tool: "add",
      inputs: { a: { state: "n" }, b: { value: 1 } },
      outputs: { sum: "n" },
    })),
    { id: "done", kind: "end" as const },
  ],
  edges: [
    { from: "t1", to: "t2" },
    { from: "t2", to: "t3" },
    { from: "t3", to: "t4" },
    { from: "t4", to: "t5" },
    { from: "t5", to: "done" },
  ],
};

const SOURCE = Array.from(
  { length: 6 },
  (_, i) => `export function f${i}(items, unused) {
  let total = 0;
  for (const item of items) {
    if (item.qty > 0 && item.price) {
      total += item.qty * item.price; // TODO: rounding
    }
  }
  return total;
}
`,
).join("\n");

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

async function main() {
  const root = await mkdtemp(path.join(os.tmpdir(), "flowgate-bench-runs-"));
  const server = await startEmbeddedServer({ dataDir: path.join(root, "pg"), database: "bench" });
  const db = createDb(server.url, { max: 8 });
  const pool = poolOf(db);
  // The jobs' handlers reach the database as the app does (db(), DATABASE_URL).
  process.env.DATABASE_URL = server.url;
  (globalThis as { flowgateDb?: unknown }).flowgateDb = db;
  const workers = workerPool(server.url, CONCURRENCY + 2);
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  try {
    say(
      `Flowgate runs benchmark — ${os.cpus().length} cores, Node ${process.version}, embedded PostgreSQL 18`,
    );
    await deployMigrations(server.url);
    await migrateJobQueue(server.url);
    await ensureDefaultWorkflows(db);
    const admin = await db.user.create({
      data: {
        email: "bench@runs.test",
        name: "Bench",
        passwordHash: "!",
        roles: ["REQUESTER", "ADMIN"],
      },
    });
    const actor: ServiceActor = { id: admin.id, roles: admin.roles, department: null };
    await publishGraph(db, actor, FIVE_TOOLS);
    worker = await startWorker({ pool: workers, concurrency: CONCURRENCY, crontab: "" });

    const finishedAt = async (id: string) => {
      for (;;) {
        const { rows } = await pool.query<{ status: string; ms: number }>(
          `SELECT status, extract(epoch FROM finished_at - created_at) * 1000 AS ms FROM runs WHERE id = $1`,
          [id],
        );
        const row = rows[0];
        if (row && row.status !== "QUEUED" && row.status !== "RUNNING") {
          if (row.status !== "SUCCEEDED") throw new Error(`run ${id} ${row.status}`);
          return Number(row.ms);
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };

    const oneAtATime = async (workflow: string, input: Record<string, unknown>, n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const run = await startRun(db, actor, { workflow, input }, new Date());
        times.push(await finishedAt(run.id));
      }
      return times;
    };

    say(
      `\n1. ${SINGLE} runs of a five-node tool graph, one at a time, worker concurrency ${CONCURRENCY}`,
    );
    await oneAtATime("bench-five-tools", {}, 10); // warm-up
    const single = await oneAtATime("bench-five-tools", {}, SINGLE);
    say(
      `   start → completion: p50 ${percentile(single, 50).toFixed(0)} ms, p95 ${percentile(single, 95).toFixed(0)} ms`,
    );

    say(`\n2. ${BURST.toLocaleString("en")} runs started at once`);
    const began = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < BURST; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, BURST - i) }, () =>
          startRun(db, actor, { workflow: "bench-five-tools", input: {} }, new Date()),
        ),
      );
      ids.push(...batch.map((r) => r.id));
    }
    const startedIn = (performance.now() - began) / 1000;
    for (;;) {
      const { rows } = await pool.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM runs WHERE id = ANY($1::uuid[]) AND status IN ('QUEUED', 'RUNNING')`,
        [ids],
      );
      if (rows[0]?.open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - began) / 1000;
    const { rows: outcome } = await pool.query<{
      succeeded: number;
      right: number;
      visits: number;
      twice: number;
      p50: number;
      p95: number;
    }>(
      `SELECT count(*) FILTER (WHERE status = 'SUCCEEDED')::int AS succeeded,
              count(*) FILTER (WHERE (state->>'n')::int = 5)::int AS right,
              (SELECT count(*)::int FROM run_node_visits v WHERE v.run_id = ANY($1::uuid[]) AND v.node_id LIKE 't%' AND v.status = 'SUCCEEDED') AS visits,
              (SELECT count(*)::int FROM run_node_visits v WHERE v.run_id = ANY($1::uuid[]) AND v.attempts > 1) AS twice,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - created_at) * 1000) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - created_at) * 1000) AS p95
         FROM runs WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const o = outcome[0];
    if (!o) throw new Error("no outcome");
    say(`   started in ${startedIn.toFixed(1)} s; all finished after ${seconds.toFixed(1)} s`);
    say(
      `   ${(BURST / seconds).toFixed(0)} runs/s (${((BURST * 5) / seconds).toFixed(0)} tool nodes/s)`,
    );
    say(
      `   start → completion: p50 ${Number(o.p50).toFixed(0)} ms, p95 ${Number(o.p95).toFixed(0)} ms`,
    );
    say(
      `   ${o.succeeded} of ${BURST} succeeded, ${o.right} with the right state; ${o.visits} tool visits (expected ${BURST * 5}), ${o.twice} run more than once`,
    );
    if (o.succeeded !== BURST || o.right !== BURST || o.visits !== BURST * 5 || o.twice !== 0) {
      throw new Error("runs were lost or ran twice");
    }

    say(
      `\n3. the code-review demo on a ${SOURCE.split("\n").length}-line source, ${SINGLE} runs one at a time`,
    );
    const reviews = await oneAtATime("code-review", { code: SOURCE, threshold: 100 }, SINGLE);
    say(
      `   start → completion: p50 ${percentile(reviews, 50).toFixed(0)} ms, p95 ${percentile(reviews, 95).toFixed(0)} ms`,
    );
  } finally {
    await worker?.stop();
    await workers.end();
    await db.$disconnect();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
