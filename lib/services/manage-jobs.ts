/**
 * An admin deals with a job that failed on every attempt (dead): retries it from its first
 * attempt, or abandons it with a reason. Either is recorded (job_actions) with who and why; an
 * abandoned job is gone from the queue, its record says what it was.
 */
import { z } from "zod";
import { finishRun } from "@/lib/db/action-runs";
import { type Db, poolOf } from "@/lib/db/client";
import { jobById, removeDeadJob, rescheduleDeadJob } from "@/lib/db/job-queue";
import { AppError, zodIssues } from "@/lib/errors";
import { cleanText } from "@/lib/forms/text";
import type { ServiceActor } from "./actor";

const JobId = z.string().regex(/^\d{1,18}$/, "Not a job id.");

export const JobActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("retry"), jobId: JobId }).strict(),
  z
    .object({
      action: z.literal("abandon"),
      jobId: JobId,
      reason: cleanText(
        z
          .string({ error: "Say why the job is abandoned." })
          .trim()
          .min(5, "Say why the job is abandoned (at least 5 characters).")
          .max(500, "Keep the reason under 500 characters."),
      ),
    })
    .strict(),
]);

export async function manageDeadJob(
  db: Db,
  admin: ServiceActor,
  input: unknown,
  now = new Date(),
): Promise<{ action: "retry" | "abandon"; task: string }> {
  const parsed = JobActionSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The job action is invalid.", zodIssues(parsed.error));
  }
  const pool = poolOf(db);
  const job = await jobById(pool, parsed.data.jobId);
  if (!job) throw new AppError("NOT_FOUND", "No such job: it may have run or been abandoned.");
  if (job.attempts < job.maxAttempts) {
    throw new AppError("INVALID_STATE", "This job is still being retried; only dead jobs can be.");
  }
  const done =
    parsed.data.action === "retry"
      ? await rescheduleDeadJob(pool, job.id)
      : await removeDeadJob(pool, job.id);
  if (!done) throw new AppError("INVALID_STATE", "The job changed meanwhile. Reload the page.");
  // An abandoned action is recorded on its request's audit trail, with who gave up and why.
  const runId = typeof job.payload.runId === "string" ? job.payload.runId : null;
  if (parsed.data.action === "abandon" && job.task === "action:run" && runId) {
    await finishRun(
      pool,
      runId,
      ["DEAD", "FAILED", "QUEUED"],
      {
        status: "ABANDONED",
        error: parsed.data.reason,
        audit: {
          action: "ACTION_ABANDONED",
          actor: { type: "USER", id: admin.id },
          fromStatus: null,
          toStatus: null,
          data: { reason: parsed.data.reason },
        },
      },
      now,
    );
  }
  await db.jobAction.create({
    data: {
      jobId: job.id,
      task: job.task,
      payload: job.payload as object,
      action: parsed.data.action === "retry" ? "RETRY" : "ABANDON",
      reason: parsed.data.action === "abandon" ? parsed.data.reason : null,
      adminId: admin.id,
      createdAt: now,
    },
  });
  return { action: parsed.data.action, task: job.task };
}
