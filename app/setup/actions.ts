"use server";
import { redirect } from "next/navigation";
import { failure, formText, notAForm, unexpectedFailure } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/result";
import { completeSetup } from "@/lib/services/first-run-setup";

/** Creates the first administrator (refused once anyone has an account). */
export async function setupAction(_previous: FormState, form: FormData): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  try {
    await completeSetup(db(), {
      name: formText(form, "name"),
      email: formText(form, "email"),
      password: formText(form, "password"),
      confirm: formText(form, "confirm"),
      ...(form.has("token") ? { token: formText(form, "token") } : {}),
    });
  } catch (error) {
    return error instanceof AppError ? failure(error) : unexpectedFailure(error, "first-run-setup");
  }
  redirect(`/sign-in?passwordSet=1`);
}
