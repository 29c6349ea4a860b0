/**
 * The requester edits (or simply confirms) a draft, or a request sent back for changes. Whatever
 * they save is confirmed: confirmed values always win over the AI's suggestions.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ActionSchema, RequestFieldsSchema, RequestTypeSchema } from "@/lib/engine";
import { AppError, zodIssues } from "@/lib/errors";
import { checkActionParams } from "@/lib/tools/registry";
import { engineActor, type ServiceActor } from "./actor";
import { applyEvent } from "./apply-event";

export const UpdateDraftSchema = z
  .object({
    type: RequestTypeSchema.optional(),
    fields: RequestFieldsSchema,
    action: ActionSchema.nullable().optional(),
    version: z.number().int().optional(),
  })
  .strict();

export async function updateDraft(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  input: unknown,
  now?: Date,
) {
  const parsed = UpdateDraftSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      "VALIDATION_FAILED",
      "The request has invalid fields.",
      zodIssues(parsed.error),
    );
  const action = parsed.data.action;
  const actionIssues = action ? checkActionParams(action.tool, action.params) : [];
  if (actionIssues.length) {
    throw new AppError("VALIDATION_FAILED", "The action's parameters are invalid.", actionIssues);
  }
  return applyEvent(db, {
    requestId,
    event: {
      type: "UPDATE",
      fields: parsed.data.fields,
      action: parsed.data.action,
      requestType: parsed.data.type,
    },
    actor: engineActor(actor),
    expectedVersion: parsed.data.version,
    now,
    details: { confirmed: true },
  });
}
