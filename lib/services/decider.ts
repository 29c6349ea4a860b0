/**
 * Who decides a waiting step: the person themselves when their roles allow it, otherwise — while
 * they stand in for an absent approver (lib/services/create-delegation.ts) — the person on behalf
 * of the first such approver who may decide it. The engine checks the result like any actor.
 */
import type { Db } from "@/lib/db/client";
import { delegatorsOf } from "@/lib/db/delegations";
import { type Actor, decideRefusal, type RequestState } from "@/lib/engine";
import { engineActor, type ServiceActor } from "./actor";

export async function deciderFor(
  db: Db,
  user: ServiceActor,
  state: RequestState,
  now: Date,
): Promise<Extract<Actor, { kind: "user" }>> {
  const self = engineActor(user);
  if (!state.step || decideRefusal(state, self) === null) return self;
  for (const principal of await delegatorsOf(db, user.id, now)) {
    const actor = { ...self, onBehalfOf: principal };
    if (decideRefusal(state, actor) === null) return actor;
  }
  return self;
}
