/**
 * Graph workflows that compute (issue 15): a declared run state, nodes that call tools from the
 * registry (lib/graph/tools) and write their declared outputs into that state, CEL conditions on
 * the edges over the state's declared types, loops bounded by visit limits, and fork / join
 * nodes for parallel branches. A definition is data (JSON), versioned per `key`, and checked as a
 * whole before it is stored (lib/graph/validate.ts). The executor (lib/services/runs/run-step.ts)
 * runs one node per job on the job runtime, so a run survives a restart.
 */
import { z } from "zod";

/** The types a state key may have; each maps to a CEL type for the edges' conditions. */
export const STATE_TYPES = ["string", "number", "boolean", "list", "object"] as const;
export type StateType = (typeof STATE_TYPES)[number];

const Key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, "Lower-case letters, digits and _, starting with a letter.");

export const StateKeySchema = z
  .object({
    type: z.enum(STATE_TYPES),
    description: z.string().max(300).optional(),
    /** The value before anything writes it (and when the run's input leaves it out). */
    default: z.unknown().optional(),
    /** The run's input must give it. */
    required: z.boolean().optional(),
  })
  .strict();
export type StateKey = z.infer<typeof StateKeySchema>;

const NodeBase = {
  id: Key,
  label: z.string().min(1).max(80).optional(),
  /** How often one run may enter this node; one more is a failed run, never an endless loop. */
  maxVisits: z.int().min(1).max(1_000).default(25),
};

/** A tool input taken from a state key, or a constant. */
export const InputBindingSchema = z.union([
  z.object({ state: Key }).strict(),
  z.object({ value: z.unknown() }).strict(),
]);
export type InputBinding = z.infer<typeof InputBindingSchema>;

/** What an approval node's request is made of, and the state type each takes. */
export const APPROVAL_INPUT_TYPES = {
  type: "string",
  text: "string",
  title: "string",
  amount: "number",
  currency: "string",
  days: "number",
  startDate: "string",
  endDate: "string",
  severity: "number",
  action: "object",
} as const satisfies Record<string, StateType>;
export const APPROVAL_INPUTS = Object.keys(
  APPROVAL_INPUT_TYPES,
) as (keyof typeof APPROVAL_INPUT_TYPES)[];
export const APPROVAL_OUTPUTS = ["outcome", "request_id", "reference"] as const;

export const GraphNodeSchema = z.discriminatedUnion("kind", [
  z
    .object({
      ...NodeBase,
      kind: z.literal("tool"),
      tool: z.string().min(1).max(80),
      /** Tool input name → where its value comes from. */
      inputs: z.record(z.string(), InputBindingSchema).default({}),
      /** Tool output name → the state key it is written to. */
      outputs: z.record(z.string(), Key).default({}),
      /** Longest the tool may take, at most the tool's own limit. */
      timeoutMs: z.int().min(1).max(600_000).optional(),
      /** Attempts of a tool that fails (an async action); pure tools fail at once. */
      retries: z.int().min(0).max(10).default(0),
    })
    .strict(),
  z
    .object({
      ...NodeBase,
      kind: z.literal("fork"),
      /** The join where this fork's branches meet. */
      join: Key,
    })
    .strict(),
  z
    .object({
      ...NodeBase,
      kind: z.literal("join"),
      /** Go on when all branches arrived, the first one, or the first N. */
      wait: z.union([z.literal("all"), z.literal("any"), z.int().min(1).max(50)]).default("all"),
    })
    .strict(),
  z
    .object({
      ...NodeBase,
      kind: z.literal("approval"),
      /**
       * The request the run waits on, from the state or constants: its type, text (what the
       * approvers read) and title, the fields its workflow routes by, and the action to run once
       * it is approved. It is opened in the run starter's name, goes through the type's approval
       * chain like any request (inbox, SLA, audit trail, the action once), and the run goes on
       * when it is approved, rejected or cancelled.
       */
      inputs: z.partialRecord(z.enum(APPROVAL_INPUTS), InputBindingSchema),
      /** `outcome` ("approved", "rejected", "cancelled"), `request_id`, `reference` ("FG-12"). */
      outputs: z.partialRecord(z.enum(APPROVAL_OUTPUTS), Key).default({}),
    })
    .strict(),
  z.object({ ...NodeBase, kind: z.literal("branch") }).strict(),
  z
    .object({
      ...NodeBase,
      kind: z.literal("end"),
      outcome: z.enum(["SUCCEEDED", "FAILED"]).default("SUCCEEDED"),
    })
    .strict(),
]);
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type ToolNode = Extract<GraphNode, { kind: "tool" }>;
export type ApprovalNode = Extract<GraphNode, { kind: "approval" }>;

export const GraphEdgeSchema = z
  .object({
    from: Key,
    to: Key,
    /** CEL over the state (e.g. `quality_score < threshold`); none: the default edge. */
    when: z.string().min(1).max(500).optional(),
  })
  .strict();
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

/** A graph workflow's key, as in its URL: lower-case letters, digits and -, 2–63 characters. */
const GRAPH_KEY = /^[a-z][a-z0-9-]{1,62}$/;

/** Whether `value` can be a workflow's key at all (else: no such workflow, without a query). */
export function isGraphKey(value: string): boolean {
  return GRAPH_KEY.test(value);
}

export const GraphDefinitionSchema = z
  .object({
    key: z.string().regex(GRAPH_KEY, "Lower-case letters, digits and -, starting with a letter."),
    name: z.string().min(1).max(120),
    description: z.string().max(2_000).optional(),
    state: z.record(Key, StateKeySchema),
    start: Key,
    nodes: z.array(GraphNodeSchema).min(1).max(200),
    edges: z.array(GraphEdgeSchema).max(500),
  })
  .strict();
export type GraphDefinition = z.infer<typeof GraphDefinitionSchema>;
export type GraphDefinitionInput = z.input<typeof GraphDefinitionSchema>;

export type RunState = Record<string, unknown>;

/** What a binding gives in `state`: the key's value (undefined when unset), or its constant. */
export function bindingValue(binding: InputBinding, state: RunState): unknown {
  return "state" in binding ? state[binding.state] : binding.value;
}

export const RUN_STATUSES = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const FINISHED_RUN_STATUSES: ReadonlySet<RunStatus> = new Set([
  "SUCCEEDED",
  "FAILED",
  "CANCELLED",
]);

export function graphNode(definition: GraphDefinition, id: string): GraphNode {
  const node = definition.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node "${id}"`);
  return node;
}
