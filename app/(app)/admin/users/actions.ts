"use server";
/** The people pages' actions: each reads its form, calls one service, and refreshes the pages. */
import { revalidatePath } from "next/cache";
import { formText, notAForm, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/result";
import { createDepartment } from "@/lib/services/create-department";
import { invitePerson } from "@/lib/services/invite-person";
import { renameDepartment } from "@/lib/services/rename-department";
import { sendPasswordLink } from "@/lib/services/send-password-link";
import { setPersonActive } from "@/lib/services/set-person-active";
import { updatePerson } from "@/lib/services/update-person";

export type LinkState = FormState<{ link: string | null }>;

export async function invitePersonAction(_previous: LinkState, form: FormData): Promise<LinkState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("user:manage", "invite-person", (user) =>
    invitePerson(db(), user, {
      email: formText(form, "email"),
      name: formText(form, "name"),
      roles: form.getAll("roles"),
      departmentId: formText(form, "departmentId"),
    }),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/users");
  return {
    ok: true,
    data: { link: result.data.link },
    message: result.data.link
      ? `${formText(form, "email")} was added. Mail is not set up: give them this link to set their password (shown once).`
      : `${formText(form, "email")} was added and invited by mail.`,
  };
}

export async function updatePersonAction(_previous: FormState, form: FormData): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const userId = formText(form, "userId");
  const result = await runAction("user:manage", "update-person", (user) =>
    updatePerson(db(), user, userId, {
      name: formText(form, "name"),
      roles: form.getAll("roles"),
      departmentId: formText(form, "departmentId"),
      seen: formText(form, "seen"),
    }),
  );
  if (!result.ok) return result;
  revalidatePath(`/admin/users/${userId}`);
  revalidatePath("/admin/users");
  return {
    ok: true,
    data: undefined,
    message: result.data.changed
      ? "Saved. Their sessions ended: they sign in again."
      : "Nothing changed.",
  };
}

export async function setActiveAction(_previous: FormState, form: FormData): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const userId = formText(form, "userId");
  const active = formText(form, "active") === "true";
  const reason = formText(form, "reason");
  const result = await runAction("user:manage", "set-person-active", (user) =>
    setPersonActive(db(), user, userId, active, reason ? { reason } : {}),
  );
  if (!result.ok) return result;
  revalidatePath(`/admin/users/${userId}`);
  revalidatePath("/admin/users");
  return {
    ok: true,
    data: undefined,
    message: active
      ? "Reactivated: they can sign in again."
      : "Deactivated: their sessions have ended.",
  };
}

export async function sendPasswordLinkAction(
  _previous: LinkState,
  form: FormData,
): Promise<LinkState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const userId = formText(form, "userId");
  const result = await runAction("user:manage", "send-password-link", (user) =>
    sendPasswordLink(db(), user, userId),
  );
  if (!result.ok) return result;
  revalidatePath(`/admin/users/${userId}`);
  return {
    ok: true,
    data: { link: result.data.link },
    message: result.data.link
      ? "Mail is not set up: give them this link to set their password (shown once)."
      : "A link to set their password is on its way by mail.",
  };
}

export async function createDepartmentAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("user:manage", "create-department", (user) =>
    createDepartment(db(), user, { code: formText(form, "code"), name: formText(form, "name") }),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/departments");
  return {
    ok: true,
    data: undefined,
    message: `Department ${formText(form, "code").toUpperCase()} added.`,
  };
}

export async function renameDepartmentAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction("user:manage", "rename-department", (user) =>
    renameDepartment(db(), user, formText(form, "departmentId"), { name: formText(form, "name") }),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/departments");
  return {
    ok: true,
    data: undefined,
    message: result.data.changed ? "Renamed." : "Nothing changed.",
  };
}
