/**
 * Which AI provider enriches requests, from the environment (README "Configuration"):
 * AI_PROVIDER=local|openai|azure|compatible; without it, `openai` when OPENAI_API_KEY is set,
 * else `local`. The local provider is always the fallback.
 */
import { z } from "zod";
import { localProvider } from "./local";
import { hostedProvider } from "./openai";
import type { AiProvider } from "./provider";

const AiEnvSchema = z.object({
  AI_PROVIDER: z.enum(["local", "openai", "azure", "compatible"]).optional(),
  AI_MODEL: z.string().min(1).optional(),
  AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /** Below this overall confidence the requester must confirm the suggestions before submitting. */
  AI_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
  AI_PRICE_INPUT_PER_MTOK: z.coerce.number().min(0).optional(),
  AI_PRICE_OUTPUT_PER_MTOK: z.coerce.number().min(0).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  AZURE_OPENAI_ENDPOINT: z.string().url().optional(),
  AZURE_OPENAI_API_KEY: z.string().min(1).optional(),
  AZURE_OPENAI_DEPLOYMENT: z.string().min(1).optional(),
  AZURE_OPENAI_API_VERSION: z.string().min(1).default("2025-04-01-preview"),
});
export type AiEnv = z.infer<typeof AiEnvSchema>;

export interface AiSettings {
  provider: AiProvider;
  fallback: AiProvider | undefined;
  timeoutMs: number;
  retries: number;
  confidenceThreshold: number;
}

export function aiSettings(source: Record<string, string | undefined> = process.env): AiSettings {
  const env = AiEnvSchema.parse(source);
  const kind = env.AI_PROVIDER ?? (env.OPENAI_API_KEY ? "openai" : "local");
  const pricing =
    env.AI_PRICE_INPUT_PER_MTOK !== undefined || env.AI_PRICE_OUTPUT_PER_MTOK !== undefined
      ? { input: env.AI_PRICE_INPUT_PER_MTOK ?? 0, output: env.AI_PRICE_OUTPUT_PER_MTOK ?? 0 }
      : undefined;
  const common = {
    timeoutMs: env.AI_TIMEOUT_MS,
    retries: env.AI_MAX_RETRIES,
    confidenceThreshold: env.AI_CONFIDENCE_THRESHOLD,
  };
  if (kind === "local") return { provider: localProvider, fallback: undefined, ...common };
  const need = (value: string | undefined, name: string) => {
    if (!value) throw new Error(`AI_PROVIDER=${kind} needs ${name}`);
    return value;
  };
  const provider =
    kind === "azure"
      ? hostedProvider({
          kind,
          model: need(env.AI_MODEL ?? env.AZURE_OPENAI_DEPLOYMENT, "AZURE_OPENAI_DEPLOYMENT"),
          apiKey: need(env.AZURE_OPENAI_API_KEY, "AZURE_OPENAI_API_KEY"),
          endpoint: need(env.AZURE_OPENAI_ENDPOINT, "AZURE_OPENAI_ENDPOINT"),
          deployment: env.AZURE_OPENAI_DEPLOYMENT,
          apiVersion: env.AZURE_OPENAI_API_VERSION,
          pricing,
        })
      : hostedProvider({
          kind,
          model: env.AI_MODEL ?? "gpt-4.1-mini",
          apiKey:
            kind === "compatible"
              ? (env.OPENAI_API_KEY ?? "not-needed")
              : need(env.OPENAI_API_KEY, "OPENAI_API_KEY"),
          baseURL:
            kind === "compatible"
              ? need(env.OPENAI_BASE_URL, "OPENAI_BASE_URL")
              : env.OPENAI_BASE_URL,
          pricing,
        });
  return { provider, fallback: localProvider, ...common };
}
