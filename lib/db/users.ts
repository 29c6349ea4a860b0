/** Plain queries over users and departments. */
import type { Prisma, Role } from "@prisma/client";
import type { Db } from "./client";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  roles: true,
  active: true,
  passwordHash: true,
  department: { select: { id: true, code: true, name: true } },
} satisfies Prisma.UserSelect;

export function findUserForSignIn(db: Db, email: string) {
  return db.user.findUnique({ where: { email: normaliseEmail(email) }, select: sessionUserSelect });
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  roles: Role[];
  departmentId?: string | null;
}

export function createUser(db: Db, user: NewUser) {
  return db.user.create({
    data: { ...user, email: normaliseEmail(user.email) },
    select: { id: true, email: true, name: true, roles: true, departmentId: true, createdAt: true },
  });
}

export function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: [{ department: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      active: true,
      createdAt: true,
      department: { select: { code: true, name: true } },
    },
  });
}
