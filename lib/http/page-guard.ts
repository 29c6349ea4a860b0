/**
 * What every page request gets before Next.js renders it (the front door runs it:
 * lib/http/front-door.ts):
 * - a Content-Security-Policy with a fresh nonce (lib/security/headers.ts), on the response and on
 *   the request, where Next.js reads it to put the nonce on the scripts it renders; HSTS over
 *   HTTPS;
 * - an optimistic "signed in?" check that sends anonymous visitors to the sign-in page, with the
 *   address they wanted. Pages still check the session and permissions themselves
 *   (lib/auth/session.ts): this only reads the cookie (decrypted once per process:
 *   lib/auth/session-token.ts).
 *
 * This was Next.js's proxy (proxy.ts, its middleware) until the same work here measured faster:
 * Next.js builds a web Request for the proxy, runs it, then merges the request headers it set
 * into the render's; the inbox page served 19–26 % more pages per second without it (two builds
 * side by side, docs/decisions.md "Session 12"). It also makes the front door the one place every
 * request passes, in development as in production (scripts/server.ts serves both).
 *
 * Not pages: the API (every route under /api authenticates and answers for itself, with its own
 * CSP from next.config.ts) and static files.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isHttpsRequest, readSessionToken } from "@/lib/auth/session-token";
import { HSTS, newNonce, pageCsp, SECURITY_HEADERS } from "@/lib/security/headers";

/** Paths that are not pages: Next.js's static files, the icons, robots.txt and the API. */
const NOT_PAGES = /^\/(?:_next\/static|_next\/image|favicon\.ico|icon\.svg|robots\.txt|api\/)/;

// /decide: a mail's signed approve / reject link is its own credential (lib/mail/decision-links.ts);
// /set-password: so is an invitation or reset link (lib/mail/password-links.ts); /setup exists
// only while nobody has an account (lib/services/first-run-setup.ts).
const PUBLIC_PATHS = ["/sign-in", "/decide", "/set-password", "/setup"];

export function isPagePath(pathname: string): boolean {
  return !NOT_PAGES.test(pathname);
}

function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

/**
 * The request's address as the router will see it (dot segments resolved), and its query. The
 * front door has refused targets that do not parse (400) before this runs.
 */
function addressOf(request: IncomingMessage): { pathname: string; search: string } {
  const url = new URL(request.url ?? "/", "http://flowgate.invalid");
  return { pathname: url.pathname, search: url.search };
}

export type PageGuard = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * A guard for the front door: resolves true when it answered the request itself (the redirect
 * to sign in), false when Next.js should render it. Requests for anything but a page pass
 * untouched.
 */
export function pageGuard(options: { dev: boolean }): PageGuard {
  return async (request, response) => {
    const { pathname, search } = addressOf(request);
    if (!isPagePath(pathname)) return false;
    const headers = new Headers();
    const forwardedProto = request.headers["x-forwarded-proto"];
    if (typeof forwardedProto === "string") headers.set("x-forwarded-proto", forwardedProto);
    const https = isHttpsRequest(
      headers,
      (request.socket as { encrypted?: boolean }).encrypted ? "https:" : "http:",
    );
    const csp = pageCsp(newNonce(), { dev: options.dev, https });
    // Whatever the client sent under this name is replaced: Next.js takes the nonce from here.
    request.headers["content-security-policy"] = csp;
    delete request.headers["content-security-policy-report-only"];
    response.setHeader("Content-Security-Policy", csp);
    if (https) response.setHeader("Strict-Transport-Security", HSTS);

    if (isPublicPath(pathname)) return false;
    if (request.headers.cookie) headers.set("cookie", request.headers.cookie);
    const token = await readSessionToken(headers, https);
    if (token?.uid) return false;
    const signIn = `/sign-in?${new URLSearchParams({ callbackUrl: `${pathname}${search}` })}`;
    // Answered here, so without next.config.ts's headers: the same ones, set by hand.
    for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value);
    response.writeHead(307, { location: signIn, "cache-control": "no-store" });
    response.end();
    return true;
  };
}
