/**
 * Runs before every page (not the API: every route under /api authenticates and answers for
 * itself, lib/api/route.ts and lib/api/v1/endpoint.ts, and this proxy cost the API a third of its
 * throughput):
 * - pages get a Content-Security-Policy with a fresh nonce (lib/security/headers.ts): set on the
 *   request too, so Next.js puts the nonce on the scripts it renders; HTTPS responses get HSTS;
 * - an optimistic "signed in?" check sends anonymous visitors to the sign-in page. Pages still
 *   check the session and permissions themselves (lib/auth/session.ts): this only reads the
 *   cookie's signature.
 *
 * It only reads the session token (decrypted once per process: lib/auth/session-token.ts).
 * Auth.js's own middleware wrapper re-issues the session cookie on every request, and when that
 * request was the sign-out action, the re-issued cookie could win over the deletion: the user
 * stayed signed in. So sessions last a fixed SESSION_MAX_AGE_SECONDS from sign-in (or until
 * revoked: lib/db/sessions.ts).
 */
import { type NextRequest, NextResponse } from "next/server";
import { isHttpsRequest, readSessionToken } from "@/lib/auth/session-token";
import { HSTS, newNonce, pageCsp } from "@/lib/security/headers";

// /decide: a mail's signed approve / reject link is its own credential (lib/mail/decision-links.ts);
// /set-password: so is an invitation or reset link (lib/mail/password-links.ts); /setup exists
// only while nobody has an account (lib/services/first-run-setup.ts).
const PUBLIC_PATHS = ["/sign-in", "/decide", "/set-password", "/setup"];

export default async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = isHttpsRequest(request.headers, request.nextUrl.protocol);
  const csp = pageCsp(newNonce(), { dev: process.env.NODE_ENV === "development", https });
  const finish = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  };
  const pass = () => {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    return finish(NextResponse.next({ request: { headers } }));
  };

  if (PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) {
    return pass();
  }
  const token = await readSessionToken(request.headers, https);
  if (token?.uid) return pass();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return finish(NextResponse.redirect(signIn));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/).*)"],
};
