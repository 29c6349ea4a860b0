/**
 * The one wrapper around every enrichment call: input limits, a timeout per attempt, bounded
 * retries with exponential backoff, repair of invalid output (unknown types, tools or extra
 * fields are dropped with a warning, never acted on), evidence checked against the original text,
 * the deterministic tier check, provider fallback, and provenance with tokens and cost.
 */
import { REQUEST_TYPES, type RequestType, TOOL_NAMES } from "@/lib/engine";
import { loadLocalAnalysis } from "./local";
import type { AiProvider } from "./provider";
import {
  type Enrichment,
  EnrichmentSchema,
  type Evidence,
  EvidenceSchema,
  type ExtractedFields,
  ExtractedFieldsSchema,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  PROMPT_VERSION,
  type ProviderOutput,
  RecommendedActionSchema,
} from "./schema";

export class EnrichmentError extends Error {
  constructor(
    readonly code: "EMPTY_TEXT" | "TEXT_TOO_LONG" | "PROVIDER_FAILED",
    message: string,
  ) {
    super(message);
  }
}

export interface EnrichOptions {
  provider: AiProvider;
  /** Used when `provider` still fails after its retries (typically the local provider). */
  fallback?: AiProvider;
  now?: Date;
  /** The requester's IANA time zone, for dates in the text (default UTC). */
  timeZone?: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
}

export async function enrichText(text: string, options: EnrichOptions): Promise<Enrichment> {
  if (text.trim().length === 0)
    throw new EnrichmentError("EMPTY_TEXT", "Describe the request first.");
  if (text.length > MAX_TEXT_LENGTH) {
    throw new EnrichmentError(
      "TEXT_TOO_LONG",
      `Keep the text under ${MAX_TEXT_LENGTH.toLocaleString("en")} characters.`,
    );
  }
  const now = options.now ?? new Date();
  try {
    return await withRetries(text, now, options.provider, options);
  } catch (error) {
    if (!options.fallback) throw error;
    const result = await withRetries(text, now, options.fallback, { ...options, retries: 0 });
    return {
      ...result,
      warnings: [
        ...result.warnings,
        `${options.provider.name} failed (${(error as Error).message}); suggestions come from ${options.fallback.name}.`,
      ],
    };
  }
}

async function withRetries(
  text: string,
  now: Date,
  provider: AiProvider,
  options: EnrichOptions,
): Promise<Enrichment> {
  const retries = options.retries ?? 2;
  // A hosted model's reading is checked against the local one (tierCheck).
  const readLocally = provider.name === "local" ? null : (await loadLocalAnalysis()).enrichLocally;
  const timeoutMs = options.timeoutMs ?? 15_000;
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep((options.backoffMs ?? 250) * 2 ** (attempt - 1));
    const started = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error(`timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
    try {
      const raw = await Promise.race([
        provider.enrich({ text, now, timeZone: options.timeZone, signal: controller.signal }),
        new Promise<never>((_, reject) =>
          controller.signal.addEventListener("abort", () => reject(controller.signal.reason)),
        ),
      ]);
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      return checkOutput(text, now, raw, provider, latencyMs, options.timeZone, readLocally);
    } catch (error) {
      lastError = error;
      if (!isRetryable(error)) break;
    } finally {
      clearTimeout(timer);
    }
  }
  throw new EnrichmentError(
    "PROVIDER_FAILED",
    `${provider.name}: ${(lastError as Error)?.message ?? "failed"}`,
  );
}

function isRetryable(error: unknown): boolean {
  const status = (error as { status?: number })?.status;
  if (typeof status === "number")
    return status === 408 || status === 409 || status === 429 || status >= 500;
  return true; // timeouts, connection errors, unparseable output
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Turns a provider's output into a checked Enrichment. Throws (so the call is retried) only when
 * nothing usable came back; otherwise drops what is invalid and says so in `warnings`.
 */
type LocalReading = (text: string, now: Date, timeZone: string) => ProviderOutput;

export function checkOutput(
  text: string,
  now: Date,
  raw: unknown,
  provider: AiProvider,
  latencyMs: number,
  timeZone = "UTC",
  /** The local provider's reading, for a hosted provider's output (tierCheck). */
  readLocally: LocalReading | null = null,
): Enrichment {
  if (!raw || typeof raw !== "object") throw new Error("the provider returned no object");
  const output = raw as Partial<ProviderOutput> & Record<string, unknown>;
  const warnings = Array.isArray(output.warnings)
    ? output.warnings.filter((w): w is string => typeof w === "string").map((w) => w.slice(0, 300))
    : [];

  let type: RequestType = "GENERAL";
  let typeConfidence = clamp(output.typeConfidence);
  if (REQUEST_TYPES.includes(output.type as RequestType)) type = output.type as RequestType;
  else {
    warnings.push(
      `The model named an unknown request type (${String(output.type).slice(0, 40)}); it was ignored.`,
    );
    typeConfidence = 0;
  }

  const fields = checkFields(text, output.fields, warnings);

  let recommendedAction: Enrichment["recommendedAction"] = null;
  if (output.recommendedAction) {
    const action = RecommendedActionSchema.safeParse(output.recommendedAction);
    if (action.success) recommendedAction = action.data;
    else if (!action.success) {
      const tool = (output.recommendedAction as { tool?: unknown }).tool;
      warnings.push(
        TOOL_NAMES.includes(tool as never)
          ? "The model's recommended action had invalid parameters; it was dropped."
          : `The model recommended an unknown tool (${String(tool).slice(0, 40)}); it was dropped.`,
      );
    }
  }

  const known = new Set([
    "type",
    "typeConfidence",
    "fields",
    "title",
    "summary",
    "confidence",
    "recommendedAction",
    "warnings",
    "usage",
    "model",
  ]);
  const extra = Object.keys(output).filter((key) => !known.has(key));
  if (extra.length)
    warnings.push(
      `The model returned unexpected fields (${extra.slice(0, 5).join(", ")}); they were ignored.`,
    );

  if (readLocally) tierCheck(readLocally(text, now, timeZone).fields, type, fields, warnings);

  const summary =
    typeof output.summary === "string" && output.summary.trim()
      ? output.summary.trim().slice(0, 400)
      : "No summary was produced.";
  const usage = output.usage ?? { input: 0, output: 0 };
  const title = typeof output.title === "string" ? shortTitle(output.title) : null;
  const enrichment: Enrichment = {
    type,
    typeConfidence,
    fields,
    ...(title ? { title } : {}),
    summary,
    confidence: Math.min(clamp(output.confidence), typeConfidence || 1),
    recommendedAction,
    warnings: [...new Set(warnings)].slice(0, 20),
    provenance: {
      provider: provider.name,
      model: typeof output.model === "string" ? output.model : provider.model,
      promptVersion: PROMPT_VERSION,
      latencyMs,
      tokens: { input: usage.input, output: usage.output },
      costUsd:
        Math.round(
          ((usage.input * provider.pricing.input + usage.output * provider.pricing.output) / 1e6) *
            1e6,
        ) / 1e6,
    },
  };
  return EnrichmentSchema.parse(enrichment);
}

/** A title on one line, at most MAX_TITLE_LENGTH characters, cut at a word; null when empty. */
export function shortTitle(raw: string): string | null {
  const line = raw
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/[.;,:]+$/u, "");
  if (line.length < 3) return null;
  if (line.length <= MAX_TITLE_LENGTH) return line;
  const cut = line.slice(0, MAX_TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function clamp(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** Keeps each field whose value is valid and whose evidence is really in the text. */
function checkFields(text: string, raw: unknown, warnings: string[]): ExtractedFields {
  const fields: Record<string, unknown> = {};
  if (!raw || typeof raw !== "object") return {};
  for (const [name, candidate] of Object.entries(raw as Record<string, unknown>)) {
    if (candidate === null || candidate === undefined) continue;
    const shape = ExtractedFieldsSchema.shape[name as keyof ExtractedFields];
    if (!shape) {
      warnings.push(`The model returned an unknown field (${name.slice(0, 40)}); it was ignored.`);
      continue;
    }
    const parsed = shape.safeParse(candidate);
    if (!parsed.success || !parsed.data) {
      warnings.push(`The suggested ${name} was invalid and was dropped.`);
      continue;
    }
    const evidence = locateEvidence(text, parsed.data.evidence);
    if (!evidence) {
      warnings.push(`The suggested ${name} was not backed by the text and was dropped.`);
      continue;
    }
    const checked: Record<string, unknown> = { ...parsed.data, evidence };
    // A worked-out amount keeps its working only when every factor is in the text too.
    const claimed = (parsed.data as { factors?: Evidence[] }).factors;
    if (claimed) {
      const factors = claimed.map((f) => locateEvidence(text, f));
      if (factors.every((f) => f !== null)) checked.factors = factors;
      else {
        delete checked.factors;
        delete checked.working;
      }
    }
    fields[name] = checked;
  }
  return fields as ExtractedFields;
}

/** The evidence as given when it matches the text at its offsets, else where its text occurs. */
function locateEvidence(text: string, evidence: { start: number; end: number; text: string }) {
  if (text.slice(evidence.start, evidence.end) === evidence.text) return evidence;
  const at = text.indexOf(evidence.text);
  if (at < 0) return null;
  const moved = { start: at, end: at + evidence.text.length, text: evidence.text };
  return EvidenceSchema.safeParse(moved).success ? moved : null;
}

/**
 * A hosted model must never lower a request's approval tier: when the deterministic parser reads
 * a higher amount, more days or a higher severity, that value is suggested instead, with a warning
 * for approvers.
 */
function tierCheck(
  local: ExtractedFields,
  type: RequestType,
  fields: ExtractedFields,
  warnings: string[],
) {
  const higher = <K extends "amount" | "days" | "severity">(key: K, label: string) => {
    const ours = local[key];
    const theirs = fields[key];
    if (ours && (!theirs || ours.value > theirs.value)) {
      (fields as Record<string, unknown>)[key] = ours;
      warnings.push(
        `The text also reads as ${label} ${ours.value} (the model said ${theirs?.value ?? "nothing"}); the higher value is suggested so the request is not routed below its tier.`,
      );
    }
  };
  if (type === "PROCUREMENT") {
    higher("amount", "an amount of");
    if (!fields.currency && local.currency) fields.currency = local.currency;
  }
  if (type === "LEAVE") higher("days", "days:");
  if (type === "SUPPORT") higher("severity", "severity");
}
