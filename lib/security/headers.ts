/**
 * Security headers. Every response gets SECURITY_HEADERS (next.config.ts); pages get a strict
 * Content-Security-Policy with a fresh nonce per request (lib/http/page-guard.ts), which Next.js puts on its own
 * scripts; API responses get API_CSP. No 'unsafe-inline' for scripts: a script runs only from this
 * origin with the page's nonce, or loaded by one that has it ('strict-dynamic').
 */

/** Headers for every response, pages, API and static files alike. */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Decision links carry their token in the path: no other site ever sees our URLs.
  { key: "Referrer-Policy", value: "same-origin" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), serial=(), hid=(), display-capture=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/**
 * JSON, event streams and downloaded files render nothing: nothing may load, nobody may frame
 * them, and a file opened in the browser anyway (an attachment) runs sandboxed, in no origin.
 */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** Two years, the preload lists' minimum; sent only over HTTPS (RFC 6797 §7.2). */
export const HSTS = "max-age=63072000; includeSubDomains";

/** 128 random bits, base64: unguessable, fresh for every page. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function pageCsp(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only in development: React uses eval there to rebuild server error stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // next dev injects style elements and attributes without a nonce (its overlay, fast refresh);
    // 'unsafe-inline' only counts where no nonce is given, so development lists no nonce here.
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Server actions, /api/live (server-sent events) and, in development, the HMR socket.
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
