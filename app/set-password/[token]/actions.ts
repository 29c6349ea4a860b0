"use server";
import { redirect } from "next/navigation";
import { failure, formText, notAForm, unexpectedFailure } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/result";
import { setPasswordWithLink } from "@/lib/services/set-password";

/** Sets the password from a link (the link is the credential; nobody is signed in). */
export async function setPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  try {
    await setPasswordWithLink(db(), formText(form, "token"), {
      password: formText(form, "password"),
      confirm: formText(form, "confirm"),
    });
  } catch (error) {
    return error instanceof AppError ? failure(error) : unexpectedFailure(error, "set-password");
  }
  redirect(`/sign-in?passwordSet=1`);
}
