/** The SLA sweep on a schedule (crontab, every minute by default): escalates overdue steps. */
import { log } from "@/lib/log";
import { CronPayloadSchema, defineJob } from "../job";

export const slaSweep = defineJob({
  id: "sla:sweep",
  title: "Escalate overdue steps",
  schema: CronPayloadSchema,
  maxAttempts: 3,
  async run() {
    // Handlers load the services they use only when they run (no import cycle with lib/db).
    const { db } = await import("@/lib/db/client");
    const { escalateOverdue } = await import("@/lib/services/escalate-overdue");
    const result = await escalateOverdue(db(), { now: new Date() });
    if (result.escalated > 0 || result.failed > 0) log.info({ ...result }, "SLA sweep");
  },
});
