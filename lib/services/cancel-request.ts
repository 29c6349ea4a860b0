/** The requester withdraws a request before its final decision, with an optional reason. */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError, zodIssues } from "@/lib/errors";
import { cleanText } from "@/lib/forms/text";
import { engineActor, type ServiceActor } from "./actor";
import { applyEvent } from "./apply-event";

const ReasonSchema = cleanText(
  z.string().trim().max(2_000, "Keep the reason under 2,000 characters."),
).optional();

export async function cancelRequest(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  options: { reason?: string; version?: number; now?: Date } = {},
) {
  const reason = ReasonSchema.safeParse(options.reason);
  if (!reason.success) {
    const issues = zodIssues(reason.error).map((issue) => ({ ...issue, field: "reason" }));
    throw new AppError("VALIDATION_FAILED", issues[0]?.message ?? "The reason is invalid.", issues);
  }
  return applyEvent(db, {
    requestId,
    event: { type: "CANCEL", reason: reason.data || undefined },
    actor: engineActor(actor),
    expectedVersion: options.version,
    now: options.now,
  });
}
