/**
 * The default workflows, seeded as version 1 of each type. They reproduce the original routing
 * rules exactly:
 *   PROCUREMENT  amount > 10,000 → MANAGER → FINANCE → DIRECTOR, otherwise MANAGER
 *   LEAVE        days > 3        → MANAGER → HR,                 otherwise MANAGER
 *   SUPPORT      severity 4–5    → SUPPORT_L2 → MANAGER,         severity 1–3 → SUPPORT_L2
 *   GENERAL      MANAGER
 * Every type: after the last approval, the request's action (if it has one) runs once.
 * Every approval step: the "approved" edge goes on, the default edge ends REJECTED.
 */
import type { RequestType } from "./fields";
import type { WorkflowDefinitionInput } from "./model";

type Step = {
  id: string;
  role: "MANAGER" | "FINANCE" | "DIRECTOR" | "HR" | "SUPPORT_L2";
  slaHours: number;
  escalateTo: "DIRECTOR" | "FINANCE" | "MANAGER" | "HR";
};

function approvals(steps: Step[], after: string) {
  const nodes = steps.map((step) => ({
    id: step.id,
    kind: "approval" as const,
    label: step.role,
    role: step.role,
    slaHours: step.slaHours,
    escalateTo: step.escalateTo,
  }));
  const edges = steps.flatMap((step, index) => [
    { from: step.id, to: steps[index + 1]?.id ?? after, when: 'outcome == "approved"' },
    { from: step.id, to: "rejected" },
  ]);
  return { nodes, edges };
}

const ends = [
  { id: "approved", kind: "end" as const, outcome: "APPROVED" as const },
  { id: "rejected", kind: "end" as const, outcome: "REJECTED" as const },
];

function tiered(
  type: RequestType,
  name: string,
  condition: string,
  high: Step[],
  low: Step[],
): WorkflowDefinitionInput {
  // After the last approval the request's action, if it has one, runs once ("action" passes
  // through when there is none), then the request is approved.
  const highChain = approvals(high, "action");
  const lowChain = approvals(low, "action");
  return {
    type,
    name,
    start: "enrich",
    nodes: [
      { id: "enrich", kind: "enrich" },
      { id: "route", kind: "branch" },
      ...highChain.nodes,
      ...lowChain.nodes,
      { id: "action", kind: "tool", label: "Approved action" },
      ...ends,
    ],
    edges: [
      { from: "enrich", to: "route" },
      { from: "route", to: high[0]?.id ?? "action", when: condition },
      { from: "route", to: low[0]?.id ?? "action" },
      ...highChain.edges,
      ...lowChain.edges,
      { from: "action", to: "approved" },
    ],
  };
}

export const DEFAULT_WORKFLOWS: Readonly<Record<RequestType, WorkflowDefinitionInput>> = {
  PROCUREMENT: tiered(
    "PROCUREMENT",
    "Procurement",
    "amount > 10000",
    [
      { id: "manager", role: "MANAGER", slaHours: 24, escalateTo: "DIRECTOR" },
      { id: "finance", role: "FINANCE", slaHours: 48, escalateTo: "DIRECTOR" },
      { id: "director", role: "DIRECTOR", slaHours: 72, escalateTo: "FINANCE" },
    ],
    [{ id: "manager_only", role: "MANAGER", slaHours: 24, escalateTo: "DIRECTOR" }],
  ),
  LEAVE: tiered(
    "LEAVE",
    "Leave",
    "days > 3",
    [
      { id: "manager", role: "MANAGER", slaHours: 24, escalateTo: "HR" },
      { id: "hr", role: "HR", slaHours: 48, escalateTo: "DIRECTOR" },
    ],
    [{ id: "manager_only", role: "MANAGER", slaHours: 24, escalateTo: "HR" }],
  ),
  SUPPORT: tiered(
    "SUPPORT",
    "Support",
    "severity >= 4",
    [
      { id: "support", role: "SUPPORT_L2", slaHours: 4, escalateTo: "MANAGER" },
      { id: "manager", role: "MANAGER", slaHours: 8, escalateTo: "DIRECTOR" },
    ],
    [{ id: "support_only", role: "SUPPORT_L2", slaHours: 24, escalateTo: "MANAGER" }],
  ),
  GENERAL: {
    type: "GENERAL",
    name: "General",
    start: "enrich",
    nodes: [
      { id: "enrich", kind: "enrich" },
      {
        id: "manager",
        kind: "approval",
        label: "MANAGER",
        role: "MANAGER",
        slaHours: 48,
        escalateTo: "DIRECTOR",
      },
      { id: "action", kind: "tool", label: "Approved action" },
      ...ends,
    ],
    edges: [
      { from: "enrich", to: "manager" },
      { from: "manager", to: "action", when: 'outcome == "approved"' },
      { from: "manager", to: "rejected" },
      { from: "action", to: "approved" },
    ],
  },
};
