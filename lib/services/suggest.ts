/**
 * Runs the AI layer over a request's text and turns the result into what a service stores: the
 * checked suggestion (or the failure) and the AI's audit entry. The AI advises only: nothing here
 * submits, routes or decides.
 */
import { type AiSettings, aiSettings } from "@/lib/ai/config";
import { EnrichmentError, enrichText } from "@/lib/ai/enrich";
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

export async function suggest(
  text: string,
  context: { requesterId: string; status: RequestStatus | null; now: Date; timeZone?: string },
  ai: AiSettings = defaultAiSettings(),
): Promise<Suggestion> {
  const actor = { type: "AI" as const, onBehalfOf: context.requesterId };
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
      audit: {
        action: "ENRICHED",
        actor,
        fromStatus: context.status,
        toStatus: context.status,
        data: {
          type: enrichment.type,
          typeConfidence: enrichment.typeConfidence,
          confidence: enrichment.confidence,
          fields: toJson(
            Object.fromEntries(
              Object.entries(enrichment.fields).map(([name, f]) => [name, f.value]),
            ),
          ),
          warnings: enrichment.warnings,
          provenance: toJson(enrichment.provenance),
        },
      },
    };
  } catch (error) {
    // The request works without suggestions; the failure is recorded, not thrown.
    const message =
      error instanceof EnrichmentError ? error.message : "the AI layer failed unexpectedly";
    if (!(error instanceof EnrichmentError)) log.error({ err: error }, "enrichment failed");
    return {
      enrichment: null,
      error: message,
      audit: {
        action: "ENRICHMENT_FAILED",
        actor,
        fromStatus: context.status,
        toStatus: context.status,
        data: { provider: ai.provider.name, error: message },
      },
    };
  }
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
