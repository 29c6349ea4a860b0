/**
 * The `openai` provider through the real `openai` SDK against a local Responses API stand-in:
 * valid output, malformed JSON, schema-violating output, a 429 and a timeout, each handled as
 * specified (bounded retries, repair or fallback, never a crash).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aiSettings } from "@/lib/ai/config";
import { enrichText } from "@/lib/ai/enrich";
import { localProvider } from "@/lib/ai/local";
import { hostedProvider } from "@/lib/ai/openai";
import { type FakeOpenAI, startFakeOpenAI } from "./fake-openai";

const TEXT = "12 ergonomic chairs for Berlin, EUR 14,280";

const valid = {
  type: "PROCUREMENT",
  typeConfidence: 0.93,
  fields: {
    amount: { value: 14280, evidence: "EUR 14,280" },
    currency: { value: "EUR", evidence: "EUR" },
    days: null,
    startDate: null,
    endDate: null,
    severity: null,
  },
  summary: "Twelve ergonomic chairs for the Berlin office, EUR 14,280 in total.",
  confidence: 0.9,
  recommendedAction: null,
  warnings: [],
};

let api: FakeOpenAI;
beforeAll(async () => {
  api = await startFakeOpenAI();
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
});

const provider = () =>
  hostedProvider({
    kind: "openai",
    model: "gpt-4.1-mini",
    apiKey: "sk-test",
    baseURL: api.baseURL,
  });
const options = { retries: 2, backoffMs: 5, timeoutMs: 1_000 };

describe("openai provider (Responses API, real SDK)", () => {
  it("sends the text as delimited data with a strict JSON schema, and reads a valid answer", async () => {
    api.script({ kind: "json", body: valid, usage: { input: 900, output: 150 } });
    const result = await enrichText(TEXT, { provider: provider(), ...options });
    expect(result).toMatchObject({
      type: "PROCUREMENT",
      fields: {
        amount: { value: 14_280, evidence: { start: 32, end: 42, text: "EUR 14,280" } },
        currency: { value: "EUR" },
      },
      warnings: [],
      provenance: {
        provider: "openai",
        model: "gpt-4.1-mini-2026-04-14",
        tokens: { input: 900, output: 150 },
        costUsd: 0.0006,
      },
    });
    const sent = api.requests[0];
    expect(sent?.path).toBe("/v1/responses");
    expect(sent?.body).toMatchObject({
      model: "gpt-4.1-mini",
      input: `<request>\n${TEXT}\n</request>`,
    });
    expect(sent?.body.text).toMatchObject({
      format: { type: "json_schema", name: "enrichment", strict: true },
    });
    expect(sent?.headers.authorization).toBe("Bearer sk-test");
  });

  it("retries malformed JSON and succeeds on the next attempt", async () => {
    api.script(
      { kind: "text", text: '{"type": "PROCUREMENT", "fields": ' },
      { kind: "json", body: valid },
    );
    const result = await enrichText(TEXT, { provider: provider(), ...options });
    expect(api.requests).toHaveLength(2);
    expect(result.fields.amount?.value).toBe(14_280);
  });

  it("repairs schema-violating output: unknown type, tool and fields dropped with warnings, never acted on", async () => {
    api.script({
      kind: "json",
      body: {
        ...valid,
        type: "TRAVEL",
        recommendedAction: { tool: "wire_transfer", paramsJson: "{}", rationale: "pay now" },
        fields: {
          ...valid.fields,
          budgetCode: { value: "X1", evidence: "Berlin" },
          amount: { value: 99, evidence: "not in the text" },
        },
        approved: true,
      },
    });
    const result = await enrichText(TEXT, { provider: provider(), ...options });
    expect(api.requests).toHaveLength(1);
    expect(result.type).toBe("GENERAL");
    expect(result.recommendedAction).toBeNull();
    const warnings = result.warnings.join("\n");
    expect(warnings).toContain("unknown request type (TRAVEL)");
    expect(warnings).toContain("unknown tool (wire_transfer)");
    expect(warnings).toContain("unknown field (budgetCode)");
    expect(warnings).toContain("unexpected fields (approved)");
    expect(warnings).toContain("amount was not backed by the text");
  });

  it("retries a 429 with backoff, within the bound", async () => {
    api.script(
      { kind: "status", status: 429, message: "Rate limit reached" },
      { kind: "status", status: 429, message: "Rate limit reached" },
      { kind: "json", body: valid },
    );
    const result = await enrichText(TEXT, { provider: provider(), ...options });
    expect(api.requests).toHaveLength(3);
    expect(result.type).toBe("PROCUREMENT");

    api.requests.length = 0;
    api.script(
      ...Array.from({ length: 3 }, () => ({
        kind: "status" as const,
        status: 429,
        message: "Rate limit reached",
      })),
    );
    await expect(enrichText(TEXT, { provider: provider(), ...options })).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
    });
    expect(api.requests).toHaveLength(3);
  });

  it("times out a hanging call, retries it, then falls back to the local provider", async () => {
    api.script({ kind: "hang" }, { kind: "hang" });
    const result = await enrichText(TEXT, {
      provider: provider(),
      fallback: localProvider,
      ...options,
      retries: 1,
      timeoutMs: 300,
    });
    expect(api.requests).toHaveLength(2);
    expect(result.provenance.provider).toBe("local");
    expect(result.fields.amount?.value).toBe(14_280);
    expect(result.warnings.join(" ")).toMatch(/openai failed .*timed out after 300 ms/);
  });

  it("never lets the model lower the tier", async () => {
    api.script({
      kind: "json",
      body: { ...valid, fields: { ...valid.fields, amount: { value: 1428, evidence: "14,280" } } },
    });
    const result = await enrichText(TEXT, { provider: provider(), ...options });
    expect(result.fields.amount?.value).toBe(14_280);
    expect(result.warnings.join(" ")).toContain("the higher value is suggested");
  });

  it("an OpenAI-compatible server is the same provider with another base URL", async () => {
    api.script({ kind: "json", body: valid });
    const settings = aiSettings({
      AI_PROVIDER: "compatible",
      OPENAI_BASE_URL: api.baseURL,
      AI_MODEL: "llama-3.1-8b",
    });
    expect(settings.provider.name).toBe("compatible");
    expect(settings.fallback?.name).toBe("local");
    await enrichText(TEXT, { provider: settings.provider, ...options });
    expect(api.requests[0]?.body.model).toBe("llama-3.1-8b");
  });
});

describe("provider configuration", () => {
  it("defaults to local without a key and to openai with one", () => {
    expect(aiSettings({}).provider.name).toBe("local");
    expect(aiSettings({ OPENAI_API_KEY: "sk-x" }).provider.name).toBe("openai");
    expect(
      aiSettings({
        AI_PROVIDER: "azure",
        AZURE_OPENAI_ENDPOINT: "https://x.openai.azure.com",
        AZURE_OPENAI_API_KEY: "k",
        AZURE_OPENAI_DEPLOYMENT: "gpt",
      }).provider.name,
    ).toBe("azure");
  });

  it("names the missing setting", () => {
    expect(() => aiSettings({ AI_PROVIDER: "azure" })).toThrow(/needs AZURE_OPENAI_DEPLOYMENT/);
    expect(() => aiSettings({ AI_PROVIDER: "azure", AZURE_OPENAI_DEPLOYMENT: "gpt" })).toThrow(
      /needs AZURE_OPENAI_API_KEY/,
    );
    expect(() => aiSettings({ AI_PROVIDER: "compatible" })).toThrow(/OPENAI_BASE_URL/);
    expect(() => aiSettings({ AI_CONFIDENCE_THRESHOLD: "2" })).toThrow();
  });
});
