/**
 * Daily: deletes sessions a day past their expiry (nothing reads them any more) and API answers
 * kept under an Idempotency-Key past their 24 hours.
 */
import { log } from "@/lib/log";
import { CronPayloadSchema, defineJob } from "../job";

export const pruneSessions = defineJob({
  id: "sessions:prune",
  title: "Delete expired sessions and idempotency keys",
  schema: CronPayloadSchema,
  maxAttempts: 3,
  async run() {
    const { db } = await import("@/lib/db/client");
    const { deleteExpiredSessions } = await import("@/lib/db/sessions");
    const { pruneIdempotencyKeys } = await import("@/lib/db/idempotency");
    const now = new Date();
    const deleted = await deleteExpiredSessions(db(), now);
    if (deleted > 0) log.info({ deleted }, "expired sessions deleted");
    const keys = await pruneIdempotencyKeys(db(), now);
    if (keys > 0) log.info({ deleted: keys }, "expired idempotency keys deleted");
  },
});
