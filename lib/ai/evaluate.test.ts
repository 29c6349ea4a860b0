import { describe, expect, it } from "vitest";
import { evaluate, parseExamples } from "./evaluate";
import { localProvider } from "./local";

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
