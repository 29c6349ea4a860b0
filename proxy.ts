/**
 * Runs before every page and API route: an optimistic "signed in?" check that sends anonymous
 * visitors to the sign-in page (or answers 401 problem+json on /api). Pages and handlers still
 * check permissions themselves (lib/auth/session.ts, lib/api/route.ts).
 *
 * It only reads the session token. Auth.js's own middleware wrapper re-issues the session cookie
 * on every request, and when that request was the sign-out action, the re-issued cookie could win
 * over the deletion: the user stayed signed in. So sessions last a fixed SESSION_MAX_AGE_SECONDS
 * from sign-in.
 */
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";

// /decide: a mail's signed approve / reject link is its own credential (lib/mail/decision-links.ts).
const PUBLIC_PATHS = ["/sign-in", "/api/health", "/decide"];

export default async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) {
    return NextResponse.next();
  }
  const token = await getToken({
    req: request,
    secret: process.env.AUTH_SECRET,
    secureCookie: request.nextUrl.protocol === "https:",
  });
  if (token?.uid) return NextResponse.next();
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
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/auth).*)"],
};
