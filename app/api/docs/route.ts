/**
 * GET /api/docs: the interactive API reference (Scalar), rendered from /api/v1/openapi.json. The
 * Scalar bundle is served from our own node_modules (/api/docs/scalar.js), not a CDN: Flowgate
 * runs where the internet may not be reachable, and a page should not run code from elsewhere.
 * Its own CSP: scripts from us and its one inline script by nonce; Scalar styles inline.
 */
import { ApiReference } from "@scalar/nextjs-api-reference";
import { newNonce } from "@/lib/security/headers";

export const dynamic = "force-dynamic";

const CONFIGURATION = {
  url: "/api/v1/openapi.json",
  cdn: "/api/docs/scalar.js",
  pageTitle: "Flowgate API",
  telemetry: false,
  withDefaultFonts: false,
  agent: { disabled: true },
  mcp: { disabled: true },
} as Parameters<typeof ApiReference>[0];

export function GET(): Response {
  const nonce = newNonce();
  const response = ApiReference({ ...CONFIGURATION, nonce })();
  response.headers.set(
    "content-security-policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join("; "),
  );
  response.headers.set("cache-control", "no-store");
  return response;
}
