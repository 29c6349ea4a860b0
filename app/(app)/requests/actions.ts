"use server";
/**
 * Server actions for requests: each reads its form, then calls one service in lib/services. The
 * services check everything (the shared zod schemas, the engine's rules, the version guard), so
 * a tampered post (another user's request id, a role one does not hold, a state that moved on) is
 * refused there, whatever the browser sent.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { notAForm, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { actionFromForm } from "@/lib/forms/action";
import type { Decided, DecisionInput } from "@/lib/forms/decision";
import { fieldsFromForm, typeFromForm } from "@/lib/forms/request";
import type { ActionResult, FormState } from "@/lib/forms/result";
import { type BulkItemResult, bulkApprove } from "@/lib/services/bulk-approve";
import { cancelRequest } from "@/lib/services/cancel-request";
import { commentOnRequest } from "@/lib/services/comment-on-request";
import { createRequest } from "@/lib/services/create-request";
import { decideStep } from "@/lib/services/decide-step";
import { decisionOutcome } from "@/lib/services/decision-outcome";
import { editRequest } from "@/lib/services/edit-request";
import { type PlanView, planForForm } from "@/lib/services/plan-for-form";
import { type SuggestionView, suggestForForm } from "@/lib/services/suggest-for-form";

const RequestIdSchema = z.uuid();

function requestIdOrThrow(id: unknown): string {
  const parsed = RequestIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError("NOT_FOUND", "No such request.");
  return parsed.data;
}

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

function versionOf(form: FormData): number | undefined {
  const value = text(form, "version");
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The AI's suggestion for the text typed so far (nothing is stored). */
export async function suggestAction(
  input: string,
  timeZone?: string,
): Promise<ActionResult<SuggestionView | null>> {
  return runAction("request:create", "suggest", (user) =>
    suggestForForm(user, input, new Date(), timeZone),
  );
}

const PlanValuesSchema = z.record(z.string().max(40), z.string().max(100));

/** Who would approve a request of this type with these field inputs, and in how long. */
export async function planAction(
  type: unknown,
  values: unknown,
): Promise<ActionResult<PlanView | null>> {
  return runAction("request:create", "plan", async () => {
    const parsed = PlanValuesSchema.safeParse(values);
    if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The fields could not be read.");
    return planForForm(db(), type, parsed.data);
  });
}

/** "New request": save as a draft or submit. On success, goes to the new request's page. */
export async function createRequestAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const type = typeFromForm(form);
  const result = await runAction("request:create", "create-request", (user) =>
    createRequest(
      db(),
      user,
      {
        text: text(form, "text") ?? "",
        title: text(form, "title")?.trim() || undefined,
        type,
        fields: fieldsFromForm(form, type),
        intent: text(form, "intent"),
        action: actionFromForm(form),
      },
      { timeZone: text(form, "timeZone") },
    ),
  );
  if (!result.ok) return result;
  revalidatePath("/requests");
  redirect(`/requests/${result.data.id}${result.data.submitError ? `?notice=not-submitted` : ""}`);
}

/** Edit a draft (or a request sent back for changes), then save it or (re)submit it. */
export async function editRequestAction(
  requestId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction(
    "request:create",
    "edit-request",
    async (user) => {
      const type = typeFromForm(form);
      const edited = await editRequest(db(), user, requestIdOrThrow(requestId), {
        type,
        fields: fieldsFromForm(form, type),
        version: versionOf(form),
        intent: text(form, "intent"),
        action: actionFromForm(form),
      });
      if (!edited.submitted) return "Saved.";
      return edited.status === "APPROVED" ? "Submitted and approved." : "Submitted.";
    },
    { requestId },
  );
  if (result.ok) revalidatePath(`/requests/${requestId}`);
  return result.ok ? { ok: true, data: undefined, message: result.data } : result;
}

export async function cancelAction(
  requestId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const notForm = notAForm(form);
  if (notForm) return notForm;
  const result = await runAction(
    "request:create",
    "cancel-request",
    async (user) => {
      // cancelRequest checks the reason (length, characters).
      await cancelRequest(db(), user, requestIdOrThrow(requestId), {
        reason: text(form, "reason"),
        version: versionOf(form),
      });
    },
    { requestId },
  );
  if (result.ok) revalidatePath(`/requests/${requestId}`);
  return result.ok ? { ok: true, data: undefined, message: "Cancelled." } : result;
}

/** Approve, reject, request changes or escalate one request (inbox row or request page). */
/** A question or comment on a request by one of its people (it changes nothing else). */
export async function commentAction(
  requestId: string,
  body: string,
): Promise<ActionResult<{ seq: number }>> {
  const result = await runAction(
    "request:read-own",
    "comment",
    (user) => commentOnRequest(db(), user, requestIdOrThrow(requestId), { body }),
    { requestId },
  );
  if (result.ok) revalidatePath(`/requests/${requestId}`);
  return result;
}

export async function decideAction(
  requestId: string,
  input: DecisionInput,
): Promise<ActionResult<Decided>> {
  const result = await runAction(
    "request:decide",
    "decide",
    async (user) => {
      // decideStep checks the input with the shared schema, whatever the browser sent.
      const applied = await decideStep(db(), user, requestIdOrThrow(requestId), input);
      return decisionOutcome(db(), user, applied);
    },
    { requestId },
  );
  if (result.ok) {
    revalidatePath("/inbox");
    revalidatePath(`/requests/${requestId}`);
  }
  return result;
}

/** Approve the selected inbox items, each on its own; reports every item. */
export async function bulkApproveAction(
  items: { id: string; version: number; actionHash?: string }[],
): Promise<ActionResult<BulkItemResult[]>> {
  const result = await runAction("request:decide", "bulk-approve", (user) =>
    bulkApprove(db(), user, { items }),
  );
  if (result.ok) revalidatePath("/inbox");
  return result;
}
