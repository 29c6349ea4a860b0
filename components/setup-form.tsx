"use client";
/** The first-run set-up form: the first administrator's name, email and password. */
import { useActionState } from "react";
import type { FormState } from "@/lib/forms/result";
import { TextField } from "./form-fields";
import { keepValuesOnSubmit } from "./keep-values";
import { PasswordFields } from "./set-password-form";
import { Alert, buttonClass } from "./ui";

export function SetupForm({
  action,
  tokenRequired,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  tokenRequired: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-4"
      noValidate
    >
      {state && !state.ok && Object.keys(state.fieldErrors).length === 0 ? (
        <Alert title="Not set up">{state.message}</Alert>
      ) : null}
      <TextField state={state} name="name" label="Your name" autoComplete="name" />
      <TextField state={state} name="email" label="Your email" type="email" autoComplete="email" />
      {tokenRequired ? (
        <TextField
          state={state}
          name="token"
          label="Set-up token (FLOWGATE_SETUP_TOKEN)"
          type="password"
          autoComplete="off"
        />
      ) : null}
      <PasswordFields state={state} />
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Creating…" : "Create the administrator"}
      </button>
    </form>
  );
}
