/**
 * Deletes a removed attachment's object from the S3-compatible store (lib/attachments/store.ts).
 * Queued in the removal's transaction, so a removal's bytes always go even when the store is
 * down at that moment: the job retries with backoff. Deleting an object already gone succeeds.
 */
import { z } from "zod";
import { defineJob } from "../job";

export const attachmentPurgeJob = defineJob({
  id: "attachment:purge",
  title: "Delete a removed file from the object store",
  schema: z.object({ storageKey: z.string().min(1).max(300) }).strict(),
  maxAttempts: 25,
  async run(payload) {
    const { objectStore } = await import("@/lib/attachments/store");
    await objectStore().delete(payload.storageKey);
  },
});
