"use server";
/** Making and revoking API tokens: one's own (Settings) and a service account's (Admin → Integrations). */
import { revalidatePath } from "next/cache";
import { formText, notAForm, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/result";
import { createApiToken } from "@/lib/services/create-api-token";
import { revokeApiToken } from "@/lib/services/revoke-api-token";

export async function createTokenAction(
  _previous: FormState<{ token: string }>,
  form: FormData,
): Promise<FormState<{ token: string }>> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const userId = formText(form, "userId");
  const result = await runAction("request:read-own", "create-api-token", (user) =>
    createApiToken(db(), user, {
      name: formText(form, "name"),
      scopes: form.getAll("scopes").filter((value) => typeof value === "string"),
      expiresIn: formText(form, "expiresIn"),
      ...(userId ? { userId } : {}),
    }),
  );
  if (!result.ok) return result;
  revalidatePath(userId ? "/admin/integrations" : "/settings");
  return { ok: true, data: { token: result.data.token } };
}

export async function revokeTokenAction(_previous: FormState, form: FormData): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("request:read-own", "revoke-api-token", (user) =>
    revokeApiToken(db(), user, formText(form, "tokenId")),
  );
  if (!result.ok) return result;
  revalidatePath("/settings");
  revalidatePath("/admin/integrations");
  return { ok: true, data: undefined, message: "Revoked." };
}
