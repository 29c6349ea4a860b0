"use client";
import { useActionState } from "react";
import { Alert, buttonClass, inputClass } from "@/components/ui";
import type { FormState } from "@/lib/forms/result";
import type { SettingsInput } from "@/lib/forms/settings";

export function SettingsForm({
  initial,
  timeZones,
  action,
}: {
  initial: SettingsInput;
  /** Every zone the server knows, for the list. */
  timeZones: string[];
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
      <div>
        <label htmlFor="settings-time-zone" className="block text-sm font-medium text-slate-700">
          Time zone
        </label>
        <select
          id="settings-time-zone"
          name="timeZone"
          defaultValue={current.timeZone ?? "UTC"}
          key={current.timeZone ?? "none"}
          className={inputClass}
          aria-describedby="settings-time-zone-hint"
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p id="settings-time-zone-hint" className="mt-1 text-xs text-slate-500">
          Times across Flowgate show in this zone (taken from your browser on your first visit).
        </p>
      </div>
      <button type="submit" className={buttonClass.primary} disabled={saving}>
        {saving ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
