"use client";
/** Choosing a password (from an invitation or reset link, or on first-run set-up). */
import { useActionState } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/forms/person";
import type { FormState } from "@/lib/forms/result";
import { TextField } from "./form-fields";
import { keepValuesOnSubmit } from "./keep-values";
import { Alert, buttonClass } from "./ui";

export function PasswordFields({ state }: { state: FormState }) {
  return (
    <>
      <TextField
        state={state}
        name="password"
        label={`Password (at least ${MIN_PASSWORD_LENGTH} characters)`}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        state={state}
        name="confirm"
        label="The same again"
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}

export function SetPasswordForm({
  action,
  token,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  token: string;
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
        <Alert title="Not set">{state.message}</Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <PasswordFields state={state} />
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </button>
    </form>
  );
}
