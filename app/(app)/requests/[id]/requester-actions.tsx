"use client";
/**
 * What the requester can do on their request's page: edit the type, fields and action (a draft, or after
 * changes were requested) and save or (re)submit, submit as it is, or cancel.
 */
import { type FormEvent, useActionState, useState } from "react";
import { ActionEditor } from "@/components/action-editor";
import { checkSubmission } from "@/components/check-submission";
import { ConflictNotice } from "@/components/conflict-notice";
import { useHydrated } from "@/components/early-input";
import {
  FieldInputs,
  type FieldValues,
  TypeSelect,
  toFieldValues,
} from "@/components/field-inputs";
import { Alert, buttonClass, FieldError, inputClass } from "@/components/ui";
import type { RequestType } from "@/lib/engine/fields";
import type { RequestAction } from "@/lib/engine/permitted";
import { actionFromForm } from "@/lib/forms/action";
import { EditRequestSchema, fieldsFromForm } from "@/lib/forms/request";
import type { FormState } from "@/lib/forms/result";
import { cancelAction, editRequestAction } from "../actions";

export function RequesterActions({
  requestId,
  version,
  status,
  type: initialType,
  fields,
  action,
  actions,
}: {
  requestId: string;
  version: number;
  status: string;
  type: RequestType;
  fields: Record<string, unknown>;
  /** The action it runs once approved (editable with the fields). */
  action: { tool: string; params: Record<string, unknown> } | null;
  actions: readonly RequestAction[];
}) {
  const [editState, editFormAction, editing] = useActionState<FormState, FormData>(
    editRequestAction.bind(null, requestId),
    null,
  );
  const [cancelState, cancelFormAction, cancelling] = useActionState<FormState, FormData>(
    cancelAction.bind(null, requestId),
    null,
  );
  const [type, setType] = useState<RequestType>(initialType);
  const [values, setValues] = useState<FieldValues>(() => toFieldValues(fields));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [confirmCancel, setConfirmCancel] = useState(false);
  const hydrated = useHydrated();
  const serverErrors = editState && !editState.ok ? editState.fieldErrors : {};
  const errors = { ...serverErrors, ...clientErrors };
  const canEdit = actions.includes("edit");
  const sendLabel = actions.includes("resubmit") ? "Resubmit for approval" : "Submit for approval";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    setClientErrors(
      checkSubmission(event, (form) =>
        EditRequestSchema.safeParse({
          type: form.get("type"),
          fields: fieldsFromForm(form, form.get("type")),
          version,
          intent: form.get("intent"),
          action: actionFromForm(form),
        }),
      ),
    );
  }

  return (
    <div className="space-y-4">
      {editState?.ok && editState.message ? (
        <Alert tone="success">{editState.message}</Alert>
      ) : null}
      {editState && !editState.ok ? (
        <ConflictNotice
          code={editState.code}
          message={editState.message}
          current={editState.current}
        />
      ) : null}
      {canEdit ? (
        <form action={editFormAction} onSubmit={onSubmit} noValidate className="space-y-4">
          <input type="hidden" name="version" value={version} />
          <div className="max-w-xs">
            <TypeSelect
              value={type}
              error={errors.type}
              locked={status !== "DRAFT"}
              onChange={setType}
            />
          </div>
          <FieldInputs
            type={type}
            values={values}
            errors={errors}
            onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          />
          <FieldError id="form-error" message={errors.fields} />
          <div className="border-t border-slate-200 pt-4">
            <ActionEditor initial={action} errors={errors} />
          </div>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              name="intent"
              value="submit"
              disabled={editing}
              className={buttonClass.primary}
            >
              {editing ? "Sending…" : sendLabel}
            </button>
            <button
              type="submit"
              name="intent"
              value="save"
              disabled={editing}
              className={buttonClass.secondary}
            >
              Save changes
            </button>
          </div>
        </form>
      ) : null}
      {actions.includes("cancel") ? (
        <div className="border-t border-slate-200 pt-4">
          {cancelState && !cancelState.ok ? (
            <ConflictNotice
              code={cancelState.code}
              message={cancelState.message}
              current={cancelState.current}
            />
          ) : null}
          {confirmCancel ? (
            <form action={cancelFormAction} className="space-y-2">
              <input type="hidden" name="version" value={version} />
              <label htmlFor="cancel-reason" className="block text-sm font-medium text-slate-700">
                Why are you withdrawing it? <span className="text-slate-500">(optional)</span>
              </label>
              <textarea id="cancel-reason" name="reason" rows={2} className={inputClass} />
              <div className="flex gap-2">
                <button type="submit" disabled={cancelling} className={buttonClass.danger}>
                  {cancelling ? "Cancelling…" : "Cancel the request"}
                </button>
                <button
                  type="button"
                  className={buttonClass.secondary}
                  onClick={() => setConfirmCancel(false)}
                >
                  Keep it
                </button>
              </div>
            </form>
          ) : (
            <button
              type="button"
              className={buttonClass.danger}
              disabled={!hydrated}
              onClick={() => setConfirmCancel(true)}
            >
              Cancel request…
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}
