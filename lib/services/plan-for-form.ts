/**
 * "Who approves, and how long may it take": the chain a request with these fields would go
 * through if submitted now, for the new-request form before anything is saved. Read from the
 * type's latest published workflow by the engine's own planner (plannedChain), so what the
 * requester is told is what submission will do. Nothing is stored.
 */
import type { Db } from "@/lib/db/client";
import { latestWorkflow } from "@/lib/db/workflows";
import { plannedChain } from "@/lib/engine/chain";
import {
  FIELD_LABELS,
  missingFields,
  RequestFieldsSchema,
  RequestTypeSchema,
} from "@/lib/engine/fields";
import type { Role } from "@/lib/engine/model";
import { fieldsFromForm } from "@/lib/forms/request";

export interface PlanView {
  steps: { nodeId: string; role: Role; label: string; slaHours: number }[];
  /** The longest it can wait before the last decision, if every step took its full time. */
  totalHours: number;
  /** Why there is no plan yet ("Fill in the amount …"), or null. */
  problem: string | null;
}

/** `values`: the form's field inputs as typed ("14280", "EUR"), by field name. */
export async function planForForm(
  db: Db,
  type: unknown,
  values: Record<string, string>,
): Promise<PlanView | null> {
  const known = RequestTypeSchema.safeParse(type);
  if (!known.success) return null;
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(`fields.${name}`, value);
  const parsed = RequestFieldsSchema.safeParse(fieldsFromForm(form, known.data));
  const none = (problem: string): PlanView => ({ steps: [], totalHours: 0, problem });
  if (!parsed.success) return none("Correct the fields above to see who approves.");
  const missing = missingFields(known.data, parsed.data);
  if (missing.length > 0) {
    const names = missing.map((name) => FIELD_LABELS[name].toLowerCase()).join(" and ");
    return none(`Fill in the ${names} to see who approves.`);
  }
  const workflow = await latestWorkflow(db, known.data);
  if (!workflow) return none("No workflow is published for this type yet: it cannot be submitted.");
  const chain = plannedChain(workflow.definition, {
    type: known.data,
    round: 1,
    fields: parsed.data,
    status: "DRAFT",
    currentNodeId: null,
  });
  if (chain.problem) return none(`The workflow cannot plan this request: ${chain.problem}`);
  const steps = chain.steps.map(({ nodeId, role, label, slaHours }) => ({
    nodeId,
    role,
    label,
    slaHours,
  }));
  return { steps, totalHours: steps.reduce((sum, step) => sum + step.slaHours, 0), problem: null };
}
