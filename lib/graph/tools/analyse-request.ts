/**
 * The assistant's reading of a request's text as a graph tool (the "recommended action" demo):
 * type, title, summary, the fields a workflow routes by, and the action it recommends — from the
 * configured AI provider with the local one as fallback, exactly as the new-request form reads it.
 * The AI advises: what it reads goes into an approval node's request, which people decide.
 */
import { z } from "zod";
import { MAX_DESCRIPTION_LENGTH } from "@/lib/engine/fields";
import { defineTool } from "./registry";

export const analyseRequest = defineTool({
  name: "analyse_request",
  description:
    "Reads a request written in plain words: its type, a title and summary, amount / currency / days / severity when it states them, and the action it asks for (send an email, call a webhook, create a task), if any.",
  kind: "action",
  timeoutMs: 120_000,
  input: z.object({ text: z.string().trim().min(10).max(MAX_DESCRIPTION_LENGTH) }),
  output: z.object({
    type: z.string(),
    title: z.string(),
    summary: z.string(),
    confidence: z.number(),
    amount: z.number().optional(),
    currency: z.string().optional(),
    days: z.number().optional(),
    severity: z.number().optional(),
    action: z.record(z.string(), z.unknown()),
  }),
  async run({ text }) {
    const { enrichText } = await import("@/lib/ai/enrich");
    const { defaultAiSettings } = await import("@/lib/services/suggest");
    const ai = defaultAiSettings();
    const reading = await enrichText(text, {
      provider: ai.provider,
      fallback: ai.fallback,
      now: new Date(),
      timeoutMs: ai.timeoutMs,
      retries: ai.retries,
    });
    const fields = reading.fields;
    const action = reading.recommendedAction;
    return {
      type: reading.type,
      title: reading.title ?? text.slice(0, 80),
      summary: reading.summary,
      confidence: reading.confidence,
      ...(fields.amount ? { amount: fields.amount.value } : {}),
      ...(fields.currency ? { currency: fields.currency.value } : {}),
      ...(fields.days ? { days: fields.days.value } : {}),
      ...(fields.severity ? { severity: fields.severity.value } : {}),
      action: action ? { tool: action.tool, params: action.params } : {},
    };
  },
});
