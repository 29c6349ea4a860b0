/** On a schedule (AUDIT_CHECKPOINT_CRON): a signed checkpoint of the audit chains that moved. */
import { log } from "@/lib/log";
import { CronPayloadSchema, defineJob } from "../job";

let warned = false;

export const auditCheckpoint = defineJob({
  id: "audit:checkpoint",
  title: "Checkpoint the audit trail",
  schema: CronPayloadSchema,
  maxAttempts: 5,
  async run() {
    const { checkpointSettings, writeCheckpoint } = await import("@/lib/audit/checkpoints");
    const settings = await checkpointSettings();
    if (!settings) {
      if (!warned)
        log.warn("audit checkpoints are off: set AUDIT_CHECKPOINT_FILE and AUDIT_SIGNING_KEY");
      warned = true;
      return;
    }
    const { db } = await import("@/lib/db/client");
    const heads = await writeCheckpoint(db(), settings, new Date());
    if (heads > 0) log.info({ heads }, "audit checkpoint written");
  },
});
