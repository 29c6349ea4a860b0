/**
 * The job runtime: graphile-worker on Flowgate's own PostgreSQL.
 *
 * - `migrateJobQueue` installs or upgrades its schema (graphile_worker), after Prisma's migrations;
 *   the launcher runs it at every start, like `prisma migrate deploy`.
 * - `startWorker` runs jobs in this process: `npm run dev` and `npm start` do so by default
 *   (WORKERS=false turns it off in web processes), `npm run worker` runs only that. Settings:
 *   lib/jobs/settings.ts. Any number of
 *   processes on one database cooperate: a job is locked by the one that runs it, a crontab tick
 *   is claimed once across all of them (graphile-worker's known_crontabs), and a process that dies
 *   mid-job has its locks released after four hours or at the next start of any worker
 *   (minResetLockedInterval), so the job runs again elsewhere.
 * - On SIGTERM the launcher calls `stop()`: no new jobs are taken, running ones finish (or are
 *   released after JOB_SHUTDOWN_TIMEOUT_MS and retried by another process).
 */

import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { Logger, type Runner, run, runMigrations, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { log } from "@/lib/log";
import { closeMailTransport } from "@/lib/mail/transport";
import { taskList } from "./catalog";
import { jobSettings } from "./settings";

/**
 * Installs or upgrades graphile-worker's schema and registers every Flowgate task, so statements
 * that queue jobs in SQL (lib/db/transition-writer.ts) find each task's id.
 */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: graphileLogger() });
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO graphile_worker._private_tasks (identifier) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [Object.keys(taskList())],
    );
  } finally {
    await client.end();
  }
}

/**
 * A pool for a worker: its jobs, plus graphile-worker's LISTEN connection and its crontab's. A
 * connection dropped while idle (the database restarting) is replaced on next use.
 */
export function workerPool(connectionString: string, concurrency: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: concurrency + 2 });
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

export interface WorkerOptions {
  pool: pg.Pool;
  /** Jobs this process runs at once. */
  concurrency?: number;
  /** The crontab (graphile-worker's format): the SLA sweep, by default every minute. */
  crontab?: string;
  /** How long running jobs may take to finish on stop before they are released. */
  shutdownTimeoutMs?: number;
  /** A worker silent this long is presumed dead: its jobs are unlocked for others. */
  presumedDeadMs?: number;
}

export interface Worker {
  stop(): Promise<void>;
  /** Resolves when the worker has stopped (after stop(), or on a fatal error). */
  done: Promise<void>;
}

/**
 * graphile-worker releases the jobs of a crashed process only after four hours. Here every worker
 * pool writes a heartbeat; any worker unlocks the jobs held by pools silent for
 * WORKER_PRESUMED_DEAD_MS (or by pools that never wrote one), so a killed worker's jobs run again
 * within a minute.
 */
const REAP = `WITH dead AS (
    SELECT DISTINCT j.locked_by AS id FROM graphile_worker._private_jobs j
    WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - $1::interval
      AND NOT EXISTS (SELECT 1 FROM worker_heartbeats h
                      WHERE h.pool_id = j.locked_by AND h.seen_at >= now() - $1::interval)
  ), unlocked AS (
    SELECT graphile_worker.force_unlock_workers(ARRAY(SELECT id FROM dead))
  ), forgotten AS (
    DELETE FROM worker_heartbeats WHERE seen_at < now() - $1::interval OR pool_id IN (SELECT id FROM dead)
    RETURNING 1
  )
  -- Both read here: a CTE that is not read is not run (the unlock once hid in a RETURNING that ran
  -- only when a heartbeat row was deleted).
  SELECT (SELECT count(*) FROM dead)::int AS dead, (SELECT count(*) FROM unlocked)::int AS unlocked,
         (SELECT count(*) FROM forgotten)::int AS forgotten`;

async function beat(
  pool: pg.Pool,
  poolId: string,
  startedAt: Date,
  presumedDeadMs: number,
): Promise<void> {
  await pool.query(
    `INSERT INTO worker_heartbeats (pool_id, host, pid, started_at, seen_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (pool_id) DO UPDATE SET seen_at = now()`,
    [poolId, hostname(), process.pid, startedAt],
  );
  await reapDeadWorkers(pool, presumedDeadMs);
}

/** Unlocks the jobs of worker pools silent for `presumedDeadMs`; how many pools were dead. */
export async function reapDeadWorkers(pool: pg.Pool, presumedDeadMs: number): Promise<number> {
  const { rows } = await pool.query<{ dead: number }>(REAP, [`${presumedDeadMs} milliseconds`]);
  return rows[0]?.dead ?? 0;
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const startedAt = new Date();
  const presumedDeadMs = options.presumedDeadMs ?? jobSettings().WORKER_PRESUMED_DEAD_MS;
  const poolIds: string[] = [];
  // Listening before run() starts: the pool is created inside it.
  const events = new EventEmitter() as WorkerEvents;
  events.on("pool:create", ({ workerPool }) => {
    poolIds.push(workerPool.id);
  });
  const runner: Runner = await run({
    events,
    pgPool: options.pool,
    taskList: taskList(),
    crontab: options.crontab ?? jobSettings().crontab,
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: 2_000,
    gracefulShutdownAbortTimeout: options.shutdownTimeoutMs ?? 30_000,
    logger: graphileLogger(),
  });
  const heartbeat = async () => {
    for (const id of poolIds) {
      await beat(options.pool, id, startedAt, presumedDeadMs).catch((error) =>
        log.warn({ err: error, component: "jobs" }, "worker heartbeat failed"),
      );
    }
  };
  await heartbeat();
  // A worker says it is alive four times within the time after which it is presumed dead.
  const timer = setInterval(heartbeat, presumedDeadMs / 4);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await runner.stop();
      // The jobs have finished: their mail connections are let go.
      closeMailTransport();
      await options.pool
        .query("DELETE FROM worker_heartbeats WHERE pool_id = ANY($1::text[])", [poolIds])
        .catch(() => {});
    },
    done: runner.promise,
  };
}

/** graphile-worker's log lines through the app's logger. */
function graphileLogger() {
  return new Logger(() => (level, message, meta) => {
    const line = { component: "jobs", ...(meta ?? {}) };
    if (level === "error") log.error(line, message);
    else if (level === "warning") log.warn(line, message);
    // graphile-worker reports every completed job at "info": that is debug detail here.
    else log.debug(line, message);
  });
}
