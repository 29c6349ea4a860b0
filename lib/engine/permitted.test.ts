import { describe, expect, it } from "vitest";
import { transition } from "./lifecycle";
import type { Actor, EngineEvent, RequestState } from "./model";
import { permittedActions, type RequestAction } from "./permitted";
import { actors, draft, newId, step, T0, workflow } from "./test-helpers";

const procurement = workflow("PROCUREMENT");

const EVENTS: Record<RequestAction, EngineEvent> = {
  edit: { type: "UPDATE", fields: { amount: 500, currency: "EUR" } },
  submit: { type: "SUBMIT" },
  resubmit: { type: "RESUBMIT" },
  cancel: { type: "CANCEL" },
  approve: { type: "APPROVE" },
  reject: { type: "REJECT", reason: "Not in budget" },
  request_changes: { type: "REQUEST_CHANGES", comment: "Add a quote" },
  escalate: { type: "ESCALATE", reason: "Needs a director" },
};

function accepted(state: RequestState, actor: Actor, action: RequestAction): boolean {
  return transition({
    definition: procurement,
    state,
    event: EVENTS[action],
    actor,
    now: T0,
    newId,
  }).ok;
}

const fields = { amount: 14_280, currency: "EUR" };
const submitted = step(
  procurement,
  draft("PROCUREMENT", fields),
  { type: "SUBMIT" },
  actors.requester,
).state;
const changes = step(procurement, submitted, EVENTS.request_changes, actors.managerEng).state;
const escalated = step(procurement, submitted, EVENTS.escalate, actors.managerEng).state;
const rejected = step(procurement, submitted, EVENTS.reject, actors.managerEng).state;

const STATES: Record<string, RequestState> = {
  draft: draft("PROCUREMENT", fields),
  submitted,
  changes,
  escalated,
  rejected,
};
const ACTORS = { ...actors };

describe("permittedActions", () => {
  it("offers exactly the actions the transition function accepts", () => {
    for (const [stateName, state] of Object.entries(STATES)) {
      for (const [actorName, actor] of Object.entries(ACTORS)) {
        const offered = permittedActions(state, actor);
        for (const action of Object.keys(EVENTS) as RequestAction[]) {
          expect({ stateName, actorName, action, ok: accepted(state, actor, action) }).toEqual({
            stateName,
            actorName,
            action,
            ok: offered.includes(action),
          });
        }
      }
    }
  });

  it("gives the requester edit, submit and cancel on a draft, and nothing once it is closed", () => {
    expect(permittedActions(STATES.draft as RequestState, actors.requester)).toEqual([
      "edit",
      "submit",
      "cancel",
    ]);
    expect(permittedActions(changes, actors.requester)).toEqual(["edit", "resubmit", "cancel"]);
    expect(permittedActions(rejected, actors.requester)).toEqual([]);
  });

  it("lets only the step's role in scope decide, and not escalate twice", () => {
    expect(permittedActions(submitted, actors.managerEng)).toEqual([
      "approve",
      "reject",
      "request_changes",
      "escalate",
    ]);
    expect(permittedActions(submitted, actors.managerOps)).toEqual([]);
    expect(permittedActions(submitted, actors.finance)).toEqual([]);
    expect(permittedActions(escalated, actors.director)).toEqual([
      "approve",
      "reject",
      "request_changes",
    ]);
  });
});
