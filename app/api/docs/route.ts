/**
 * GET /api/docs: the interactive API reference (Scalar), rendered from /api/v1/openapi.json. The
 * Scalar bundle is served from our own node_modules (/api/docs/scalar.js), not a CDN: Flowgate
 * runs where the internet is not reachable, and a page should not load code from elsewhere.
 */
import { ApiReference } from "@scalar/nextjs-api-reference";

export const dynamic = "force-static";

export const GET = ApiReference({
  url: "/api/v1/openapi.json",
  cdn: "/api/docs/scalar.js",
  pageTitle: "Flowgate API",
  hideClientButton: false,
  telemetry: false,
  withDefaultFonts: false,
  agent: { disabled: true },
  mcp: { disabled: true },
} as Parameters<typeof ApiReference>[0]);
