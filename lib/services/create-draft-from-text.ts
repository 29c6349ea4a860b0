/**
 * A requester writes what they need in plain words: the draft is created with the AI's
 * suggestions (type, fields, a recommended action) for the requester to confirm or edit. When the
 * AI fails, the draft is created without suggestions and the failure is recorded.
 */
import { z } from "zod";
import type { AiSettings } from "@/lib/ai/config";
import { MAX_TEXT_LENGTH } from "@/lib/ai/schema";
import type { Db } from "@/lib/db/client";
import { insertDraft } from "@/lib/db/requests";
import type { RequestFields } from "@/lib/engine";
import { AppError, zodIssues } from "@/lib/errors";
import { cleanText } from "@/lib/forms/text";
import type { ServiceActor } from "./actor";
import { titleFrom } from "./create-request";
import { needsConfirmation, suggest } from "./suggest";

export const TextDraftSchema = z
  .object({
    text: cleanText(
      z
        .string()
        .trim()
        .min(1, "Describe what you need.")
        .max(
          MAX_TEXT_LENGTH,
          `Keep the description under ${MAX_TEXT_LENGTH.toLocaleString("en")} characters.`,
        ),
    ),
    title: cleanText(z.string().trim().min(3).max(140)).optional(),
  })
  .strict();

export async function createDraftFromText(
  db: Db,
  actor: ServiceActor,
  input: unknown,
  options: { ai?: AiSettings; now?: Date } = {},
) {
  const parsed = TextDraftSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      "VALIDATION_FAILED",
      "The request has invalid fields.",
      zodIssues(parsed.error),
    );
  const now = options.now ?? new Date();
  const { text } = parsed.data;
  const suggestion = await suggest(
    text,
    { requesterId: actor.id, status: "DRAFT", now },
    options.ai,
  );
  const enrichment = suggestion.enrichment;
  const fields = Object.fromEntries(
    Object.entries(enrichment?.fields ?? {}).map(([name, f]) => [name, f.value]),
  ) as RequestFields;
  const created = await insertDraft(
    db,
    {
      type: enrichment?.type ?? "GENERAL",
      // The requester's title, else the assistant's, else the text's first sentence.
      title: parsed.data.title ?? enrichment?.title ?? titleFrom(text),
      description: text,
      fields,
      action: enrichment?.recommendedAction
        ? { tool: enrichment.recommendedAction.tool, params: enrichment.recommendedAction.params }
        : null,
      requesterId: actor.id,
      departmentId: actor.department?.id ?? null,
      extraAudit: [suggestion.audit],
      enrichment: enrichment ?? undefined,
      enrichmentError: suggestion.error,
    },
    now,
  );
  return {
    ...created,
    enrichment,
    enrichmentError: suggestion.error,
    needsConfirmation: enrichment
      ? needsConfirmation(enrichment.confidence, options.ai?.confidenceThreshold)
      : true,
  };
}
