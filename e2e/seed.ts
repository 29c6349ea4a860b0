/** Requests created through the real services, for specs whose subject is what comes after. */
import type { RequestFields, RequestType } from "../lib/engine";
import { createRequest } from "../lib/services/create-request";
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
