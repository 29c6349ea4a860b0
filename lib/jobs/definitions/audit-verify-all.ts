/** Verifies every audit chain: on demand (the audit page) and nightly (lib/services/verify-all.ts). */
import { z } from "zod";
import { defineJob } from "../job";

export const auditVerifyAll = defineJob({
  id: "audit:verify-all",
  title: "Verify every audit chain",
  schema: z
    .object({
      verificationId: z.uuid().optional(),
      _cron: z.object({ ts: z.string() }).passthrough().optional(),
    })
    .passthrough(),
  // Once: a run that failed says so on its row; the next run starts afresh.
  maxAttempts: 1,
  async run(payload) {
    const { db } = await import("@/lib/db/client");
    const { runVerification } = await import("@/lib/services/verify-all");
    await runVerification(db(), payload.verificationId ?? null);
  },
});
