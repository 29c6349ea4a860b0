/**
 * Runs the AI layer over a request's text and turns the result into what a service stores: the
 * checked suggestion (or the failure) and the AI's audit entry. The AI advises only: nothing here
 * submits, routes or decides.
 */
import { type AiSettings, aiSettings } from "@/lib/ai/config";
import { EnrichmentError, enrichText } from "@/lib/ai/enrich";
import { localProvider } from "@/lib/ai/local";
import type { Enrichment } from "@/lib/ai/schema";
import type { AuditEntry, RequestStatus } from "@/lib/engine";
import { toJson } from "@/lib/engine";
import { log } from "@/lib/log";

export interface Suggestion {
  enrichment: Enrichment | null;
  error: string | null;
  audit: AuditEntry;
}

let settings: AiSettings | undefined;
/** The configured providers (read once per process). */
export function defaultAiSettings(): AiSettings {
  settings ??= aiSettings();
  return settings;
}

/** For tests that change the AI variables: the next use reads them again. */
export function resetDefaultAiSettings(): void {
  settings = undefined;
}

export async function suggest(
  text: string,
  context: { requesterId: string; status: RequestStatus | null; now: Date; timeZone?: string },
  ai: AiSettings = defaultAiSettings(),
): Promise<Suggestion> {
  try {
    const enrichment = await enrichText(text, {
      provider: ai.provider,
      fallback: ai.fallback,
      now: context.now,
      timeZone: context.timeZone,
      timeoutMs: ai.timeoutMs,
      retries: ai.retries,
    });
    return {
      enrichment,
      error: null,
      audit: enrichedEntry(enrichment, context.requesterId, context.status),
    };
  } catch (error) {
    // The request works without suggestions; the failure is recorded, not thrown.
    const message =
      error instanceof EnrichmentError ? error.message : "the AI layer failed unexpectedly";
    if (!(error instanceof EnrichmentError)) log.error({ err: error }, "enrichment failed");
    return {
      enrichment: null,
      error: message,
      audit: failedEntry(ai.provider.name, message, context.requesterId, context.status),
    };
  }
}

/** The AI's reading as an audit event, on behalf of the requester whose text it read. */
export function enrichedEntry(
  enrichment: Enrichment,
  requesterId: string,
  status: RequestStatus | null,
): AuditEntry {
  return {
    action: "ENRICHED",
    actor: { type: "AI", onBehalfOf: requesterId },
    fromStatus: status,
    toStatus: status,
    data: {
      type: enrichment.type,
      typeConfidence: enrichment.typeConfidence,
      confidence: enrichment.confidence,
      fields: toJson(
        Object.fromEntries(Object.entries(enrichment.fields).map(([name, f]) => [name, f.value])),
      ),
      warnings: enrichment.warnings,
      provenance: toJson(enrichment.provenance),
    },
  };
}

export function failedEntry(
  provider: string,
  message: string,
  requesterId: string,
  status: RequestStatus | null,
): AuditEntry {
  return {
    action: "ENRICHMENT_FAILED",
    actor: { type: "AI", onBehalfOf: requesterId },
    fromStatus: status,
    toStatus: status,
    data: { provider, error: message },
  };
}

/**
 * The settings for a reading on the request path: a hosted model's reading comes later, as a job
 * (ai:enrich); meanwhile the local provider reads inline, so the requester waits for no model.
 */
export function inlineAi(ai: AiSettings): { now: AiSettings; later: boolean } {
  if (ai.provider.name === "local") return { now: ai, later: false };
  return { now: { ...ai, provider: localProvider, fallback: undefined }, later: true };
}

export function needsConfirmation(
  confidence: number | null,
  threshold = defaultAiSettings().confidenceThreshold,
): boolean {
  return confidence !== null && confidence < threshold;
}

/**
 * `value` when it names a time zone this runtime knows (as the browser reports it, e.g.
 * "Europe/Berlin"), else UTC: a form field is input like any other.
 */
export function knownTimeZone(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return "UTC";
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}
