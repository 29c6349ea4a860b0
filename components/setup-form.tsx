"use client";
/** The first-run set-up form: the first administrator's name, email and password. */
import { useActionState } from "react";
import type { FormState } from "@/lib/forms/result";
import { keepValuesOnSubmit } from "./keep-values";
import { PasswordFields } from "./set-password-form";
import { Alert, buttonClass, FieldError, inputClass } from "./ui";

export function SetupForm({
  action,
  tokenRequired,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  tokenRequired: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = (field: string) => (state && !state.ok ? state.fieldErrors[field] : undefined);
  const fields: [string, string, string, string][] = [
    ["name", "Your name", "text", "name"],
    ["email", "Your email", "email", "email"],
    ...(tokenRequired
      ? ([["token", "Set-up token (FLOWGATE_SETUP_TOKEN)", "password", "off"]] as [
          string,
          string,
          string,
          string,
        ][])
      : []),
  ];
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
      {fields.map(([name, label, type, autoComplete]) => (
        <div key={name}>
          <label htmlFor={name} className="block text-sm font-medium text-slate-700">
            {label}
          </label>
          <input
            id={name}
            name={name}
            type={type}
            autoComplete={autoComplete}
            className={inputClass}
            aria-invalid={error(name) ? true : undefined}
            aria-describedby={error(name) ? `${name}-error` : undefined}
          />
          <FieldError id={`${name}-error`} message={error(name)} />
        </div>
      ))}
      <PasswordFields state={state} />
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Creating…" : "Create the administrator"}
      </button>
    </form>
  );
}
