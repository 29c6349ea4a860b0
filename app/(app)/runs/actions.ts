"use server";
/** Server actions for runs: start one (then go to its page), cancel one. */
import { redirect } from "next/navigation";
import { notAForm, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ActionResult, FormState } from "@/lib/forms/result";
import { cancelRun } from "@/lib/services/runs/cancel-run";
import { startRun } from "@/lib/services/runs/start-run";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** The code review: the pasted source and the score to reach; another workflow: its JSON input. */
export async function startRunAction(_previous: FormState, form: FormData): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const workflow = text(form, "workflow");
  const result = await runAction("run:start", "start-run", async (user) => {
    let input: Record<string, unknown>;
    if (workflow === "code-review") {
      const threshold = Number(text(form, "threshold") || "80");
      // Browsers send a textarea's line breaks as CRLF: the code is kept as it was written.
      input = { code: text(form, "code").replace(/\r\n?/g, "\n"), threshold };
      if (!input.code) {
        throw new AppError("VALIDATION_FAILED", "Paste the code to review.", [
          { field: "code", message: "Paste JavaScript or TypeScript source." },
        ]);
      }
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
        throw new AppError("VALIDATION_FAILED", "The threshold is a score from 0 to 100.", [
          { field: "threshold", message: "A score from 0 to 100." },
        ]);
      }
    } else if (workflow === "recommended-action") {
      input = { text: text(form, "text").replace(/\r\n?/g, "\n").trim() };
    } else {
      try {
        const parsed = JSON.parse(text(form, "input") || "{}");
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
          throw new Error();
        input = parsed;
      } catch {
        throw new AppError("VALIDATION_FAILED", "The input is not a JSON object.", [
          { field: "input", message: 'Write a JSON object, e.g. {"n": 1}.' },
        ]);
      }
    }
    return startRun(db(), user, { workflow, input });
  });
  if (!result.ok) {
    // "input.code" is the form's "code" field.
    const fieldErrors = Object.fromEntries(
      Object.entries(result.fieldErrors ?? {}).map(([field, message]) => [
        workflow === "code-review" || workflow === "recommended-action"
          ? field.replace(/^input\./, "")
          : field.startsWith("input.")
            ? "input"
            : field,
        message,
      ]),
    );
    return { ...result, fieldErrors };
  }
  redirect(`/runs/${result.data.id}`);
}

export async function cancelRunAction(runId: string): Promise<ActionResult<undefined>> {
  return runAction("run:start", "cancel-run", async (user) => {
    await cancelRun(db(), user, runId);
    return undefined;
  });
}
