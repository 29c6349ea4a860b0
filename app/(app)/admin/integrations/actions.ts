"use server";
import { revalidatePath } from "next/cache";
import { formText, notAForm, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/result";
import { createServiceAccount } from "@/lib/services/create-service-account";
import { createWebhook, redeliverWebhook, setWebhookActive } from "@/lib/services/webhooks-admin";

const strings = (form: FormData, name: string) =>
  form.getAll(name).filter((value): value is string => typeof value === "string");

export async function createServiceAccountAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("user:manage", "create-service-account", (user) =>
    createServiceAccount(db(), user, {
      name: formText(form, "name"),
      roles: strings(form, "roles"),
      departmentId: formText(form, "departmentId"),
    }),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/integrations");
  return { ok: true, data: undefined, message: "Added: now make it a token." };
}

export async function createWebhookAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("integration:manage", "create-webhook", (user) =>
    createWebhook(db(), user, {
      url: formText(form, "url"),
      events: strings(form, "events"),
      ...(formText(form, "description") ? { description: formText(form, "description") } : {}),
    }),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/integrations");
  return { ok: true, data: undefined, message: "Added: its signing secret is on its page." };
}

export async function setWebhookActiveAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const active = formText(form, "active") === "true";
  const id = formText(form, "id");
  const result = await runAction("integration:manage", "set-webhook-active", (user) =>
    setWebhookActive(db(), user, id, active),
  );
  if (!result.ok) return result;
  revalidatePath(`/admin/integrations/webhooks/${id}`);
  revalidatePath("/admin/integrations");
  return { ok: true, data: undefined, message: active ? "Resumed." : "Paused." };
}

export async function redeliverAction(_previous: FormState, form: FormData): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("integration:manage", "redeliver-webhook", (user) =>
    redeliverWebhook(db(), user, formText(form, "deliveryId")),
  );
  if (!result.ok) return result;
  revalidatePath(`/admin/integrations/webhooks/${formText(form, "subscriptionId")}`);
  return { ok: true, data: undefined, message: "Queued again." };
}
