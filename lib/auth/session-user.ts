/**
 * The user a session cookie names, as the database has them now. One reading for both readers of
 * the cookie: the session guards of pages, actions and the API (lib/auth/session.ts) and Auth.js's
 * `jwt` callback behind its own session endpoint (lib/auth/index.ts).
 */
import type { Db } from "@/lib/db/client";
import { liveSession } from "@/lib/db/sessions";
import type { SessionUser } from "./config";

/**
 * The token's user, or null when it names no live session (unknown, revoked, expired, the user
 * inactive) or a session of someone else.
 */
export async function sessionUserOf(
  db: Db,
  token: { uid?: string; sid?: string },
  now: Date,
): Promise<SessionUser | null> {
  if (!token.uid || !token.sid) return null;
  const live = await liveSession(db, token.sid, now);
  if (!live || live.userId !== token.uid) return null;
  return {
    id: live.userId,
    email: live.email,
    name: live.name,
    roles: live.roles,
    department: live.department,
    sessionId: token.sid,
    timeZone: live.timeZone,
    standingInFor: live.standingInFor,
  };
}
