/**
 * The role → permission table. Pages, handlers and navigation ask "may this session do X"
 * (`can(...)`), never "is this user a MANAGER". Scope (a MANAGER decides only for their own
 * department, nobody decides on their own request) is enforced by the engine, not here.
 */
import type { Role } from "./roles";

export const PERMISSIONS = [
  "request:create", // write and submit requests
  "request:read-own", // see one's own requests
  "inbox:read", // see the approval inbox
  "request:decide", // approve / reject / request changes / escalate a step one's role holds
  "request:read-any", // read any request (audit, support)
  "audit:read", // read and verify the audit trail
  "user:manage", // see and manage users, roles and departments
  "workflow:manage", // publish workflow versions
  "system:read", // system status, health details, the job queue
  "jobs:manage", // retry or abandon background jobs that failed for good
  "integration:manage", // outbound webhooks: subscribe, pause, redeliver
  "run:start", // start graph workflow runs (the code review) and follow one's own
  "run:read-any", // see every run and its log
  "run:manage", // cancel anyone's run
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE: readonly Permission[] = ["request:create", "request:read-own", "run:start"];
const APPROVER: readonly Permission[] = [...EVERYONE, "inbox:read", "request:decide"];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  REQUESTER: EVERYONE,
  MANAGER: APPROVER,
  FINANCE: APPROVER,
  DIRECTOR: APPROVER,
  HR: APPROVER,
  SUPPORT_L2: APPROVER,
  ADMIN: [
    ...EVERYONE,
    "request:read-any",
    "audit:read",
    "user:manage",
    "workflow:manage",
    "system:read",
    "jobs:manage",
    "integration:manage",
    "run:read-any",
    "run:manage",
  ],
  // Read everything, decide nothing: no inbox, no decisions, no management.
  AUDITOR: [...EVERYONE, "request:read-any", "audit:read", "system:read", "run:read-any"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}

export function can(
  subject: { roles: readonly Role[] } | null | undefined,
  permission: Permission,
) {
  return subject ? permissionsOf(subject.roles).has(permission) : false;
}
