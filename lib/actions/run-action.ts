/**
 * The one wrapper for server actions, as lib/api/route.ts is for route handlers: a signed-in user
 * with the permission, domain errors turned into a form result (field errors by path, and for
 * conflicts the request's new state), unexpected errors logged with a reference id and answered
 * with that id only.
 */
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { SessionUser } from "@/lib/auth/config";
import { can, type Permission } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ActionResult, CurrentState } from "@/lib/forms/result";
import { CONFLICT_CODES, firstErrorByField } from "@/lib/forms/result";
import { log } from "@/lib/log";
import { currentStateFor } from "@/lib/services/view-request";

export async function runAction<T>(
  permission: Permission,
  name: string,
  body: (user: SessionUser) => Promise<T>,
  options: { requestId?: string } = {},
): Promise<ActionResult<T>> {
  const user = await currentUser();
  if (!user) return failure(new AppError("UNAUTHENTICATED", "Your session ended. Sign in again."));
  if (!can(user, permission)) {
    return failure(new AppError("FORBIDDEN", "Your roles do not allow this."));
  }
  try {
    return { ok: true, data: await body(user) };
  } catch (error) {
    unstable_rethrow(error); // Next's redirect() and notFound() are not errors
    if (error instanceof AppError) {
      const current =
        options.requestId && CONFLICT_CODES.has(error.code)
          ? await currentStateFor(db(), user, options.requestId).catch(() => null)
          : null;
      return failure(error, current ?? undefined);
    }
    return unexpectedFailure(error, name, user.id);
  }
}

/** An error that is not a domain refusal: logged with a reference, answered with that only. */
export function unexpectedFailure(
  error: unknown,
  action: string,
  userId?: string,
): ActionResult<never> {
  const reference = randomUUID();
  log.error({ err: error, requestId: reference, action, userId }, "server action failed");
  return {
    ok: false,
    code: "INTERNAL",
    message: `Something went wrong on our side. Quote reference ${reference.slice(0, 8)} when reporting it.`,
    fieldErrors: {},
  };
}

export function failure(error: AppError, current?: CurrentState): ActionResult<never> {
  return {
    ok: false,
    code: error.code,
    message: error.message,
    fieldErrors: firstErrorByField(error.issues),
    ...(current ? { current } : {}),
  };
}

/**
 * A form action called without a form (a hand-made request: Next.js decodes whatever was sent
 * into the arguments): refused like any invalid input, before anything reads it.
 */
export function notAForm(form: unknown): ActionResult<never> | null {
  return form instanceof FormData
    ? null
    : failure(new AppError("VALIDATION_FAILED", "The form could not be read. Reload the page."));
}

/** A form's text value (empty when absent or a file): what every form action reads. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
