/** Accuracy and latency of a provider over labelled request texts (JSON lines). */
import { z } from "zod";
import {
  chainRoles,
  DEFAULT_WORKFLOWS,
  type RequestFields,
  type RequestType,
  RequestTypeSchema,
  type Role,
  type WorkflowDefinition,
  WorkflowDefinitionSchema,
} from "@/lib/engine";
import { enrichText } from "./enrich";
import type { AiProvider } from "./provider";

export const LabelledExampleSchema = z.object({
  text: z.string(),
  type: RequestTypeSchema,
  amount: z.number().optional(),
  currency: z.string().optional(),
  days: z.number().optional(),
  severity: z.number().optional(),
});
export type LabelledExample = z.infer<typeof LabelledExampleSchema>;

const FIELDS = ["amount", "currency", "days", "severity"] as const;

export interface EvaluationReport {
  examples: number;
  typeAccuracy: number;
  fields: Record<(typeof FIELDS)[number], { labelled: number; exact: number; accuracy: number }>;
  latencyMs: { p50: number; p95: number; p99: number };
  latencySamples: number;
  misses: { text: string; expected: Record<string, unknown>; got: Record<string, unknown> }[];
  /**
   * Texts whose extracted type and fields route through a shorter chain of the default workflows
   * than the labelled ones: the errors that let a request skip an approver.
   */
  tierDowngrades: { text: string; expected: Role[]; got: Role[] }[];
}

let defaults: Record<RequestType, WorkflowDefinition> | undefined;

/** The roles a request of `type` with `fields` passes in the default workflows (null: unroutable). */
export function defaultChain(type: RequestType, fields: RequestFields): Role[] | null {
  defaults ??= Object.fromEntries(
    Object.entries(DEFAULT_WORKFLOWS).map(([t, d]) => [t, WorkflowDefinitionSchema.parse(d)]),
  ) as Record<RequestType, WorkflowDefinition>;
  return chainRoles(defaults[type], type, fields);
}

export function parseExamples(jsonl: string): LabelledExample[] {
  return jsonl
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const parsed = LabelledExampleSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`line ${index + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export async function evaluate(
  provider: AiProvider,
  examples: LabelledExample[],
  options: { now?: Date; latencyRounds?: number } = {},
): Promise<EvaluationReport> {
  const now = options.now ?? new Date("2026-11-22T09:00:00Z");
  const latencies: number[] = [];
  let typeHits = 0;
  const fields = Object.fromEntries(
    FIELDS.map((f) => [f, { labelled: 0, exact: 0, accuracy: 1 }]),
  ) as EvaluationReport["fields"];
  const misses: EvaluationReport["misses"] = [];
  const tierDowngrades: EvaluationReport["tierDowngrades"] = [];
  for (const example of examples) {
    const started = performance.now();
    const result = await enrichText(example.text, { provider, now, retries: 0 });
    latencies.push(performance.now() - started);
    const got: Record<string, unknown> = { type: result.type };
    let miss = false;
    if (result.type === example.type) typeHits += 1;
    else miss = true;
    for (const name of FIELDS) {
      const expected = example[name];
      const value = result.fields[name]?.value;
      got[name] = value;
      if (expected === undefined) continue;
      fields[name].labelled += 1;
      if (value === expected) fields[name].exact += 1;
      else miss = true;
    }
    if (miss) misses.push({ text: example.text, expected: { ...example, text: undefined }, got });
    const { text: _text, type: expectedType, ...expectedFields } = example;
    const expectedChain = defaultChain(expectedType, expectedFields);
    const gotChain = defaultChain(
      result.type,
      Object.fromEntries(
        Object.entries(result.fields).map(([name, field]) => [name, field.value]),
      ) as RequestFields,
    );
    // An extraction missing a field the route needs cannot be submitted as it is (the requester
    // must fill it in), so only a chain that can be planned and is shorter counts.
    if (expectedChain && gotChain && gotChain.length < expectedChain.length) {
      tierDowngrades.push({ text: example.text, expected: expectedChain, got: gotChain });
    }
  }
  for (const name of FIELDS)
    fields[name].accuracy = fields[name].labelled ? fields[name].exact / fields[name].labelled : 1;
  // Latency over more rounds than one pass gives stable percentiles (30 samples do not).
  for (let round = 1; round < (options.latencyRounds ?? 1); round++) {
    for (const example of examples) {
      const started = performance.now();
      await enrichText(example.text, { provider, now, retries: 0 });
      latencies.push(performance.now() - started);
    }
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(
      (latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 1000,
    ) / 1000;
  return {
    examples: examples.length,
    typeAccuracy: examples.length ? typeHits / examples.length : 1,
    fields,
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99) },
    latencySamples: latencies.length,
    misses,
    tierDowngrades,
  };
}
