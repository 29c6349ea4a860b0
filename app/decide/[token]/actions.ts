"use server";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/result";
import { firstErrorByField } from "@/lib/forms/result";
import { log } from "@/lib/log";
import { decideByLink } from "@/lib/services/decide-by-link";

/**
 * Confirms a decision from a mail's link. No session: the signed link is the credential, and
 * decideByLink checks it (and the request's state) again before anything is written.
 */
export async function confirmLinkAction(
  token: string,
  _previous: FormState<{ status: string }>,
  form: FormData,
): Promise<FormState<{ status: string }>> {
  const reason = form.get("reason");
  try {
    const applied = await decideByLink(db(), {
      token,
      ...(typeof reason === "string" ? { reason } : {}),
    });
    return { ok: true, data: { status: applied.status } };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        code: error.code,
        message: error.message,
        fieldErrors: firstErrorByField(error.issues),
      };
    }
    const reference = randomUUID();
    log.error(
      { err: error, requestId: reference, action: "decide-by-link" },
      "server action failed",
    );
    return {
      ok: false,
      code: "INTERNAL",
      message: `Something went wrong on our side. Quote reference ${reference.slice(0, 8)} when reporting it.`,
      fieldErrors: {},
    };
  }
}
