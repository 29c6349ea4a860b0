import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, parseExamples } from "./evaluate";
import { localProvider } from "./local";
import type { AiProvider } from "./provider";

describe("evaluate", () => {
  it("scores type and field accuracy and reports each miss", async () => {
    const examples = parseExamples(
      [
        '{"text":"Please order a standing desk for me, it costs 650 EUR.","type":"PROCUREMENT","amount":650,"currency":"EUR"}',
        '{"text":"Sick leave for 3 days, flu.","type":"LEAVE","days":3}',
        '{"text":"Sick leave for 3 days, flu.","type":"SUPPORT","severity":2}',
      ].join("\n"),
    );
    const report = await evaluate(localProvider, examples, { latencyRounds: 2 });
    expect(report.typeAccuracy).toBeCloseTo(2 / 3);
    expect(report.fields.amount).toEqual({ labelled: 1, exact: 1, accuracy: 1 });
    expect(report.fields.severity).toEqual({ labelled: 1, exact: 0, accuracy: 0 });
    expect(report.latencySamples).toBe(6);
    expect(report.misses).toHaveLength(1);
    expect(report.misses[0]?.got).toMatchObject({ type: "LEAVE" });
  });

  it("names the line of a malformed example", () => {
    expect(() =>
      parseExamples('{"text":"x","type":"LEAVE"}\n{"text":"y","type":"TRAVEL"}'),
    ).toThrow(/line 2/);
  });
});

describe("tier downgrades", () => {
  const text = "50 laptops for the new office, EUR 80,000 in total.";
  const examples = parseExamples(
    JSON.stringify({ text, type: "PROCUREMENT", amount: 80_000, currency: "EUR" }),
  );
  /** A provider that gets `type` and `amount` wrong, as a careless model might. */
  const careless = (type: "PROCUREMENT" | "GENERAL", amount: number): AiProvider => ({
    name: "careless",
    model: "test",
    pricing: { input: 0, output: 0 },
    async enrich() {
      return {
        type,
        typeConfidence: 0.9,
        fields:
          type === "PROCUREMENT"
            ? {
                amount: { value: amount, evidence: { start: 31, end: 41, text: "EUR 80,000" } },
                currency: { value: "EUR", evidence: { start: 31, end: 34, text: "EUR" } },
              }
            : {},
        summary: "Laptops.",
        confidence: 0.9,
        recommendedAction: null,
        warnings: [],
        model: "test",
      };
    },
  });

  it("counts an extraction whose chain is shorter than the labelled one", async () => {
    const report = await evaluate(careless("GENERAL", 0), examples);
    expect(report.tierDowngrades).toEqual([
      { text, expected: ["MANAGER", "FINANCE", "DIRECTOR"], got: ["MANAGER"] },
    ]);
  });

  it("finds none where the wrapper already corrects a hosted model's low amount", async () => {
    const report = await evaluate(careless("PROCUREMENT", 800), examples);
    expect(report.tierDowngrades).toEqual([]);
    expect(report.fields.amount.accuracy).toBe(1);
  });

  it("counts none when the extraction routes as labelled", async () => {
    expect((await evaluate(localProvider, examples)).tierDowngrades).toEqual([]);
  });
});

describe("the local provider on the labelled sets", () => {
  // Copies of ../shared/eval kept in the repo (the suite needs nothing beside it), and texts
  // written for this repo in the same kinds: separators, scales, quantities and rates, words,
  // dates, severities and text that tries to talk the assistant down.
  const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures");
  it.each(["enrichment-dev.jsonl", "enrichment-dev-amounts.jsonl", "enrichment-extra.jsonl"])(
    "%s: type ≥ 97%, each field ≥ 95%, no tier downgrade",
    async (file) => {
      const examples = parseExamples(readFileSync(path.join(fixtures, file), "utf8"));
      const report = await evaluate(localProvider, examples);
      expect(report.misses).toEqual([]); // every miss, named, if one appears
      expect(report.typeAccuracy).toBeGreaterThanOrEqual(0.97);
      for (const field of Object.values(report.fields)) {
        expect(field.accuracy).toBeGreaterThanOrEqual(0.95);
      }
      expect(report.tierDowngrades).toEqual([]);
    },
  );
});
