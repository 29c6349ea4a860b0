import type { NextConfig } from "next";
import { API_CSP, SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or Node-only packages that must not be bundled into server chunks.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pino",
    "pg",
    "@prisma/adapter-pg",
    "rate-limiter-flexible",
  ],
  typedRoutes: true,
  // forbidden() in lib/auth/session.ts answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  // Security headers on every response (lib/security/headers.ts); pages get their nonce CSP in
  // the front door (lib/http/page-guard.ts).
  async headers() {
    return [
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      // The API reference page (/api/docs) renders, and sets its own policy.
      {
        source: "/api/:path((?!docs).*)",
        headers: [{ key: "Content-Security-Policy", value: API_CSP }],
      },
    ];
  },
};

export default nextConfig;
