/** lib/ai: enrichment of request texts. The AI advises only: its output is checked, then suggested. */
export { EnrichmentError, type EnrichOptions, enrichText } from "./enrich";
export { localProvider } from "./local";
export type { AiProvider } from "./provider";
export * from "./schema";
