"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/result";
import type { SettingsInput } from "@/lib/forms/settings";
import { updateSettings } from "@/lib/services/update-settings";

/** Saves the settings form (a checkbox is absent from the form when unticked). */
export async function updateSettingsAction(
  _previous: FormState<SettingsInput>,
  form: FormData,
): Promise<FormState<SettingsInput>> {
  const result = await runAction("request:read-own", "update-settings", (user) =>
    updateSettings(db(), user, { emailNotifications: form.get("emailNotifications") === "on" }),
  );
  if (result.ok) {
    revalidatePath("/settings");
    return { ...result, message: "Saved." };
  }
  return result;
}
