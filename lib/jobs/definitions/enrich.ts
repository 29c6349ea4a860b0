/** A hosted AI model reads a request's text off the request path; the page updates when it lands. */
import { z } from "zod";
import { defineJob } from "../job";

export const enrichJob = defineJob({
  id: "ai:enrich",
  title: "Read a request with the hosted AI model",
  schema: z.object({ requestId: z.uuid() }).strict(),
  // e^1 … e^3 seconds between attempts (each with the model's own timeout), then the local
  // provider's reading stays and the failure is recorded.
  maxAttempts: 4,
  async run(payload, context) {
    const { db } = await import("@/lib/db/client");
    const { enrichLater } = await import("@/lib/services/enrich-later");
    await enrichLater(db(), payload.requestId, context);
  },
});
