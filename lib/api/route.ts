/**
 * The one wrapper for route handlers: a request id (kept from X-Request-Id when it is sane), a
 * session and permission check unless the route is public, errors mapped to problem+json, and
 * unexpected errors logged with the request id and never shown to the caller.
 */
import type { SessionUser } from "@/lib/auth/config";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { problemFor, problemResponse } from "./problem";

export interface RouteContext {
  requestId: string;
  user: SessionUser | null;
}

type Access = { public: true } | { permission: Permission };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

export function apiRoute(
  access: Access,
  handler: (request: Request, context: RouteContext) => Promise<Response>,
) {
  return async (request: Request): Promise<Response> => {
    const requestId = requestIdOf(request);
    try {
      let user: SessionUser | null = null;
      if (!("public" in access)) {
        const [{ currentUser }, { can }] = await Promise.all([
          import("@/lib/auth/session"),
          import("@/lib/auth/permissions"),
        ]);
        user = await currentUser();
        if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
        if (!can(user, access.permission)) {
          throw new AppError("FORBIDDEN", "Your roles do not allow this.");
        }
      }
      const response = await handler(request, { requestId, user });
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      const problem = problemFor(error, requestId);
      if (problem.status >= 500) {
        log.error(
          { err: error, requestId, method: request.method, url: request.url },
          "unhandled error in route",
        );
      }
      return problemResponse(problem);
    }
  };
}
