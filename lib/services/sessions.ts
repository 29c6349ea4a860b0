/**
 * A person's own sessions: where they are signed in, and "sign out everywhere else" (every other
 * session ends on its next request; this one stays).
 */

import type { Db } from "@/lib/db/client";
import { openSessionsOf, revokeSessionsOf } from "@/lib/db/sessions";
import { isUuid } from "@/lib/ids";
import type { ServiceActor } from "./actor";

export interface SessionView {
  id: string;
  current: boolean;
  startedAt: Date;
  lastSeenAt: Date;
  /** "Chrome on Linux", from the browser's User-Agent; null when it sent none. */
  device: string | null;
}

export async function mySessions(
  db: Db,
  actor: ServiceActor & { sessionId?: string },
  now = new Date(),
): Promise<SessionView[]> {
  const rows = await openSessionsOf(db, actor.id, now);
  return rows.map((row) => ({
    id: row.id,
    current: row.id === actor.sessionId,
    startedAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    device: row.userAgent ? deviceOf(row.userAgent) : null,
  }));
}

export async function signOutEverywhereElse(
  db: Db,
  actor: ServiceActor & { sessionId?: string },
  now = new Date(),
): Promise<number> {
  // The session id comes from the signed cookie; anything but a uuid keeps no session.
  const keep = isUuid(actor.sessionId) ? actor.sessionId : undefined;
  return revokeSessionsOf(db, actor.id, "signed out everywhere else", now, keep);
}

/** A short, human name for a User-Agent: the browser and the system, as far as they can be told. */
export function deviceOf(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /(Chrome|Chromium|HeadlessChrome)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : /curl\//i.test(userAgent)
            ? "curl"
            : "A browser";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /(iPhone|iPad)/.test(userAgent)
        ? "iOS"
        : /Mac OS X|Macintosh/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return system ? `${browser} on ${system}` : browser;
}
