/**
 * Who calls the API: a token (`Authorization: Bearer fgt_…`) acting as its owner within its
 * scopes, or the browser's session cookie (every scope). A state-changing call made with the
 * cookie must come from our own pages: the browser says so with Sec-Fetch-Site or Origin; a
 * cross-site form or script cannot, so it is refused (tokens are immune: a browser never adds them
 * on its own).
 */
import { SCOPES, type Scope, ScopeSchema } from "@/lib/api/scopes";
import { parseToken, secretMatches } from "@/lib/api/tokens";
import type { SessionUser } from "@/lib/auth/config";
import { liveToken, touchToken } from "@/lib/db/api-tokens";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

export interface Principal {
  user: SessionUser;
  scopes: ReadonlySet<Scope>;
  /** The token of this call; null for a browser session. */
  tokenId: string | null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export class InvalidToken extends AppError {
  constructor(message: string) {
    super("UNAUTHENTICATED", message);
  }
}

export async function principalOf(request: Request, db: Db, now: Date): Promise<Principal> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) return tokenPrincipal(authorization, db, now);
  const { currentUser } = await import("@/lib/auth/session");
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first, or send a valid API token.");
  if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
    throw new AppError(
      "CROSS_SITE_REQUEST",
      "A call with the session cookie must come from Flowgate's own pages; other programs use an API token.",
    );
  }
  return { user, scopes: new Set(SCOPES), tokenId: null };
}

async function tokenPrincipal(authorization: string, db: Db, now: Date): Promise<Principal> {
  const [kind, value, ...rest] = authorization.trim().split(/\s+/);
  if (kind?.toLowerCase() !== "bearer" || !value || rest.length) {
    throw new InvalidToken("Send the API token as `Authorization: Bearer <token>`.");
  }
  const parsed = parseToken(value);
  const owner = parsed ? await liveToken(db, parsed.id, now) : null;
  // Unknown, revoked, expired, a deactivated owner or a wrong secret: one answer for all.
  if (!parsed || !owner || !secretMatches(parsed.secret, owner.secretHash)) {
    throw new InvalidToken("The API token is not valid (unknown, revoked or expired).");
  }
  if (owner.touch) {
    await touchToken(db, owner.tokenId, now).catch((error) =>
      log.warn({ err: error, tokenId: owner.tokenId }, "could not record the token's last use"),
    );
  }
  return {
    // Whom the owner stands in for came with the token, as it comes with a session.
    user: { ...owner.user, standingInFor: owner.standingInFor },
    scopes: new Set(owner.scopes.flatMap((scope) => ScopeSchema.safeParse(scope).data ?? [])),
    tokenId: owner.tokenId,
  };
}

/** Whether the browser says the call comes from our own origin. */
export function sameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host.split(",")[0]?.trim();
  } catch {
    return false;
  }
}
