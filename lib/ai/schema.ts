/**
 * What an AI provider returns, validated before anything uses it. Every extracted field carries
 * the evidence span it came from (character offsets into the request text), which lib/ai checks
 * against the original text: a value without matching evidence is dropped.
 */
import { z } from "zod";
import { MAX_DESCRIPTION_LENGTH, RequestTypeSchema, ToolNameSchema } from "@/lib/engine";

export const PROMPT_VERSION = "enrich-2026-12-01";

/** A suggested title: what is asked, in a few words ("12 ergonomic chairs for Berlin"). */
export const MAX_TITLE_LENGTH = 80;
export const MAX_TEXT_LENGTH = MAX_DESCRIPTION_LENGTH;

export const EvidenceSchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    text: z.string().min(1).max(500),
  })
  .strict()
  .refine((e) => e.end > e.start, { message: "evidence end must be after its start" });
export type Evidence = z.infer<typeof EvidenceSchema>;

const field = <T extends z.ZodType>(value: T) =>
  z.object({ value, evidence: EvidenceSchema }).strict();

/**
 * An amount may be worked out ("8 × 420 = 3,360"): `working` says how, and `factors` point at
 * each figure it multiplied (quantity or duration, then unit price or rate) in the text.
 */
const amountField = z
  .object({
    value: z.number().finite().nonnegative(),
    evidence: EvidenceSchema,
    working: z.string().min(1).max(120).optional(),
    factors: z.array(EvidenceSchema).min(2).max(2).optional(),
  })
  .strict();

export const ExtractedFieldsSchema = z
  .object({
    amount: amountField.optional(),
    currency: field(z.string().regex(/^[A-Z]{3}$/)).optional(),
    days: field(z.number().finite().positive().max(366)).optional(),
    startDate: field(z.iso.date()).optional(),
    endDate: field(z.iso.date()).optional(),
    severity: field(z.number().int().min(1).max(5)).optional(),
  })
  .strict();
export type ExtractedFields = z.infer<typeof ExtractedFieldsSchema>;

export const RecommendedActionSchema = z
  .object({
    tool: ToolNameSchema,
    params: z.record(z.string(), z.unknown()),
    rationale: z.string().min(1).max(500),
  })
  .strict();

export const ProvenanceSchema = z
  .object({
    provider: z.string(),
    model: z.string(),
    promptVersion: z.string(),
    latencyMs: z.number().nonnegative(),
    tokens: z
      .object({ input: z.number().int().nonnegative(), output: z.number().int().nonnegative() })
      .strict(),
    costUsd: z.number().nonnegative(),
  })
  .strict();
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const EnrichmentSchema = z
  .object({
    type: RequestTypeSchema,
    typeConfidence: z.number().min(0).max(1),
    fields: ExtractedFieldsSchema,
    /** Absent in enrichments stored before titles were suggested. */
    title: z.string().min(1).max(MAX_TITLE_LENGTH).optional(),
    summary: z.string().min(1).max(400),
    confidence: z.number().min(0).max(1),
    recommendedAction: RecommendedActionSchema.nullable(),
    warnings: z.array(z.string().max(300)).max(20),
    provenance: ProvenanceSchema,
  })
  .strict();
export type Enrichment = z.infer<typeof EnrichmentSchema>;

/** What a provider produces before the wrapper adds provenance and checks it. */
export type ProviderOutput = Omit<Enrichment, "provenance"> & {
  usage?: { input: number; output: number };
  model: string;
};
