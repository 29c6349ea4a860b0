/** Session guards for server components, server actions and route handlers. */
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { SessionUser } from "./config";
import { can, type Permission } from "./permissions";
import { isHttpsRequest, readSessionToken } from "./session-token";
import { sessionUserOf } from "./session-user";

/**
 * The signed-in user, read once per request: the layout, the page and their parts all ask. The
 * cookie names a session (lib/auth/session-token.ts); its row is checked here on every request
 * (lib/db/sessions.ts), with the user's name, roles and department read afresh, so sign-out, "sign
 * out everywhere" and a deactivated or changed user take effect on the next request. This is what
 * Auth.js's `auth()` did through the `jwt` callback (lib/auth/index.ts, still used at sign-in),
 * without re-encrypting the cookie on every read.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const headerList = await headers();
  const token = await readSessionToken(headerList, isHttpsRequest(headerList, null));
  return token ? sessionUserOf(db(), token, new Date()) : null;
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
