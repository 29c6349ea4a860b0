/**
 * The part of the Auth.js configuration that needs no database: used by proxy.ts for the
 * optimistic "signed in?" check, and extended by lib/auth/index.ts with the Credentials provider.
 * Pages and handlers still check permissions themselves (lib/auth/session.ts): the proxy is a
 * first line, never the only one.
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

const PUBLIC_PATHS = ["/sign-in", "/api/health"];

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      if (PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) {
        return true;
      }
      if (auth?.user) return true;
      if (pathname.startsWith("/api/")) {
        return Response.json(
          {
            type: "about:blank",
            title: "Unauthorized",
            status: 401,
            detail: "Sign in first, or send a valid API token.",
          },
          { status: 401, headers: { "content-type": "application/problem+json" } },
        );
      }
      return false; // Auth.js redirects to the sign-in page with a callbackUrl
    },
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
