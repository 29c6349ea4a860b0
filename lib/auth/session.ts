/** Session guards for server components, server actions and route handlers. */
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { SessionUser } from "./config";
import { auth } from "./index";
import { can, type Permission } from "./permissions";

/**
 * The signed-in user, read once per request: the layout, the page and their parts all ask, and
 * each read of the session checks its row in the database (lib/db/sessions.ts).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return session?.user?.id ? session.user : null;
});

/** The signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** The signed-in user holding `permission`; otherwise sign-in (anonymous) or 403 (signed in). */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}
