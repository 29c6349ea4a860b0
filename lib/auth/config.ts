/**
 * The part of the Auth.js configuration that needs no database, extended by lib/auth/index.ts
 * with the Credentials provider. Route protection: lib/http/page-guard.ts (a first line) and the
 * guards in lib/auth/session.ts and lib/api/route.ts (the real checks).
 */
import type { NextAuthConfig } from "next-auth";
import type { Delegator } from "@/lib/db/delegations";
import type { Role } from "./roles";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  department: { id: string; code: string; name: string } | null;
  /** The session's row id (lib/db/sessions.ts), for "sign out everywhere else". */
  sessionId?: string;
  /** The IANA time zone they read times in (Settings; detected from the browser until chosen). */
  timeZone?: string | null;
  /**
   * Whom they stand in for (out-of-office delegations running when the session was read with
   * this request); absent where the user was not read from a session.
   */
  standingInFor?: Delegator[];
}

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    roles?: Role[];
    department?: SessionUser["department"];
    /** The signing-in browser's User-Agent, kept with the session (Settings lists sessions). */
    userAgent?: string | null;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    roles?: Role[];
    department?: SessionUser["department"];
    /** The session's row in `sessions` (lib/db/sessions.ts), checked on every request. */
    sid?: string;
    timeZone?: string | null;
  }
}

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.uid) {
        session.user = {
          ...session.user,
          id: token.uid,
          email: token.email ?? "",
          name: token.name ?? "",
          roles: token.roles ?? [],
          department: token.department ?? null,
          sessionId: token.sid,
          timeZone: token.timeZone ?? null,
        };
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
