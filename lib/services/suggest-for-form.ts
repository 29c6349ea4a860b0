/**
 * The "New request" page asks for the AI's suggestion as the requester pauses typing. Nothing is
 * stored and nothing is audited here: the suggestion becomes part of the record only when the
 * request is saved (create-request.ts reads the text again then).
 */
import type { Evidence } from "@/lib/ai/schema";
import type { FieldName, RequestType } from "@/lib/engine";
import { AppError, zodIssues } from "@/lib/errors";
import { RequestTextSchema } from "@/lib/forms/request";
import type { ServiceActor } from "./actor";
import { needsConfirmation, suggest } from "./suggest";

export interface SuggestionView {
  type: RequestType;
  typeConfidence: number;
  confidence: number;
  /** Below the confidence threshold: the requester must look at the fields before submitting. */
  uncertain: boolean;
  summary: string;
  warnings: string[];
  fields: Partial<Record<FieldName, { value: string | number; evidence: Evidence }>>;
}

export async function suggestForForm(
  actor: ServiceActor,
  input: unknown,
  now = new Date(),
): Promise<SuggestionView | null> {
  const parsed = RequestTextSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The text is invalid.",
      zodIssues(parsed.error).map((issue) => ({ ...issue, field: "text" })),
    );
  }
  const { enrichment } = await suggest(parsed.data, { requesterId: actor.id, status: null, now });
  if (!enrichment) return null; // the AI failed: the form works without suggestions
  return {
    type: enrichment.type,
    typeConfidence: enrichment.typeConfidence,
    confidence: enrichment.confidence,
    uncertain: needsConfirmation(enrichment.confidence),
    summary: enrichment.summary,
    warnings: enrichment.warnings,
    fields: enrichment.fields,
  };
}
