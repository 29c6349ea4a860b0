/** Roles as plain values shared by client and server code (mirrors the Prisma enum `Role`). */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";

export const ROLES = [
  "REQUESTER",
  "MANAGER",
  "FINANCE",
  "DIRECTOR",
  "HR",
  "SUPPORT_L2",
  "ADMIN",
  /** Reads every request and the whole audit trail; decides nothing, changes nothing. */
  "AUDITOR",
] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  REQUESTER: "Requester",
  MANAGER: "Manager",
  FINANCE: "Finance",
  DIRECTOR: "Director",
  HR: "HR",
  SUPPORT_L2: "Support L2",
  ADMIN: "Admin",
  AUDITOR: "Auditor",
};

/** Roles that decide approval steps (the inbox is theirs). */
export const APPROVER_ROLES: readonly Role[] = [
  "MANAGER",
  "FINANCE",
  "DIRECTOR",
  "HR",
  "SUPPORT_L2",
];
