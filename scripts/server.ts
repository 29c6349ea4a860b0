/**
 * The HTTP server in front of Next.js, what scripts/run.ts starts for `npm run dev` (`tsx
 * scripts/server.ts dev`) and, compiled to .next/flowgate-server.mjs, for `npm start`. It does what only the server holding the socket can
 * (lib/http/front-door.ts): resolve the client's address, believing X-Forwarded-For only from
 * TRUSTED_PROXIES, and refuse a body declared larger than MAX_BODY_BYTES with 413 before Next.js
 * reads it (Next.js's own limit on server actions answers with an error page instead); and what
 * every page needs first, its CSP nonce and the sign-in check (lib/http/page-guard.ts). So the app
 * runs behind this server only, never under plain `next start`.
 * On SIGTERM/SIGINT it stops taking connections, lets open requests finish, then exits.
 */
import { createServer } from "node:http";
import next from "next";
import { parseTrustedProxies } from "../lib/auth/client-address";
import { frontDoor } from "../lib/http/front-door";
import { pageGuard } from "../lib/http/page-guard";

/** 1 MiB: a request's text is at most 10,000 characters; nothing the app takes comes near. */
const MAX_BODY_BYTES = 1024 * 1024;

const mode = process.argv[2];
if (mode !== "start" && mode !== "dev") {
  console.error("usage: tsx scripts/server.ts start|dev");
  process.exit(2);
}
const port = Number(process.env.PORT ?? 3000);
const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);

const app = next({ dev: mode === "dev", dir: process.cwd(), port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = frontDoor(createServer(), handle, {
  trustedProxies,
  maxBodyBytes: MAX_BODY_BYTES,
  pages: pageGuard({ dev: mode === "dev" }),
});
// Behind a load balancer, keep idle connections open longer than it does (often 60 s).
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  console.log(
    `[flowgate] ${mode === "dev" ? "development" : "production"} server on http://localhost:${port}`,
  );
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still open after 10 s are cut off.
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
