import { describe, expect, it } from "vitest";
import { EnrichmentError, enrichText, shortTitle } from "./enrich";
import { localProvider } from "./local";
import type { AiProvider, EnrichInput } from "./provider";
import type { ProviderOutput } from "./schema";

const TEXT = "12 ergonomic chairs for Berlin, EUR 14,280";

function provider(
  respond: (input: EnrichInput, attempt: number) => Promise<unknown>,
): AiProvider & { attempts: number } {
  const p = {
    name: "fake",
    model: "fake-1",
    pricing: { input: 2, output: 8 },
    attempts: 0,
    enrich: (input: EnrichInput) => respond(input, ++p.attempts) as Promise<ProviderOutput>,
  };
  return p;
}

const good = (overrides: Partial<ProviderOutput> = {}): ProviderOutput => ({
  type: "PROCUREMENT",
  typeConfidence: 0.9,
  fields: {
    amount: { value: 14_280, evidence: { start: 32, end: 42, text: "EUR 14,280" } },
    currency: { value: "EUR", evidence: { start: 32, end: 35, text: "EUR" } },
  },
  summary: "Twelve ergonomic chairs for the Berlin office, EUR 14,280.",
  confidence: 0.9,
  recommendedAction: null,
  warnings: [],
  model: "fake-1",
  usage: { input: 1_000, output: 500 },
  ...overrides,
});

const quick = { retries: 2, backoffMs: 1, timeoutMs: 200 };

describe("input limits", () => {
  it("refuses empty text and text over 10,000 characters", async () => {
    await expect(enrichText("   ", { provider: localProvider })).rejects.toMatchObject({
      code: "EMPTY_TEXT",
    });
    await expect(enrichText("x".repeat(10_001), { provider: localProvider })).rejects.toMatchObject(
      { code: "TEXT_TOO_LONG" },
    );
  });
});

describe("checked output", () => {
  it("keeps valid output and accounts provenance, tokens and cost", async () => {
    const result = await enrichText(TEXT, { provider: provider(async () => good()), ...quick });
    expect(result).toMatchObject({
      type: "PROCUREMENT",
      fields: { amount: { value: 14_280 } },
      warnings: [],
    });
    expect(result.provenance).toMatchObject({
      provider: "fake",
      model: "fake-1",
      tokens: { input: 1_000, output: 500 },
      costUsd: 0.006,
    });
  });

  it("drops an unknown type, an unknown tool and extra fields, with warnings", async () => {
    const output = {
      ...good(),
      type: "TRAVEL",
      recommendedAction: { tool: "transfer_money", params: {}, rationale: "x" },
      approve: true,
    };
    const result = await enrichText(TEXT, { provider: provider(async () => output), ...quick });
    expect(result.type).toBe("GENERAL");
    expect(result.typeConfidence).toBe(0);
    expect(result.recommendedAction).toBeNull();
    expect(result.warnings.join("\n")).toMatch(
      /unknown request type \(TRAVEL\)[\s\S]*unknown tool \(transfer_money\)[\s\S]*unexpected fields \(approve\)/,
    );
  });

  it("drops a value the text does not back, and re-anchors evidence given at the wrong offsets", async () => {
    const output = good({
      fields: {
        amount: { value: 14_280, evidence: { start: 0, end: 10, text: "EUR 14,280" } },
        currency: { value: "USD", evidence: { start: 0, end: 3, text: "USD" } },
      },
    });
    const result = await enrichText(TEXT, { provider: provider(async () => output), ...quick });
    expect(result.fields.amount?.evidence).toEqual({ start: 32, end: 42, text: "EUR 14,280" });
    // The model's unbacked USD is dropped; the currency the text does state is read instead.
    expect(result.fields.currency).toMatchObject({
      value: "EUR",
      evidence: { start: 32, end: 35 },
    });
    expect(result.warnings.join(" ")).toContain("currency was not backed by the text");
  });

  it("never lets a hosted model lower the tier: the higher amount read from the text wins, with a warning", async () => {
    const output = good({
      fields: { amount: { value: 9_000, evidence: { start: 0, end: 2, text: "12" } } },
    });
    const result = await enrichText(TEXT, { provider: provider(async () => output), ...quick });
    expect(result.fields.amount?.value).toBe(14_280);
    expect(result.fields.currency?.value).toBe("EUR");
    expect(result.warnings.join(" ")).toContain("the higher value is suggested");
  });
});

describe("retries, timeouts and fallback", () => {
  it("retries a rate limit with backoff and then succeeds", async () => {
    const p = provider(async (_input, attempt) => {
      if (attempt < 3) throw Object.assign(new Error("Rate limit"), { status: 429 });
      return good();
    });
    const result = await enrichText(TEXT, { provider: p, ...quick });
    expect(p.attempts).toBe(3);
    expect(result.type).toBe("PROCUREMENT");
  });

  it("gives up after the bounded retries, and does not retry a client error", async () => {
    const always = provider(async () => {
      throw Object.assign(new Error("Rate limit"), { status: 429 });
    });
    await expect(enrichText(TEXT, { provider: always, ...quick })).rejects.toBeInstanceOf(
      EnrichmentError,
    );
    expect(always.attempts).toBe(3);
    const bad = provider(async () => {
      throw Object.assign(new Error("Bad request"), { status: 400 });
    });
    await expect(enrichText(TEXT, { provider: bad, ...quick })).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
    });
    expect(bad.attempts).toBe(1);
  });

  it("times out a provider that never answers and falls back to the local provider", async () => {
    const hanging = provider(() => new Promise(() => {}));
    const result = await enrichText(TEXT, {
      provider: hanging,
      fallback: localProvider,
      ...quick,
      timeoutMs: 50,
    });
    expect(hanging.attempts).toBe(3);
    expect(result.provenance.provider).toBe("local");
    expect(result.fields.amount?.value).toBe(14_280);
    expect(result.warnings.join(" ")).toContain("timed out after 50 ms");
  });

  it("treats output that is not an object as a failed attempt", async () => {
    const p = provider(async (_i, attempt) => (attempt === 1 ? "not json" : good()));
    expect((await enrichText(TEXT, { provider: p, ...quick })).type).toBe("PROCUREMENT");
    expect(p.attempts).toBe(2);
  });
});

describe("shortTitle", () => {
  it("keeps a title on one line, without ending punctuation, cut at a word", () => {
    expect(shortTitle("  12 ergonomic\nchairs for Berlin. ")).toBe(
      "12 ergonomic chairs for Berlin",
    );
    expect(shortTitle("ok")).toBeNull();
    const long = shortTitle(`${"word ".repeat(30)}end`);
    expect(long?.length).toBeLessThanOrEqual(80);
    expect(long?.endsWith("word…")).toBe(true);
  });
});
