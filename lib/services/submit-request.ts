/**
 * The requester submits a draft: it is bound to the newest workflow version and routed. When the
 * AI's suggestions were uncertain (below AI_CONFIDENCE_THRESHOLD), the requester must have
 * confirmed the fields first.
 */
import type { AiSettings } from "@/lib/ai/config";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { engineActor, type ServiceActor } from "./actor";
import { applyEvent } from "./apply-event";
import { needsConfirmation } from "./suggest";

export function submitRequest(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  options: { version?: number; now?: Date; ai?: AiSettings } = {},
) {
  return applyEvent(db, {
    requestId,
    event: { type: "SUBMIT" },
    actor: engineActor(actor),
    expectedVersion: options.version,
    now: options.now,
    prepare: async (loaded) => {
      if (
        loaded.confirmedAt === null &&
        needsConfirmation(loaded.enrichmentConfidence, options.ai?.confidenceThreshold)
      ) {
        throw new AppError(
          "CONFIRMATION_REQUIRED",
          `The suggestions are uncertain (confidence ${loaded.enrichmentConfidence?.toFixed(2)}). Check the type and fields, then confirm them before submitting.`,
          [{ field: "fields", message: "Confirm or correct the suggested fields." }],
        );
      }
      return { type: "SUBMIT" };
    },
  });
}
