"use server";
import { failure, notAForm, unexpectedFailure } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/result";
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
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const reason = form.get("reason");
  try {
    const applied = await decideByLink(db(), {
      token,
      ...(typeof reason === "string" ? { reason } : {}),
    });
    return { ok: true, data: { status: applied.status } };
  } catch (error) {
    return error instanceof AppError ? failure(error) : unexpectedFailure(error, "decide-by-link");
  }
}
