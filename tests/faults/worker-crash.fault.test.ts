/**
 * Faults with real processes (`npm run test:faults`): worker processes started as users start them
 * (`scripts/run.ts worker`), killed with SIGKILL mid-work, on one real PostgreSQL.
 *
 * 1. kill -9 a worker in the middle of 200 approved webhook actions against a local receiver that
 *    counts deliveries per idempotency key: after a second worker starts, every action has run,
 *    none is lost, none is recorded as executed twice (deliveries may repeat: at least once).
 * 2. two worker processes on one database: 2,000 overdue steps are each escalated exactly once, and
 *    every mail (escalation and reminder) is sent once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { type MailCatcher, startMailCatcher } from "@/lib/mail/catcher";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { submitRequest } from "@/lib/services/submit-request";
import { setupWorld } from "../integration/world";

const ctx = setupWorld();
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SECRET = `whsec_${Buffer.from("fault-test-secret-0123456789abcdef").toString("base64")}`;

let catcher: MailCatcher;
const children: ChildProcess[] = [];

/** A worker process as `npm run worker` runs it (or, with mode "start", a web process), on this test's database. */
function startWorkerProcess(
  extra: Record<string, string> = {},
  mode: "worker" | "start" = "worker",
): ChildProcess {
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a child process,
  // and a SIGKILL to it would leave that child working.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/run.ts", mode], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: ctx.t.url,
      MIGRATE_ON_START: "false",
      AUTH_SECRET: "fault-test-auth-secret-0123456789",
      WEBHOOK_SECRET: SECRET,
      SMTP_URL: catcher.smtpUrl,
      WORKER_CONCURRENCY: "4",
      WORKER_PRESUMED_DEAD_MS: "4000",
      LOG_LEVEL: "error",
      ...extra,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  catcher = await startMailCatcher();
});

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          // SIGTERM: a web process's launcher stops its Next.js child on the way out (a SIGKILL
          // would leave that child running); SIGKILL if it has not gone after 20 s.
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 20_000).unref();
        }),
    ),
  );
  await catcher?.stop();
});

describe.skipIf(process.env.FAULT === "sweep")(
  "a worker killed in the middle of 200 webhook actions",
  () => {
    it("loses none and records none twice", async () => {
      const seen = new Map<string, number>();
      const receiver = http.createServer((request, response) => {
        request.resume();
        request.on("end", () => {
          const id = String(request.headers["webhook-id"]);
          seen.set(id, (seen.get(id) ?? 0) + 1);
          // Slow enough that the kill lands mid-way.
          setTimeout(() => response.writeHead(200).end("ok"), 40);
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      try {
        const ids: string[] = [];
        for (let i = 0; i < 200; i++) {
          const draft = await createDraft(ctx.t.db, ctx.w.requester, {
            type: "GENERAL",
            title: `Hook ${i}`,
            description: `Call the hook ${i}.`,
            action: { tool: "webhook", params: { url, payload: { i } } },
          });
          await submitRequest(ctx.t.db, ctx.w.requester, draft.id);
          await decideStep(ctx.t.db, ctx.w.managerEng, draft.id, { decision: "approve" });
          ids.push(draft.id);
        }
        const first = startWorkerProcess();
        await until(async () => seen.size >= 40, 60_000, "the first deliveries");
        first.kill("SIGKILL");
        const deliveredBeforeKill = seen.size;
        expect(deliveredBeforeKill).toBeLessThan(200);

        startWorkerProcess();
        const pool = poolOf(ctx.t.db);
        await until(
          async () =>
            (
              await pool.query<{ n: number }>(
                "SELECT count(*)::int AS n FROM action_runs WHERE status = 'SUCCEEDED'",
              )
            ).rows[0]?.n === 200,
          120_000,
          "every action to succeed",
        ).catch(async (error) => {
          const runs = await pool.query(
            "SELECT status, count(*)::int AS n FROM action_runs GROUP BY 1",
          );
          const jobs = await pool.query(
            `SELECT t.identifier, j.attempts, j.locked_by, j.last_error, count(*)::int AS n
             FROM graphile_worker._private_jobs j
             JOIN graphile_worker._private_tasks t ON t.id = j.task_id GROUP BY 1, 2, 3, 4`,
          );
          const beats = await pool.query("SELECT pool_id, seen_at FROM worker_heartbeats");
          throw new Error(
            `${(error as Error).message}: runs ${JSON.stringify(runs.rows)}; jobs ${JSON.stringify(jobs.rows)}; heartbeats ${JSON.stringify(beats.rows)}`,
          );
        });
        const runs = await pool.query<{ status: string; n: number }>(
          "SELECT status, count(*)::int AS n FROM action_runs GROUP BY status",
        );
        expect(runs.rows).toEqual([{ status: "SUCCEEDED", n: 200 }]);
        const executed = await pool.query<{ request_id: string; n: number }>(
          `SELECT request_id::text, count(*)::int AS n FROM audit_events
         WHERE action = 'ACTION_EXECUTED' GROUP BY request_id`,
        );
        expect(executed.rows).toHaveLength(200);
        expect(executed.rows.every((row) => row.n === 1)).toBe(true);
        expect(new Set(executed.rows.map((r) => r.request_id))).toEqual(new Set(ids));
        // Every action reached the receiver; a redelivery (the kill landed mid-call) carries the same id.
        expect(seen.size).toBe(200);
        const repeated = [...seen.values()].filter((n) => n > 1).length;
        console.log(
          `delivered before the kill: ${deliveredBeforeKill}; delivered again after it (same webhook-id): ${repeated}`,
        );
      } finally {
        await new Promise((resolve) => receiver.close(resolve));
      }
    }, 240_000);
  },
);

describe("two worker processes on one database", () => {
  it("escalate each of 10,000 overdue steps once, and send every mail once", async () => {
    const many = await startMailCatcher({ keep: 100_000 });
    const pool = poolOf(ctx.t.db);
    try {
      const workflow = await ctx.t.db.workflowDefinition.findFirstOrThrow({
        where: { type: "PROCUREMENT" },
        orderBy: { version: "desc" },
      });
      // Steps submitted three days ago and overdue since an hour, made in SQL (10,000 through the
      // services would take minutes): the sweep's own input, as the engine benchmark makes it.
      await pool.query(
        `INSERT INTO requests (id, type, title, description, fields, status, workflow_id, current_node_id,
           round, version, requester_id, department_id, step_node_id, step_role, step_department_id,
           step_quorum, step_started_at, step_due_at, step_escalate_to, step_visit_id, submitted_at,
           created_at, updated_at, audit_seq, audit_hash)
         SELECT gen_random_uuid(), 'PROCUREMENT', 'Overdue ' || g, 'overdue', '{"amount": 500, "currency": "EUR"}',
           'IN_REVIEW', $1::uuid, 'manager_only', 1, 3, $2::uuid, $3::uuid, 'manager_only', 'MANAGER', $3::uuid,
           '"any"', now() - interval '3 days', now() - interval '1 hour' - (g % 100) * interval '1 second',
           'DIRECTOR', gen_random_uuid(), now() - interval '3 days', now() - interval '3 days', now(), 2,
           md5(g::text)
         FROM generate_series(1, 10000) g`,
        [workflow.id, ctx.w.requester.id, ctx.w.eng],
      );
      const workerEnv = {
        SMTP_URL: many.smtpUrl,
        // Reminders at 0.01% of the escalated step's 24 hours (~9 s): they come during the test.
        REMINDER_AT_SHARE: "0.0001",
        SLA_SWEEP_CRON: "* * * * *",
      };
      // Two web processes that run no jobs (WORKERS=false), as behind a load balancer, and two
      // worker processes that run them all.
      const web = [3391, 3392].map((port) =>
        startWorkerProcess({ ...workerEnv, WORKERS: "false", PORT: String(port) }, "start"),
      );
      const workers = [startWorkerProcess(workerEnv), startWorkerProcess(workerEnv)];
      const count = async (sql: string) => (await pool.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
      for (const port of [3391, 3392]) {
        await until(
          async () =>
            (await fetch(`http://localhost:${port}/api/health`).catch(() => null))?.ok === true,
          120_000,
          `the web process on port ${port}`,
        );
      }
      // The next minute's tick escalates them (one of the two workers runs it).
      await until(
        async () =>
          (await count(
            "SELECT count(*)::int AS n FROM requests WHERE title LIKE 'Overdue %' AND status = 'ESCALATED'",
          )) === 10_000,
        150_000,
        "the sweep to escalate every step",
      );
      const escalations = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'SLA_ESCALATED' GROUP BY request_id`,
      );
      expect(escalations.rows).toHaveLength(10_000);
      expect(escalations.rows.every((row) => row.n === 1)).toBe(true);

      // Each escalated step's mail to the Director, and its reminder: 20,000 mails, each once.
      const references = () => many.messages().filter((m) => m.subject.includes("Overdue"));
      await until(async () => references().length >= 20_000, 420_000, "every mail").catch(
        async (error) => {
          const jobs = await pool.query(
            `SELECT t.identifier, count(*)::int AS n, max(j.attempts) AS attempts, max(j.last_error) AS error
             FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
             GROUP BY 1`,
          );
          throw new Error(
            `${(error as Error).message}: ${references().length} mails; jobs ${JSON.stringify(jobs.rows)}`,
          );
        },
      );
      await until(
        async () =>
          (await count(
            `SELECT count(*)::int AS n FROM graphile_worker._private_jobs j
             JOIN graphile_worker._private_tasks t ON t.id = j.task_id
             WHERE t.identifier LIKE 'notify:%'`,
          )) === 0,
        60_000,
        "the mail jobs to finish",
      );
      const mails = references();
      const keys = mails.map((m) => m.reference);
      expect(new Set(keys).size).toBe(keys.length);
      expect(mails.filter((m) => m.subject.startsWith("Escalated to Director"))).toHaveLength(
        10_000,
      );
      expect(mails.filter((m) => m.subject.startsWith("Reminder:"))).toHaveLength(10_000);
      expect(await count("SELECT count(*)::int AS n FROM mail_deliveries")).toBeGreaterThanOrEqual(
        20_000,
      );
      // The web processes ran no jobs: only the two workers ever said they were alive.
      const pids = (
        await pool.query<{ pid: number }>("SELECT pid FROM worker_heartbeats ORDER BY pid")
      ).rows.map((r) => r.pid);
      expect(pids).toEqual(workers.map((w) => w.pid).sort((a, b) => (a ?? 0) - (b ?? 0)));
      // …and both web processes are still up, serving.
      for (const process of web) expect(process.exitCode).toBeNull();
    } finally {
      await many.stop();
    }
  }, 600_000);
});
