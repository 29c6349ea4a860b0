/**
 * A job that fails on every attempt is dead, shown to admins, who retry it or abandon it with a
 * reason; both are recorded. A real worker runs the jobs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { failedJobs, jobById, queueSummary } from "@/lib/db/job-queue";
import { AppError } from "@/lib/errors";
import { JOBS } from "@/lib/jobs/catalog";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { reapDeadWorkers } from "@/lib/jobs/runtime";
import { manageDeadJob } from "@/lib/services/manage-jobs";
import { startJobWorker } from "./job-worker";
import { createUserAs, setupWorld } from "./world";

const ctx = setupWorld();
let worker: Awaited<ReturnType<typeof startJobWorker>>;

beforeAll(async () => {
  worker = await startJobWorker(ctx.t.db, ctx.t.url, { concurrency: 1, poolSize: 1 });
});
afterAll(async () => {
  await worker?.stop();
});

/** A job no handler can read (its payload fails the schema), allowed one attempt: it dies. */
async function deadJob(): Promise<string> {
  const key = `broken:${crypto.randomUUID()}`;
  await enqueueJobs(poolOf(ctx.t.db), [
    { task: "notify:requester", payload: { requestId: "not-a-uuid" }, key, maxAttempts: 1 },
  ]);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const dead = (await failedJobs(poolOf(ctx.t.db))).find(
      (j) => j.key === key && j.attempts >= j.maxAttempts,
    );
    if (dead) return dead.id;
    if (Date.now() > deadline) throw new Error("the broken job did not die");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function refusal(input: unknown): Promise<AppError> {
  const admin = await ctx.t.db.user.findFirstOrThrow({ where: { email: "admin@w.test" } });
  const error = await manageDeadJob(
    ctx.t.db,
    { id: admin.id, roles: admin.roles, department: null },
    input,
  ).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the job queue", () => {
  it("knows every job Flowgate defines (statements queue them by task id)", async () => {
    const { rows } = await poolOf(ctx.t.db).query<{ identifier: string }>(
      "SELECT identifier FROM graphile_worker._private_tasks",
    );
    expect(rows.map((r) => r.identifier)).toEqual(expect.arrayContaining(JOBS.map((j) => j.id)));
  });
});

describe("dead jobs", () => {
  beforeAll(async () => {
    await createUserAs(ctx.t.db, "admin@w.test", ["REQUESTER", "ADMIN"], null);
  });

  it("are counted and listed with their last error", async () => {
    const id = await deadJob();
    const job = await jobById(poolOf(ctx.t.db), id);
    expect(job?.lastError).toContain("invalid notify:requester payload");
    expect((await queueSummary(poolOf(ctx.t.db))).dead).toBeGreaterThanOrEqual(1);
  });

  it("are run again from their first attempt when an admin retries them", async () => {
    const id = await deadJob();
    const admin = await ctx.t.db.user.findFirstOrThrow({ where: { email: "admin@w.test" } });
    const actor = { id: admin.id, roles: admin.roles, department: null };
    expect(await manageDeadJob(ctx.t.db, actor, { action: "retry", jobId: id })).toEqual({
      action: "retry",
      task: "notify:requester",
    });
    // It runs again (and, still broken, dies again): one more attempt was made.
    const deadline = Date.now() + 10_000;
    let job = await jobById(poolOf(ctx.t.db), id);
    while (
      job &&
      !(job.attempts >= job.maxAttempts && job.lockedAt === null) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = await jobById(poolOf(ctx.t.db), id);
    }
    expect(job).toMatchObject({ attempts: 1, maxAttempts: 1 });
    expect(await ctx.t.db.jobAction.findFirst({ where: { jobId: id } })).toMatchObject({
      action: "RETRY",
      adminId: admin.id,
      task: "notify:requester",
    });
  });

  it("are gone when abandoned, with the reason on record", async () => {
    const id = await deadJob();
    const admin = await ctx.t.db.user.findFirstOrThrow({ where: { email: "admin@w.test" } });
    await manageDeadJob(
      ctx.t.db,
      { id: admin.id, roles: admin.roles, department: null },
      { action: "abandon", jobId: id, reason: "Test payload, never valid" },
    );
    expect(await jobById(poolOf(ctx.t.db), id)).toBeNull();
    expect(
      await ctx.t.db.jobAction.findFirst({ where: { jobId: id, action: "ABANDON" } }),
    ).toMatchObject({ reason: "Test payload, never valid", payload: { requestId: "not-a-uuid" } });
  });

  it("refuse a missing reason, a job that is not dead, an unknown job and a malformed id", async () => {
    const id = await deadJob();
    const noReason = await refusal({ action: "abandon", jobId: id, reason: " " });
    expect(noReason).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(noReason.issues.map((i) => i.field)).toEqual(["reason"]);
    expect(await jobById(poolOf(ctx.t.db), id)).not.toBeNull(); // nothing changed

    const later = crypto.randomUUID();
    await enqueueJobs(poolOf(ctx.t.db), [
      {
        task: "notify:requester",
        payload: { requestId: later, seq: 1 },
        key: `later:${later}`,
        runAt: new Date(Date.now() + 3_600_000),
        maxAttempts: 5,
      },
    ]);
    const { rows } = await poolOf(ctx.t.db).query<{ id: string }>(
      `SELECT id::text AS id FROM graphile_worker._private_jobs WHERE key = $1`,
      [`later:${later}`],
    );
    expect(await refusal({ action: "retry", jobId: rows[0]?.id })).toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await refusal({ action: "retry", jobId: "999999999" })).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await refusal({ action: "retry", jobId: "1; DROP TABLE users" })).toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await refusal({ action: "explode", jobId: id })).toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});

describe("a worker that died holding a job", () => {
  it("has the job unlocked once it has been silent long enough, so another worker runs it", async () => {
    const pool = poolOf(ctx.t.db);
    const key = `held:${crypto.randomUUID()}`;
    await enqueueJobs(pool, [
      {
        task: "system:ping",
        payload: {},
        key,
        maxAttempts: 1,
        runAt: new Date(Date.now() + 3_600_000),
      },
    ]);
    // As a process killed mid-job leaves it: locked by a pool that never speaks again.
    await pool.query(
      `UPDATE graphile_worker._private_jobs SET locked_by = 'pool-gone', locked_at = now() - interval '10 seconds'
       WHERE key = $1`,
      [key],
    );
    const locked = async () =>
      (
        await pool.query<{ locked_by: string | null }>(
          "SELECT locked_by FROM graphile_worker._private_jobs WHERE key = $1",
          [key],
        )
      ).rows[0]?.locked_by;
    expect(await reapDeadWorkers(pool, 60_000)).toBe(0); // not silent long enough yet
    expect(await locked()).toBe("pool-gone");
    expect(await reapDeadWorkers(pool, 5_000)).toBe(1);
    expect(await locked()).toBeNull();
    // Running again changes nothing.
    expect(await reapDeadWorkers(pool, 5_000)).toBe(0);
  });
});
