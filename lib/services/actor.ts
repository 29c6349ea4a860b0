/** Who acts in a service call: a signed-in user (as the engine sees them) or the system. */
import type { SessionUser } from "@/lib/auth/config";
import type { Actor } from "@/lib/engine";

export type ServiceActor = Pick<SessionUser, "id" | "roles" | "standingInFor"> & {
  department: { id: string } | null;
};

export function engineActor(user: ServiceActor): Extract<Actor, { kind: "user" }> {
  return {
    kind: "user",
    id: user.id,
    roles: user.roles,
    departmentId: user.department?.id ?? null,
  };
}

export const SYSTEM: Actor = { kind: "system" };
