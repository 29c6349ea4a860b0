/**
 * The job runtime's settings, read from the environment and checked: a bad value stops the
 * launcher with one line naming the variable rather than running with a guess.
 */
import { parseCrontab } from "graphile-worker";
import { z } from "zod";

const JobEnvSchema = z.object({
  /** `false`: this web process runs no jobs (run `npm run worker` processes instead). */
  WORKERS: z.enum(["true", "false"]).default("true"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  JOB_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /** When the SLA sweep runs (crontab's five fields; every minute by default). */
  SLA_SWEEP_CRON: z.string().min(9).max(100).default("* * * * *"),
  /** When a signed checkpoint of the audit chains is written (lib/audit/checkpoints.ts). */
  AUDIT_CHECKPOINT_CRON: z.string().min(9).max(100).default("*/5 * * * *"),
  /** Share of a step's SLA after which its approvers get a reminder. */
  REMINDER_AT_SHARE: z.coerce.number().gt(0).lt(1).default(0.75),
  /** A worker silent this long is presumed dead and its jobs are run by others. */
  WORKER_PRESUMED_DEAD_MS: z.coerce.number().int().min(2_000).max(600_000).default(45_000),
});

export type JobSettings = z.infer<typeof JobEnvSchema> & { crontab: string };

export function jobSettings(
  source: Readonly<Record<string, string | undefined>> = process.env,
): JobSettings {
  const parsed = JobEnvSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  // fill=2m: a tick missed while no worker ran (a deploy) still runs once, not a backlog.
  // Expired sessions go at 03:17 each day (a missed day is not caught up: the next one does it).
  const crontab = [
    `${parsed.data.SLA_SWEEP_CRON} sla:sweep ?fill=2m&max=3`,
    "17 3 * * * sessions:prune",
    `${parsed.data.AUDIT_CHECKPOINT_CRON} audit:checkpoint ?fill=10m&max=5`,
    // Every chain verified each night at 02:41 (a missed night is not caught up).
    "41 2 * * * audit:verify-all",
  ].join("\n");
  for (const name of ["SLA_SWEEP_CRON", "AUDIT_CHECKPOINT_CRON"] as const) {
    try {
      parseCrontab(`${parsed.data[name]} x`);
    } catch {
      throw new Error(`${name}: "${parsed.data[name]}" is not a crontab schedule`);
    }
  }
  return { ...parsed.data, crontab };
}
