/** A requester writes a new request; it starts as a DRAFT with a CREATED audit event. */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { insertDraft } from "@/lib/db/requests";
import { ActionSchema, RequestFieldsSchema, RequestTypeSchema } from "@/lib/engine";
import { AppError, zodIssues } from "@/lib/errors";
import { cleanText } from "@/lib/forms/text";
import { checkActionParams } from "@/lib/tools/registry";
import type { ServiceActor } from "./actor";

export const DraftInputSchema = z
  .object({
    type: RequestTypeSchema,
    title: cleanText(
      z.string().trim().min(3, "Give the request a short title (3+ characters).").max(140),
    ),
    description: cleanText(
      z
        .string()
        .trim()
        .min(1, "Describe what you need.")
        .max(10_000, "Keep the description under 10,000 characters."),
    ),
    fields: RequestFieldsSchema.default({}),
    action: ActionSchema.nullable().default(null),
  })
  .strict();
export type DraftInput = z.input<typeof DraftInputSchema>;

export async function createDraft(db: Db, actor: ServiceActor, input: unknown, now = new Date()) {
  const parsed = DraftInputSchema.safeParse(input);
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
  return insertDraft(
    db,
    { ...parsed.data, requesterId: actor.id, departmentId: actor.department?.id ?? null },
    now,
  );
}
