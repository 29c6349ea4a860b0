"use client";
import { useActionState } from "react";
import { Alert, buttonClass } from "@/components/ui";
import type { FormState } from "@/lib/forms/result";
import type { SettingsInput } from "@/lib/forms/settings";

export function SettingsForm({
  initial,
  action,
}: {
  initial: SettingsInput;
  action: (previous: FormState<SettingsInput>, form: FormData) => Promise<FormState<SettingsInput>>;
}) {
  const [state, formAction, saving] = useActionState(action, null);
  const current = state?.ok ? state.data : initial;
  return (
    <form
      action={formAction}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      {state && !state.ok ? <Alert title="Not saved">{state.message}</Alert> : null}
      {state?.ok ? <Alert tone="success">Saved.</Alert> : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Email</legend>
        <label className="mt-2 flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="emailNotifications"
            defaultChecked={current.emailNotifications}
            key={String(current.emailNotifications)}
            className="mt-0.5"
          />
          <span>
            Email me when a step waits for my decision (and a reminder before it is due), and when
            my own requests are decided or sent back.
          </span>
        </label>
      </fieldset>
      <button type="submit" className={buttonClass.primary} disabled={saving}>
        {saving ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
