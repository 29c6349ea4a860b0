/**
 * Demo departments and users, one per role. Every user can request; MANAGER is scoped to the
 * manager's department, so there is one manager for each of two departments.
 * The sign-in page lists these in development (app/sign-in/demo-accounts.tsx).
 */
import type { Role } from "@prisma/client";

export const DEMO_PASSWORD = "flowgate-demo-2026";

export const DEMO_DEPARTMENTS = [
  { code: "ENG", name: "Engineering" },
  { code: "OPS", name: "Operations" },
  { code: "FIN", name: "Finance" },
  { code: "PPL", name: "People" },
] as const;

type DepartmentCode = (typeof DEMO_DEPARTMENTS)[number]["code"];

export interface DemoUser {
  email: string;
  name: string;
  roles: Role[];
  department: DepartmentCode;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: "requester@example.com",
    name: "Rita Requester",
    roles: ["REQUESTER"],
    department: "ENG",
  },
  {
    email: "manager.eng@example.com",
    name: "Max Manager",
    roles: ["REQUESTER", "MANAGER"],
    department: "ENG",
  },
  {
    email: "manager.ops@example.com",
    name: "Olga Ops",
    roles: ["REQUESTER", "MANAGER"],
    department: "OPS",
  },
  {
    email: "finance@example.com",
    name: "Fiona Finance",
    roles: ["REQUESTER", "FINANCE"],
    department: "FIN",
  },
  {
    email: "director@example.com",
    name: "Dirk Director",
    roles: ["REQUESTER", "DIRECTOR"],
    department: "OPS",
  },
  { email: "hr@example.com", name: "Hana HR", roles: ["REQUESTER", "HR"], department: "PPL" },
  {
    email: "support@example.com",
    name: "Sami Support",
    roles: ["REQUESTER", "SUPPORT_L2"],
    department: "OPS",
  },
  {
    email: "admin@example.com",
    name: "Ada Admin",
    roles: ["REQUESTER", "ADMIN"],
    department: "OPS",
  },
  {
    email: "auditor@example.com",
    name: "Avery Auditor",
    roles: ["AUDITOR"],
    department: "FIN",
  },
];
