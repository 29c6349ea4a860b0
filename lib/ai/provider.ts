/** The one interface every AI provider implements (local, openai, azure, OpenAI-compatible). */
import type { ProviderOutput } from "./schema";

export interface EnrichInput {
  text: string;
  /** Reference time for relative dates ("tomorrow"). */
  now: Date;
  /** The requester's IANA time zone: "tomorrow" and "3 December" are their days (default UTC). */
  timeZone?: string;
  signal?: AbortSignal;
}

/** Source and the deterministic review's findings, for a model to add suggestions to. */
export interface ReviewInput {
  code: string;
  findings: string[];
  signal?: AbortSignal;
}

export interface ReviewOutput {
  suggestions: { function: string | null; text: string }[];
  model: string;
}

export interface AiProvider {
  /** "local", "openai", "azure", "compatible". */
  readonly name: string;
  readonly model: string;
  /** USD per 1M input and output tokens, for cost accounting (0 for local). */
  readonly pricing: { input: number; output: number };
  enrich(input: EnrichInput): Promise<ProviderOutput>;
  /** Suggestions on source code beyond the deterministic review's (hosted models only). */
  reviewCode?(input: ReviewInput): Promise<ReviewOutput>;
}
