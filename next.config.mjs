/** @type {import('next').NextConfig} */
const nextConfig = {
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
};

export default nextConfig;
