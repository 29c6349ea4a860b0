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
import { Logger, type Runner, run, runMigrations } from "graphile-worker";
import type pg from "pg";
import { log } from "@/lib/log";
import { taskList } from "./catalog";
import { jobSettings } from "./settings";

export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: graphileLogger() });
}

export interface WorkerOptions {
  pool: pg.Pool;
  /** Jobs this process runs at once. */
  concurrency?: number;
  /** The crontab (graphile-worker's format): the SLA sweep, by default every minute. */
  crontab?: string;
  /** How long running jobs may take to finish on stop before they are released. */
  shutdownTimeoutMs?: number;
}

export interface Worker {
  stop(): Promise<void>;
  /** Resolves when the worker has stopped (after stop(), or on a fatal error). */
  done: Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const runner: Runner = await run({
    pgPool: options.pool,
    taskList: taskList(),
    crontab: options.crontab ?? jobSettings().crontab,
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: 2_000,
    gracefulShutdownAbortTimeout: options.shutdownTimeoutMs ?? 30_000,
    logger: graphileLogger(),
  });
  return {
    stop: () => runner.stop(),
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
