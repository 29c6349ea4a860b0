/**
 * A hosted model's reading of a request, off the request path (the `ai:enrich` job): the request
 * was saved with the local provider's reading; the model's replaces it when it lands, with its
 * ENRICHED audit event, and open pages refresh (live updates). A failed attempt is retried by the
 * job runtime; after the last, the failure is recorded and the local reading stays.
 */
import type { AiSettings } from "@/lib/ai/config";
import { EnrichmentError, enrichText } from "@/lib/ai/enrich";
import { appendAuditNow } from "@/lib/db/audit-append";
import { type Db, poolOf } from "@/lib/db/client";
import type { JobContext } from "@/lib/jobs/job";
import { defaultAiSettings, enrichedEntry, failedEntry } from "./suggest";

export async function enrichLater(
  db: Db,
  requestId: string,
  job: Pick<JobContext, "attempt" | "maxAttempts">,
  ai: AiSettings = defaultAiSettings(),
  now = new Date(),
): Promise<"stored" | "failed" | "skipped"> {
  const request = await db.request.findUnique({
    where: { id: requestId },
    select: { description: true, status: true, requesterId: true },
  });
  if (!request || request.status === "CANCELLED") return "skipped";
  try {
    const enrichment = await enrichText(request.description, {
      provider: ai.provider,
      now,
      timeoutMs: ai.timeoutMs,
      retries: 0, // the job runtime retries, with backoff, off the request path
    });
    await appendAuditNow(
      poolOf(db),
      requestId,
      enrichedEntry(enrichment, request.requesterId, request.status),
      new Date(),
      { enrichment: { value: enrichment, error: null } },
    );
    return "stored";
  } catch (error) {
    if (job.attempt < job.maxAttempts) throw error;
    const message =
      error instanceof EnrichmentError ? error.message : "the AI layer failed unexpectedly";
    await appendAuditNow(
      poolOf(db),
      requestId,
      failedEntry(ai.provider.name, message, request.requesterId, request.status),
      new Date(),
    );
    return "failed";
  }
}
