"use client";
/**
 * Out of office (Settings): name a delegate for the days one is away, see and end one's
 * delegations, and see whom one stands in for. Actions come in as props.
 */
import { useActionState } from "react";
import type { DelegationView } from "@/lib/db/delegations";
import { formatDateTime } from "@/lib/format";
import type { FormState } from "@/lib/forms/result";
import { TextField } from "./form-fields";
import { keepValuesOnSubmit, useResetOnSuccess } from "./keep-values";
import { Alert, buttonClass, Panel } from "./ui";

type Action = (previous: FormState, form: FormData) => Promise<FormState>;

const range = (d: DelegationView) => `${formatDateTime(d.startsAt)} – ${formatDateTime(d.endsAt)}`;

export function DelegationSection({
  given,
  received,
  create,
  end,
}: {
  given: readonly DelegationView[];
  received: readonly DelegationView[];
  create: Action;
  end: Action;
}) {
  const [state, formAction, pending] = useActionState(create, null);
  const formRef = useResetOnSuccess(state);
  return (
    <Panel title="Out of office" headingId="ooo-heading" className="mt-6 space-y-4">
      <p className="text-sm text-slate-600">
        While you are away, the steps waiting for you also appear in your delegate's inbox; what
        they decide is recorded as by them on your behalf.
      </p>
      {given.length ? (
        <ul
          className="space-y-2 text-sm"
          aria-label="Your delegations"
          data-testid="delegations-given"
        >
          {given.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-2">
              <span>
                {d.delegate.name} ({d.delegate.email}) · {range(d)}
              </span>
              <EndForm action={end} id={d.id} />
            </li>
          ))}
        </ul>
      ) : null}
      {received.length ? (
        <ul
          className="space-y-1 text-sm"
          aria-label="You stand in for"
          data-testid="delegations-received"
        >
          {received.map((d) => (
            <li key={d.id}>
              You stand in for {d.user.name} · {range(d)}
              {d.note ? ` · “${d.note}”` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <form
        ref={formRef}
        action={formAction}
        onSubmit={keepValuesOnSubmit(formAction)}
        className="space-y-3"
        aria-label="Name a delegate"
        noValidate
      >
        {state && !state.ok && Object.keys(state.fieldErrors).length === 0 ? (
          <Alert title="Not saved">{state.message}</Alert>
        ) : null}
        {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField state={state} name="delegateEmail" label="Delegate's email" type="email" />
          <TextField state={state} name="from" label="First day away (UTC)" type="date" />
          <TextField state={state} name="to" label="Last day away (UTC)" type="date" />
          <TextField state={state} name="note" label="Note for your delegate (optional)" />
        </div>
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? "Saving…" : "Name delegate"}
        </button>
      </form>
    </Panel>
  );
}

function EndForm({ action, id }: { action: Action; id: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="inline">
      <input type="hidden" name="delegationId" value={id} />
      <button type="submit" className={buttonClass.secondary} disabled={pending}>
        End now
      </button>
      {state && !state.ok ? <span className="ml-2 text-red-700">{state.message}</span> : null}
    </form>
  );
}
