/** Requests created through the real services, for specs whose subject is what comes after. */
import { hashPassword } from "../lib/auth/password";
import type { RequestFields, RequestType } from "../lib/engine";
import type { GraphDefinitionInput } from "../lib/graph/model";
import { createRequest } from "../lib/services/create-request";
import { publishGraph } from "../lib/services/runs/publish-graph";
import { DEMO_PASSWORD } from "../prisma/demo-data";
import { e2eDb } from "./database";

export async function seedRequest(
  email: string,
  request: { title: string; text: string; type: RequestType; fields: RequestFields },
  options: { submit?: boolean } = {},
): Promise<{ id: string; number: number }> {
  const db = e2eDb();
  try {
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      include: { department: true },
    });
    const created = await createRequest(
      db,
      { id: user.id, roles: user.roles, department: user.department },
      { ...request, intent: options.submit === false ? "save" : "submit" },
    );
    if (options.submit !== false && !created.submitted) {
      throw new Error(`seed request not submitted: ${created.submitError?.message}`);
    }
    return created;
  } finally {
    await db.$disconnect();
  }
}

export async function requestStatus(id: string): Promise<string> {
  const db = e2eDb();
  try {
    return (await db.request.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
  } finally {
    await db.$disconnect();
  }
}

export async function countByTitle(title: string): Promise<number> {
  const db = e2eDb();
  try {
    return await db.request.count({ where: { title } });
  } finally {
    await db.$disconnect();
  }
}

/** A person of this spec's own (demo password), so what it does touches no one else's sessions. */
export async function seedUser(
  email: string,
  roles: ("REQUESTER" | "MANAGER" | "FINANCE" | "DIRECTOR" | "SUPPORT_L2" | "ADMIN")[],
  departmentCode: string | null,
  options: { emailNotifications?: boolean } = {},
): Promise<void> {
  const db = e2eDb();
  try {
    const department = departmentCode
      ? await db.department.findUniqueOrThrow({ where: { code: departmentCode } })
      : null;
    await db.user.create({
      data: {
        email,
        name: email.split("@")[0] ?? email,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        roles,
        departmentId: department?.id ?? null,
        emailNotifications: options.emailNotifications ?? true,
      },
    });
  } finally {
    await db.$disconnect();
  }
}

/** Publishes a graph workflow (the next version of its key) through the real service. */
export async function seedGraph(definition: GraphDefinitionInput): Promise<void> {
  const db = e2eDb();
  try {
    await publishGraph(db, null, definition);
  } finally {
    await db.$disconnect();
  }
}
