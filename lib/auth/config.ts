/**
 * The part of the Auth.js configuration that needs no database, extended by lib/auth/index.ts
 * with the Credentials provider. Route protection: proxy.ts (a first line) and the guards in
 * lib/auth/session.ts and lib/api/route.ts (the real checks).
 */
import type { NextAuthConfig } from "next-auth";
import type { Role } from "./roles";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  department: { id: string; code: string; name: string } | null;
}

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    roles?: Role[];
    department?: SessionUser["department"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    roles?: Role[];
    department?: SessionUser["department"];
    /** When roles and department were last read from the database (ms since epoch). */
    checkedAt?: number;
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
        };
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
