/**
 * The "New request" page asks for the AI's suggestion as the requester pauses typing. Nothing is
 * stored and nothing is audited here: the suggestion becomes part of the record only when the
 * request is saved (create-request.ts reads the text again then).
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Evidence } from "@/lib/ai/schema";
import type { FieldName, RequestType, ToolName } from "@/lib/engine";
import { AppError, zodIssues } from "@/lib/errors";
import { RequestTextSchema } from "@/lib/forms/request";
import { checkActionParams } from "@/lib/tools/registry";
import { type ActionView, actionView } from "./action-view";
import type { ServiceActor } from "./actor";
import { knownTimeZone, needsConfirmation, suggest } from "./suggest";

export interface SuggestionView {
  type: RequestType;
  typeConfidence: number;
  confidence: number;
  /** Below the confidence threshold: the requester must look at the fields before submitting. */
  uncertain: boolean;
  /** A short title for the request, when the assistant suggests one. */
  title: string | null;
  summary: string;
  warnings: string[];
  fields: Partial<
    Record<
      FieldName,
      { value: string | number; evidence: Evidence; working?: string; factors?: Evidence[] }
    >
  >;
  /** An action the assistant suggests running once the request is approved (the requester keeps it or not). */
  recommendedAction: (ActionView & { params: Record<string, unknown>; rationale: string }) | null;
}

/**
 * Suggestions per user and minute. The form asks at each pause in typing; with a hosted model each
 * ask is a paid call, so a runaway client (or a script) is slowed down. Per process, in memory: a
 * limit on cost, not a security boundary.
 */
export const SUGGESTIONS_PER_MINUTE = 30;
const limiter = new RateLimiterMemory({ points: SUGGESTIONS_PER_MINUTE, duration: 60 });

export async function suggestForForm(
  actor: ServiceActor,
  input: unknown,
  now = new Date(),
  timeZone: unknown = "UTC",
): Promise<SuggestionView | null> {
  try {
    await limiter.consume(actor.id);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new AppError(
      "RATE_LIMITED",
      `Too many suggestions in a minute: wait ${Math.ceil(error.msBeforeNext / 1000)} s or fill in the fields yourself.`,
    );
  }
  const parsed = RequestTextSchema.safeParse(input);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error).map((issue) => ({ ...issue, field: "text" }));
    // The field's own message ("Keep the description under 10,000 characters."), not a generic one.
    throw new AppError("VALIDATION_FAILED", issues[0]?.message ?? "Check the text.", issues);
  }
  const { enrichment } = await suggest(parsed.data, {
    requesterId: actor.id,
    status: null,
    now,
    timeZone: knownTimeZone(timeZone),
  });
  if (!enrichment) return null; // the AI failed: the form works without suggestions
  return {
    type: enrichment.type,
    typeConfidence: enrichment.typeConfidence,
    confidence: enrichment.confidence,
    uncertain: needsConfirmation(enrichment.confidence),
    title: enrichment.title ?? null,
    summary: enrichment.summary,
    warnings: enrichment.warnings,
    fields: enrichment.fields,
    recommendedAction: recommended(enrichment.recommendedAction),
  };
}

function recommended(
  action: { tool: ToolName; params: Record<string, unknown>; rationale: string } | null,
): SuggestionView["recommendedAction"] {
  if (!action || checkActionParams(action.tool, action.params).length > 0) return null;
  const view = actionView({ tool: action.tool, params: action.params });
  return view ? { ...view, params: action.params, rationale: action.rationale } : null;
}
