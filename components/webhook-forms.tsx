"use client";
/**
 * Admin → Integrations: subscribe a URL to webhook events, pause or resume a subscription,
 * redeliver a delivery. Actions come in as props.
 */
import { useActionState } from "react";
import type { FormState } from "@/lib/forms/result";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { fieldError, TextField } from "./form-fields";
import { keepValuesOnSubmit, useResetOnSuccess } from "./keep-values";
import { Alert, buttonClass, FieldError } from "./ui";

type Action = (previous: FormState, form: FormData) => Promise<FormState>;

export function WebhookForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useResetOnSuccess(state);
  const eventsError = fieldError(state, "events");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-3"
      aria-label="Add a webhook"
      noValidate
    >
      {state && !state.ok && Object.keys(state.fieldErrors).length === 0 ? (
        <Alert title="Not added">{state.message}</Alert>
      ) : null}
      {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
      <TextField state={state} name="url" label="Receiver URL" type="url" />
      <TextField state={state} name="description" label="What receives it (optional)" />
      <fieldset aria-describedby={eventsError ? "events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="events" value={type} className="mt-1" />
              <span>
                <span className="font-mono text-xs">{type}</span>
                <span className="block text-slate-600">{WEBHOOK_EVENT_LABELS[type]}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="events-error" message={eventsError} />
      </fieldset>
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Adding…" : "Add webhook"}
      </button>
    </form>
  );
}

/** A one-button form (pause / resume / redeliver) with its outcome beside it. */
export function ButtonForm({
  action,
  fields,
  label,
  pendingLabel,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={buttonClass.secondary} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      {state ? (
        <span
          role="status"
          className={`ml-2 text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {state.ok ? state.message : state.message}
        </span>
      ) : null}
    </form>
  );
}
