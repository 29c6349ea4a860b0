/** Builders for engine tests (not used by the app). */
import { DEFAULT_WORKFLOWS } from "./default-workflows";
import type { RequestFields, RequestType } from "./fields";
import { validateWorkflow } from "./graph";
import { type Transition, type TransitionInput, transition } from "./lifecycle";
import type { Actor, EngineEvent, RequestState, Role, WorkflowDefinition } from "./model";

export const T0 = new Date("2026-11-02T09:00:00.000Z");
export const ENG = "dept-eng";
export const OPS = "dept-ops";

export function workflow(type: RequestType): WorkflowDefinition {
  const result = validateWorkflow(DEFAULT_WORKFLOWS[type]);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

export function user(id: string, roles: Role[], departmentId: string | null = ENG): Actor {
  return { kind: "user", id, roles, departmentId };
}

export const actors = {
  requester: user("u-requester", ["REQUESTER"], ENG),
  managerEng: user("u-manager-eng", ["REQUESTER", "MANAGER"], ENG),
  managerOps: user("u-manager-ops", ["REQUESTER", "MANAGER"], OPS),
  finance: user("u-finance", ["REQUESTER", "FINANCE"], "dept-fin"),
  director: user("u-director", ["REQUESTER", "DIRECTOR"], OPS),
  hr: user("u-hr", ["REQUESTER", "HR"], "dept-ppl"),
  support: user("u-support", ["REQUESTER", "SUPPORT_L2"], OPS),
  system: { kind: "system" } as Actor,
};

/** The approver of each role in the helpers' world (the ENG manager for MANAGER steps). */
export const approverFor: Record<Role, Actor> = {
  REQUESTER: actors.requester,
  MANAGER: actors.managerEng,
  FINANCE: actors.finance,
  DIRECTOR: actors.director,
  HR: actors.hr,
  SUPPORT_L2: actors.support,
  ADMIN: user("u-admin", ["ADMIN"], OPS),
  AUDITOR: user("u-auditor", ["AUDITOR"], "dept-fin"),
};

export function draft(
  type: RequestType,
  fields: RequestFields,
  overrides: Partial<RequestState> = {},
): RequestState {
  return {
    id: "req-1",
    type,
    status: "DRAFT",
    requesterId: "u-requester",
    departmentId: ENG,
    round: 1,
    fields,
    action: null,
    currentNodeId: null,
    visits: {},
    step: null,
    ...overrides,
  };
}

let counter = 0;
export const newId = () => `id-${++counter}`;

/** Applies an event and returns the transition, throwing on refusal (for happy paths). */
export function step(
  definition: WorkflowDefinition,
  state: RequestState,
  event: EngineEvent,
  actor: Actor,
  now: Date = T0,
): Transition {
  const result = transition({
    definition,
    state,
    event,
    actor,
    now,
    newId,
  } satisfies TransitionInput);
  if (!result.ok)
    throw new Error(`${event.type} refused: ${result.error.code} ${result.error.message}`);
  return result.transition;
}

/** Submits and approves every step with the matching approver; returns the roles asked, in order. */
export function approveAll(
  type: RequestType,
  fields: RequestFields,
): { roles: Role[]; final: Transition } {
  const definition = workflow(type);
  let t = step(definition, draft(type, fields), { type: "SUBMIT" }, actors.requester);
  const roles: Role[] = [];
  for (let guard = 0; t.state.step && guard < 10; guard++) {
    roles.push(t.state.step.role);
    t = step(definition, t.state, { type: "APPROVE" }, approverFor[t.state.step.role]);
  }
  return { roles, final: t };
}
