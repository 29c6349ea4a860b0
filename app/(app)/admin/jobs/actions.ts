"use server";
import { revalidatePath } from "next/cache";
import { notAForm, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/result";
import { manageDeadJob } from "@/lib/services/manage-jobs";

/** Retry or abandon a dead job (the form says which, and why). */
export async function manageJobAction(
  _previous: FormState<{ action: "retry" | "abandon"; task: string }>,
  form: FormData,
): Promise<FormState<{ action: "retry" | "abandon"; task: string }>> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const reason = form.get("reason");
  const result = await runAction("jobs:manage", "manage-job", (user) =>
    manageDeadJob(db(), user, {
      action: form.get("action"),
      jobId: form.get("jobId"),
      ...(form.get("action") === "abandon"
        ? { reason: typeof reason === "string" ? reason : "" }
        : {}),
    }),
  );
  if (result.ok) revalidatePath("/admin/jobs");
  return result;
}
