"use server";
import { revalidatePath } from "next/cache";
import { formText, notAForm, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/result";
import type { SettingsInput } from "@/lib/forms/settings";
import { createDelegation } from "@/lib/services/create-delegation";
import { endDelegation } from "@/lib/services/end-delegation";
import { signOutEverywhereElse } from "@/lib/services/sessions";
import { adoptBrowserTimeZone, updateSettings } from "@/lib/services/update-settings";

/** Saves the settings form (a checkbox is absent from the form when unticked). */
export async function updateSettingsAction(
  _previous: FormState<SettingsInput>,
  form: FormData,
): Promise<FormState<SettingsInput>> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("request:read-own", "update-settings", (user) =>
    updateSettings(db(), user, {
      emailNotifications: form.get("emailNotifications") === "on",
      timeZone: formText(form, "timeZone") || null,
    }),
  );
  if (result.ok) {
    revalidatePath("/settings");
    return { ...result, message: "Saved." };
  }
  return result;
}

/** Ends every other session of the signed-in person (they stay signed in here). */
export async function signOutElsewhereAction(
  _previous: FormState,
  _form: FormData,
): Promise<FormState> {
  const result = await runAction("request:read-own", "sign-out-elsewhere", (user) =>
    signOutEverywhereElse(db(), user),
  );
  if (!result.ok) return result;
  revalidatePath("/settings");
  const n = result.data;
  return {
    ok: true,
    data: undefined,
    message:
      n === 0
        ? "No other sessions were open."
        : `Signed out of ${n} other session${n === 1 ? "" : "s"}.`,
  };
}

/** Names a delegate for the days one is away (out of office). */
export async function createDelegationAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("inbox:read", "create-delegation", (user) =>
    createDelegation(db(), user, {
      delegateEmail: formText(form, "delegateEmail"),
      from: formText(form, "from"),
      to: formText(form, "to"),
      ...(formText(form, "note") ? { note: formText(form, "note") } : {}),
    }),
  );
  if (!result.ok) return result;
  revalidatePath("/settings");
  return {
    ok: true,
    data: undefined,
    message: "Saved: your delegate sees your steps on those days.",
  };
}

/** Ends one's delegation early (back in the office). */
export async function endDelegationAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("inbox:read", "end-delegation", (user) =>
    endDelegation(db(), user, formText(form, "delegationId")),
  );
  if (!result.ok) return result;
  revalidatePath("/settings");
  return { ok: true, data: undefined, message: "Ended: your steps are yours alone again." };
}

/** The browser's time zone, for someone who has none yet (components/time-zone-detect.tsx). */
export async function adoptTimeZoneAction(zone: string) {
  const result = await runAction("request:read-own", "adopt-time-zone", (user) =>
    adoptBrowserTimeZone(db(), user, zone),
  );
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
