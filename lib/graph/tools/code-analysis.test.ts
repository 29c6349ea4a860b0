import { describe, expect, it } from "vitest";
import { analyseSource } from "./code-analysis";
import { detectIssues, extractFunctions, scoreOf, suggestImprovements } from "./code-review";
import { callTool } from "./registry";

const SOURCE = `
// TODO: cache the rates
export function price(items: Item[], rate: number, unused: string, _ctx: unknown) {
  let total = 0;
  for (const item of items) {
    if (item.qty > 0 && item.price) {
      total += item.qty * item.price;
    } else if (item.free) {
      continue;
    }
  }
  const label = "TODO: not a comment";
  return total * rate;
}

class Cart {
  total(discount = 0) {
    return this.items.reduce((sum, i) => sum + i.price, 0) - discount;
  }
}

const shout = (text) => text.toUpperCase();
const ignore = (a, b) => a;

function deep(x) {
  if (x) { for (;;) { while (x) { if (x > 1) { switch (x) { case 1: return 1; default: return 2; } } } } }
  /* FIXME handle zero */
  return 0;
}
`;

describe("analyseSource", () => {
  const analysis = analyseSource(SOURCE);
  const byName = Object.fromEntries(analysis.functions.map((f) => [f.name, f]));

  it("finds declarations, methods, arrows and callbacks, named as people would name them", () => {
    expect(analysis.functions.map((f) => f.name)).toEqual([
      "price",
      "Cart.total",
      "(anonymous at line 18)",
      "shout",
      "ignore",
      "deep",
    ]);
    expect(byName.price).toMatchObject({ startLine: 3, endLine: 14, lines: 12 });
  });

  it("counts decisions for cyclomatic complexity, not those of nested functions", () => {
    // 1 + for + if + && + else-if = 5
    expect(byName.price?.complexity).toBe(5);
    expect(byName["Cart.total"]?.complexity).toBe(1);
    // 1 + if + for + while + if + case (default does not count) = 6
    expect(byName.deep?.complexity).toBe(6);
  });

  it("measures nesting, with else-if on the same level", () => {
    expect(byName.price?.maxNesting).toBe(2);
    expect(byName.deep?.maxNesting).toBe(5);
  });

  it("lists parameters the body never reads (except _-prefixed ones)", () => {
    expect(byName.price?.unusedParams).toEqual(["unused"]);
    expect(byName.ignore?.unusedParams).toEqual(["b"]);
    expect(byName.shout?.unusedParams).toEqual([]);
    expect(byName["Cart.total"]?.unusedParams).toEqual([]);
  });

  it("reads TODO-style notes from comments only", () => {
    expect(analysis.todos).toEqual([
      { line: 2, text: "TODO: cache the rates" },
      { line: 27, text: "FIXME: handle zero" },
    ]);
  });

  it("reports syntax errors it recovered from", () => {
    const broken = analyseSource("function ok() { return 1 }\nfunction bad( {");
    expect(broken.functions.map((f) => f.name)).toContain("ok");
    expect(broken.syntaxErrors.length).toBeGreaterThan(0);
  });
});

describe("the code-review tools", () => {
  it("find issues, then raise the projected score one function per pass until none is left", async () => {
    const key = { idempotencyKey: "t" };
    const extracted = await callTool(extractFunctions, { code: SOURCE }, key);
    const found = (await callTool(detectIssues, extracted, key)) as {
      issues: { id: string; kind: string; function: string | null }[];
      code_score: number;
    };
    expect(found.issues.map((i) => i.kind).sort()).toEqual([
      "nesting",
      "todo",
      "todo",
      "unused_parameter",
      "unused_parameter",
    ]);
    expect(found.code_score).toBe(
      scoreOf([{ severity: "warning" }, ...Array(4).fill({ severity: "info" })]),
    );
    let state: Record<string, unknown> = { issues: found.issues };
    const scores: number[] = [];
    for (let pass = 0; pass < 10; pass++) {
      state = { ...state, ...(await callTool(suggestImprovements, state, key)) };
      scores.push(state.quality_score as number);
      if (state.remaining_issues === 0) break;
    }
    // From 85: deep (7) first, then the file's notes (4), then ignore and price (2 each, by name).
    expect(scores).toEqual([92, 96, 98, 100]);
    expect((state.suggestions as unknown[]).length).toBe(found.issues.length);
  });

  it("refuses input that does not match the tool's schema, naming the field", async () => {
    await expect(callTool(extractFunctions, { code: 42 }, { idempotencyKey: "t" })).rejects.toThrow(
      /code:/,
    );
  });
});
