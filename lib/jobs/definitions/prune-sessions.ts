/** Daily: deletes sessions a day past their expiry (nothing reads them any more). */
import { log } from "@/lib/log";
import { CronPayloadSchema, defineJob } from "../job";

export const pruneSessions = defineJob({
  id: "sessions:prune",
  title: "Delete expired sessions",
  schema: CronPayloadSchema,
  maxAttempts: 3,
  async run() {
    const { db } = await import("@/lib/db/client");
    const { deleteExpiredSessions } = await import("@/lib/db/sessions");
    const deleted = await deleteExpiredSessions(db(), new Date());
    if (deleted > 0) log.info({ deleted }, "expired sessions deleted");
  },
});
