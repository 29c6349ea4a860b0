import { describe, expect, it } from "vitest";
import { jobSettings } from "./settings";

describe("the job runtime's settings", () => {
  it("default to workers in every process, the sweep every minute and reminders at 75%", () => {
    expect(jobSettings({})).toMatchObject({
      WORKERS: "true",
      WORKER_CONCURRENCY: 4,
      REMINDER_AT_SHARE: 0.75,
      crontab:
        "* * * * * sla:sweep ?fill=2m&max=3\n17 3 * * * sessions:prune\n*/5 * * * * audit:checkpoint ?fill=10m&max=5\n41 2 * * * audit:verify-all",
    });
  });

  it("take a schedule and a share", () => {
    expect(jobSettings({ SLA_SWEEP_CRON: "*/5 * * * *", REMINDER_AT_SHARE: "0.5" })).toMatchObject({
      REMINDER_AT_SHARE: 0.5,
      crontab:
        "*/5 * * * * sla:sweep ?fill=2m&max=3\n17 3 * * * sessions:prune\n*/5 * * * * audit:checkpoint ?fill=10m&max=5\n41 2 * * * audit:verify-all",
    });
  });

  it.each([
    [{ SLA_SWEEP_CRON: "every minute" }, /SLA_SWEEP_CRON/],
    [{ REMINDER_AT_SHARE: "1" }, /REMINDER_AT_SHARE/],
    [{ WORKER_CONCURRENCY: "0" }, /WORKER_CONCURRENCY/],
    [{ WORKERS: "no" }, /WORKERS/],
  ])("refuse %j, naming the variable", (env, message) => {
    expect(() => jobSettings(env)).toThrow(message);
  });
});
