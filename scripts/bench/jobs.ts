/**
 * npm run bench:jobs — the job runtime against a real PostgreSQL, in one run:
 *   1. no-op jobs per second, enqueue to done: graphile-worker's own bare loop (a task list with
 *      one empty task) and Flowgate's runtime (its task list: payload checked with zod, logging,
 *      heartbeats), each with the same concurrency on the same database;
 *   2. the time from a decision to its approver's mail arriving in a local SMTP catcher.
 * Uses a throw-away embedded PostgreSQL. BENCH_JOBS (default 5,000), BENCH_MAILS (default 100),
 * BENCH_CONCURRENCY (default 4) adjust it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Logger, run } from "graphile-worker";
import { createDb, poolOf } from "../../lib/db/client";
import { startEmbeddedServer } from "../../lib/db/embedded-server";
import { deployMigrations } from "../../lib/db/prisma-cli";
import { enqueueJobs } from "../../lib/jobs/enqueue";
import { migrateJobQueue, startWorker, workerPool } from "../../lib/jobs/runtime";
import { startMailCatcher } from "../../lib/mail/catcher";
import { createDraft } from "../../lib/services/create-draft";
import { decideStep } from "../../lib/services/decide-step";
import { ensureDefaultWorkflows } from "../../lib/services/seed-workflows";
import { submitRequest } from "../../lib/services/submit-request";

const JOBS = Number(process.env.BENCH_JOBS ?? 5_000);
const MAILS = Number(process.env.BENCH_MAILS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const say = (line: string) => console.log(line);

async function waitUntilEmpty(pool: import("pg").Pool, task: string): Promise<void> {
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM graphile_worker._private_jobs j
       JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = $1`,
      [task],
    );
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function jobsOf(task: string, n: number) {
  return Array.from({ length: n }, () => ({ task, payload: {}, maxAttempts: 1 }));
}

/** Enqueue JOBS, then time until all ran. */
async function timeJobs(
  pool: import("pg").Pool,
  task: string,
  start: () => Promise<() => Promise<void>>,
): Promise<number> {
  for (let i = 0; i < JOBS; i += 1_000)
    await enqueueJobs(pool, jobsOf(task, Math.min(1_000, JOBS - i)));
  const began = performance.now();
  const stop = await start();
  await waitUntilEmpty(pool, task);
  const seconds = (performance.now() - began) / 1000;
  await stop();
  return JOBS / seconds;
}

async function main() {
  const root = await mkdtemp(path.join(os.tmpdir(), "flowgate-bench-jobs-"));
  const server = await startEmbeddedServer({ dataDir: path.join(root, "pg"), database: "bench" });
  const db = createDb(server.url, { max: 8 });
  const catcher = await startMailCatcher({ keep: 10_000 });
  try {
    say(
      `Flowgate jobs benchmark — ${os.cpus().length} cores, Node ${process.version}, embedded PostgreSQL 18`,
    );
    await deployMigrations(server.url);
    await migrateJobQueue(server.url);
    await ensureDefaultWorkflows(db);
    const pool = poolOf(db);

    say(
      `\n1. ${JOBS.toLocaleString("en")} no-op jobs, enqueue to done, concurrency ${CONCURRENCY}`,
    );
    const rounds: { bare: number; flowgate: number }[] = [];
    for (let round = 1; round <= 3; round++) {
      const bare = await timeJobs(pool, "bench:bare", async () => {
        const runner = await run({
          pgPool: workerPool(server.url, CONCURRENCY),
          taskList: { "bench:bare": async () => {} },
          crontab: "",
          // Quiet, as Flowgate's runtime is at its default log level: printing is not the subject.
          logger: new Logger(() => () => {}),
          concurrency: CONCURRENCY,
          noHandleSignals: true,
          pollInterval: 2_000,
        });
        return () => runner.stop();
      });
      const flowgate = await timeJobs(pool, "system:ping", async () => {
        const workers = workerPool(server.url, CONCURRENCY);
        const worker = await startWorker({ pool: workers, concurrency: CONCURRENCY, crontab: "" });
        return async () => {
          await worker.stop();
          await workers.end();
        };
      });
      rounds.push({ bare, flowgate });
      say(
        `   round ${round}: graphile-worker bare ${bare.toFixed(0)} jobs/s, Flowgate ${flowgate.toFixed(0)} jobs/s (${((flowgate / bare) * 100).toFixed(0)}%)`,
      );
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const bare = median(rounds.map((r) => r.bare));
    const flowgate = median(rounds.map((r) => r.flowgate));
    say(
      `   median: bare ${bare.toFixed(0)} jobs/s, Flowgate ${flowgate.toFixed(0)} jobs/s = ${((flowgate / bare) * 100).toFixed(0)}% (goal ≥ 50%)`,
    );

    say(
      `\n2. decision → the next approver's mail in the catcher, ${MAILS} decisions one after the other`,
    );
    process.env.SMTP_URL = catcher.smtpUrl;
    process.env.AUTH_SECRET ??= "bench-auth-secret-0123456789abcdef";
    (globalThis as { flowgateDb?: unknown }).flowgateDb = db;
    const dept = await db.department.create({ data: { code: "BEN", name: "Bench" } });
    const make = async (email: string, roles: ("REQUESTER" | "MANAGER" | "FINANCE")[]) => {
      const user = await db.user.create({
        data: { email, name: email, passwordHash: "x", roles, departmentId: dept.id },
      });
      return { id: user.id, roles: user.roles, department: { id: dept.id } };
    };
    const requester = await make("requester@bench.test", ["REQUESTER"]);
    const manager = await make("manager@bench.test", ["REQUESTER", "MANAGER"]);
    await make("finance@bench.test", ["REQUESTER", "FINANCE"]);
    const workers = workerPool(server.url, CONCURRENCY);
    const worker = await startWorker({ pool: workers, concurrency: CONCURRENCY, crontab: "" });
    const latencies: number[] = [];
    try {
      for (let i = 0; i < MAILS; i++) {
        const title = `Bench chairs ${i}`;
        const draft = await createDraft(db, requester, {
          type: "PROCUREMENT",
          title,
          description: `${title}, EUR 14,280`,
          fields: { amount: 14_280, currency: "EUR" },
        });
        await submitRequest(db, requester, draft.id);
        const decided = performance.now();
        await decideStep(db, manager, draft.id, { decision: "approve" });
        // The finance step starts: its approver's mail.
        for (;;) {
          if (
            catcher
              .messages()
              .some((m) => m.to.includes("finance@bench.test") && m.subject.includes(title))
          )
            break;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        latencies.push(performance.now() - decided);
      }
    } finally {
      await worker.stop();
      await workers.end();
    }
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    say(
      `   p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${(latencies.at(-1) ?? 0).toFixed(0)} ms (goal p95 < 2,000 ms)`,
    );
  } finally {
    await catcher.stop();
    await db.$disconnect();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
