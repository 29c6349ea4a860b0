/**
 * Reading the session cookie: an encrypted JWT (Auth.js: `dir` + A256CBC-HS512, its key derived by
 * HKDF from AUTH_SECRET). Auth.js decrypts it through WebCrypto on every read (HKDF, two key
 * imports, AES-CBC, an HMAC check done as generate-key + sign + verify), and its `auth()` encrypts
 * a fresh copy each time as well; measured with `npm run bench:api`, that was ~2.3 ms of CPU per
 * cookie read, three reads per signed-in page (the proxy's check, the layout's decrypt and
 * re-encrypt): more than half of what a page cost.
 *
 * So the page guard (lib/http/page-guard.ts) and the session guards (lib/auth/session.ts) read
 * the cookie here, and a cookie decrypted once is remembered by its exact value for this process:
 * - the same cookie value always decrypts to the same payload (the ciphertext is authenticated),
 *   so a remembered answer is the answer a decryption would give, as long as its `exp` holds,
 *   which is checked on every read with jose's 15 s tolerance;
 * - only cookies that decrypted are remembered; a forged or garbled one is decrypted (and
 *   refused) every time;
 * - revocation is unaffected: the session's row is checked on every request by its reader
 *   (lib/db/sessions.ts `liveSession`), not by the cookie;
 * - at most MAX_ENTRIES cookies (~1 KB each), the oldest forgotten first.
 * The cookie is not re-issued on reads: a session lasts SESSION_MAX_AGE_SECONDS from sign-in.
 */
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";

const MAX_ENTRIES = 5_000;
/** jose's `clockTolerance` as Auth.js calls it, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 15;

interface Remembered {
  payload: JWT;
  /** Seconds since the epoch; undefined when the token has no `exp`. */
  exp: number | undefined;
}

// The front door (scripts/server.ts) and the pages are separate bundles in one process: one
// cache for both.
const CACHE = Symbol.for("flowgate.session-token-cache");
type WithCache = typeof globalThis & { [CACHE]?: Map<string, Remembered> };
function remembered(): Map<string, Remembered> {
  const global = globalThis as WithCache;
  global[CACHE] ??= new Map();
  return global[CACHE];
}

/** Auth.js's `decode`, remembering what decrypted (see above). `nowMs` for tests. */
export async function rememberedDecode(
  params: JWTDecodeParams,
  nowMs: number = Date.now(),
): Promise<JWT | null> {
  if (!params.token) return null;
  const key = `${params.salt}\u0000${params.token}`;
  const cache = remembered();
  const known = cache.get(key);
  if (known) {
    if (known.exp === undefined || known.exp + CLOCK_TOLERANCE_SECONDS > nowMs / 1000) {
      return known.payload;
    }
    cache.delete(key);
    return null;
  }
  const payload = await decode(params);
  if (!payload) return null;
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  const exp = typeof payload.exp === "number" ? payload.exp : undefined;
  cache.set(key, { payload, exp });
  return payload;
}

/** How many decrypted cookies this process remembers (tests). */
export function rememberedCount(): number {
  return remembered().size;
}

/**
 * Whether the browser talks HTTPS to us, directly or to the proxy in front of us: Auth.js names
 * the cookie `__Secure-authjs.session-token` then.
 */
export function isHttpsRequest(headers: Headers, protocol: string | null): boolean {
  return (
    protocol === "https:" || headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https"
  );
}

/**
 * The session cookie's payload, or null (none, forged, expired). Only the cookie counts: Auth.js's
 * `getToken` would also take an `Authorization: Bearer` JWT, which a page never gets from us.
 */
export async function readSessionToken(headers: Headers, https: boolean): Promise<JWT | null> {
  return getToken({
    req: { headers: new Headers({ cookie: headers.get("cookie") ?? "" }) },
    secret: process.env.AUTH_SECRET,
    secureCookie: https,
    decode: (params) => rememberedDecode(params),
  });
}
