/**
 * A real job worker on a test database, as the app runs one: its own small pool, no schedule, and
 * the app's `db()` pointed at the test database for the jobs' handlers. `stop()` undoes it all.
 */
import type { PrismaClient } from "@prisma/client";
import { startWorker, workerPool } from "@/lib/jobs/runtime";

export async function startJobWorker(
  db: PrismaClient,
  url: string,
  options: { concurrency?: number; poolSize?: number; presumedDeadMs?: number } = {},
): Promise<{ stop(): Promise<void> }> {
  (globalThis as { flowgateDb?: unknown }).flowgateDb = db;
  const pool = workerPool(url, options.poolSize ?? 2);
  const worker = await startWorker({
    pool,
    concurrency: options.concurrency ?? 2,
    crontab: "",
    ...(options.presumedDeadMs ? { presumedDeadMs: options.presumedDeadMs } : {}),
  });
  return {
    async stop() {
      await worker.stop();
      await pool.end();
      delete (globalThis as { flowgateDb?: unknown }).flowgateDb;
    },
  };
}
