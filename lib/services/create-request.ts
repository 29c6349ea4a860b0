/**
 * A requester sends the "New request" form: their text, and the type and fields they confirmed
 * (prefilled from the AI's suggestion, corrected as needed). The form is checked whole before
 * anything is written; the draft stores the confirmed values together with the AI's own
 * suggestion (read again here from the text: the browser's copy is never trusted) and its audit
 * entry. With intent "submit" the draft is then submitted and routed.
 */
import { randomUUID } from "node:crypto";
import type { AiSettings } from "@/lib/ai/config";
import type { Db } from "@/lib/db/client";
import { insertDraft } from "@/lib/db/requests";
import type { ToolName } from "@/lib/engine";
import { AppError, zodIssues } from "@/lib/errors";
import { NewRequestSchema } from "@/lib/forms/request";
import { jobRequest } from "@/lib/jobs/catalog";
import { log } from "@/lib/log";
import { checkActionParams } from "@/lib/tools/registry";
import type { ServiceActor } from "./actor";
import { submitRequest } from "./submit-request";
import { defaultAiSettings, inlineAi, knownTimeZone, suggest } from "./suggest";

export interface CreatedRequest {
  id: string;
  number: number;
  submitted: boolean;
  /** Why the saved draft could not be submitted (it stays a draft). */
  submitError: AppError | null;
}

export async function createRequest(
  db: Db,
  actor: ServiceActor,
  input: unknown,
  options: {
    ai?: AiSettings;
    now?: Date;
    timeZone?: unknown;
    /** The new request's id (a graph run's approval derives it: lib/services/runs/approval.ts). */
    id?: string;
  } = {},
): Promise<CreatedRequest> {
  const parsed = NewRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "Some fields need attention.", zodIssues(parsed.error));
  }
  const { text, type, fields, intent } = parsed.data;
  const now = options.now ?? new Date();
  // A hosted model reads it later (a job); the local provider reads it now.
  const ai = inlineAi(options.ai ?? defaultAiSettings());
  const suggestion = await suggest(
    text,
    { requesterId: actor.id, status: "DRAFT", now, timeZone: knownTimeZone(options.timeZone) },
    ai.now,
  );
  const enrichment = suggestion.enrichment;
  const id = options.id ?? randomUUID();
  // The action: as the requester confirmed or edited it (checked with its tool's schema), or when
  // they sent none at all, the assistant's recommendation if it fits the confirmed type and its
  // parameters are valid for its tool.
  let action: { tool: ToolName; params: Record<string, unknown> } | null;
  if (parsed.data.action !== undefined) {
    action = parsed.data.action;
    const issues = action ? checkActionParams(action.tool, action.params) : [];
    if (issues.length) {
      throw new AppError("VALIDATION_FAILED", "The action's details need attention.", issues);
    }
  } else {
    const recommended = enrichment?.type === type ? enrichment.recommendedAction : null;
    action =
      recommended && checkActionParams(recommended.tool, recommended.params).length === 0
        ? { tool: recommended.tool, params: recommended.params }
        : null;
  }
  const created = await insertDraft(
    db,
    {
      type,
      // The requester's title, else the assistant's, else the text's first sentence.
      title: parsed.data.title ?? enrichment?.title ?? titleFrom(text),
      description: text,
      fields,
      action,
      requesterId: actor.id,
      departmentId: actor.department?.id ?? null,
      extraAudit: [suggestion.audit],
      enrichment: enrichment ?? undefined,
      enrichmentError: suggestion.error,
      confirmed: true,
      id,
      jobs: ai.later ? [jobRequest("ai:enrich", { requestId: id })] : [],
    },
    now,
  );
  if (intent !== "submit") return { ...created, submitted: false, submitError: null };
  try {
    await submitRequest(db, actor, created.id, { now, ai: options.ai });
    return { ...created, submitted: true, submitError: null };
  } catch (error) {
    // The form was complete, so this is a routing refusal (e.g. no workflow published): the
    // draft is kept and the requester sees why it was not sent.
    if (!(error instanceof AppError)) throw error;
    log.warn({ requestId: created.id, code: error.code }, "new request saved but not submitted");
    return { ...created, submitted: false, submitError: error };
  }
}

/** The first sentence of the text, shortened: the title when the requester gives none. */
export function titleFrom(text: string): string {
  const first =
    text
      .trim()
      .split(/(?<=[.!?])\s|\n/u)[0]
      ?.trim() ?? text.trim();
  const title = first.length > 80 ? `${first.slice(0, 77).trimEnd()}…` : first;
  return title.length >= 3 ? title : `${title} request`;
}
