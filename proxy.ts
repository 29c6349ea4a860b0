/**
 * Runs before every page and API route: an optimistic "signed in?" check that sends anonymous
 * visitors to the sign-in page (or answers 401 problem+json on /api). Pages and handlers still
 * check permissions themselves (lib/auth/session.ts, lib/api/route.ts).
 */
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/auth).*)"],
};
