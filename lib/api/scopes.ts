/**
 * What an API token may do, on top of what its owner may do (lib/auth/permissions.ts): a token
 * acts as its user, narrowed to its scopes. A signed-in browser session holds every scope.
 */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

export const SCOPES = ["read", "write", "decide", "admin"] as const;
export const ScopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof ScopeSchema>;

export const SCOPE_LABELS: Readonly<Record<Scope, string>> = {
  read: "Read requests, the inbox, the audit trail and workflows",
  write: "Create, edit, submit, cancel and resubmit requests",
  decide: "Approve, reject, request changes and escalate steps",
  admin: "Publish workflows (admins only)",
};

/** The permission a user needs before a token of theirs may hold `scope`. */
const SCOPE_NEEDS: Readonly<Record<Scope, Permission | null>> = {
  read: null,
  write: "request:create",
  decide: "request:decide",
  admin: "workflow:manage",
};

/** The scopes a user with `roles` may put on a token. */
export function grantableScopes(user: { roles: readonly Role[] }): Scope[] {
  return SCOPES.filter((scope) => {
    const needs = SCOPE_NEEDS[scope];
    return needs === null || can(user, needs);
  });
}
