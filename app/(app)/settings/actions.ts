"use server";
import { revalidatePath } from "next/cache";
import { notAForm, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/result";
import type { SettingsInput } from "@/lib/forms/settings";
import { signOutEverywhereElse } from "@/lib/services/sessions";
import { updateSettings } from "@/lib/services/update-settings";

/** Saves the settings form (a checkbox is absent from the form when unticked). */
export async function updateSettingsAction(
  _previous: FormState<SettingsInput>,
  form: FormData,
): Promise<FormState<SettingsInput>> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("request:read-own", "update-settings", (user) =>
    updateSettings(db(), user, { emailNotifications: form.get("emailNotifications") === "on" }),
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
