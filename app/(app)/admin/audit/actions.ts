"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/result";
import { startVerification } from "@/lib/services/verify-all";

/** Starts verifying every audit chain (a job); the page shows its progress. */
export async function startVerificationAction(
  _previous: FormState,
  _form: FormData,
): Promise<FormState> {
  const result = await runAction("audit:read", "verify-all", (user) =>
    startVerification(db(), user),
  );
  if (!result.ok) return result;
  revalidatePath("/admin/audit");
  return { ok: true, data: undefined, message: "Verification started." };
}
