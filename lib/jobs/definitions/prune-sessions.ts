/** Daily: deletes sessions a day past their expiry (nothing reads them any more). */
import { z } from "zod";
import { log } from "@/lib/log";
import { defineJob } from "../job";

export const pruneSessions = defineJob({
  id: "sessions:prune",
  title: "Delete expired sessions",
  schema: z.object({ _cron: z.object({ ts: z.string() }).passthrough().optional() }).passthrough(),
  maxAttempts: 3,
  async run() {
    const { db } = await import("@/lib/db/client");
    const { deleteExpiredSessions } = await import("@/lib/db/sessions");
    const deleted = await deleteExpiredSessions(db(), new Date());
    if (deleted > 0) log.info({ deleted }, "expired sessions deleted");
  },
});
