/** The app shell's navigation: each entry names the permission it needs. */
import type { Route } from "next";
import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

export interface NavItem {
  href: Route;
  label: string;
  permission: Permission;
  /** Current only on this very path, not below it ("My requests" is not current on a request's page). */
  exact?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Home", permission: "request:read-own" },
  { href: "/requests/new", label: "New request", permission: "request:create" },
  { href: "/requests", label: "My requests", permission: "request:read-own", exact: true },
  { href: "/inbox", label: "Inbox", permission: "inbox:read" },
  { href: "/runs", label: "Runs", permission: "run:start" },
  { href: "/admin/users", label: "Users", permission: "user:manage" },
  { href: "/admin/audit", label: "Audit", permission: "audit:read" },
  { href: "/admin/integrations", label: "Integrations", permission: "integration:manage" },
  { href: "/admin/system", label: "System", permission: "system:read" },
];

export function navigationFor(subject: { roles: readonly Role[] }): NavItem[] {
  return NAV_ITEMS.filter((item) => can(subject, item.permission));
}
