/**
 * After changes were requested, the requester resubmits: the AI reads the text again (fresh
 * summary and warnings for the approvers; the requester's confirmed fields stay as they are), and
 * a new round is routed from the start.
 */

import type { AiSettings } from "@/lib/ai/config";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { jobRequest } from "@/lib/jobs/catalog";
import { engineActor, type ServiceActor } from "./actor";
import { applyEvent } from "./apply-event";
import { defaultAiSettings, inlineAi, suggest } from "./suggest";

export async function resubmitRequest(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  options: { version?: number; now?: Date; ai?: AiSettings } = {},
) {
  const now = options.now ?? new Date();
  const request = !isUuid(requestId)
    ? null
    : await db.request.findUnique({
        where: { id: requestId },
        select: { description: true, status: true, requesterId: true },
      });
  if (!request) throw new AppError("NOT_FOUND", "No such request.");
  // Only the requester's own resubmission is worth a model call; the engine refuses anything else.
  // A hosted model reads it again later (a job); the local provider reads it now.
  const ai = inlineAi(options.ai ?? defaultAiSettings());
  const suggestion =
    request.requesterId === actor.id && request.status === "CHANGES_REQUESTED"
      ? await suggest(
          request.description,
          { requesterId: actor.id, status: request.status, now },
          ai.now,
        )
      : null;
  return applyEvent(db, {
    requestId,
    event: { type: "RESUBMIT" },
    actor: engineActor(actor),
    expectedVersion: options.version,
    now,
    auditBefore: suggestion ? [suggestion.audit] : [],
    details: suggestion
      ? {
          enrichment: { value: suggestion.enrichment ?? undefined, error: suggestion.error },
          jobs: ai.later ? [jobRequest("ai:enrich", { requestId })] : [],
        }
      : {},
  });
}
