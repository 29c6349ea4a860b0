"use client";
/**
 * Starts a run: for the code review, the source and the score to reach; for any other graph
 * workflow, its input as JSON. On success the action goes to the run's page.
 */
import { useActionState, useState } from "react";
import type { FormState } from "@/lib/forms/result";
import { keepValuesOnSubmit } from "./keep-values";
import { Alert, buttonClass, FieldError, inputClass } from "./ui";

const SAMPLE = `// TODO: handle refunds
export function total(order, taxRate, currency) {
  let sum = 0;
  for (const line of order.lines) {
    if (line.qty > 0) {
      if (line.discount) {
        for (const d of line.discount) {
          if (d.kind === "percent" && d.value > 0) sum -= (line.price * d.value) / 100;
        }
      }
      sum += line.qty * line.price;
    }
  }
  return sum * (1 + taxRate);
}
`;

export function StartRunForm({
  workflows,
  action,
}: {
  workflows: { key: string; name: string; version: number }[];
  action: (previous: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  const [workflow, setWorkflow] = useState(workflows[0]?.key ?? "code-review");
  const errors = state && !state.ok ? state.fieldErrors : {};
  const describedBy = (name: string) => (errors[name] ? `${name}-error` : undefined);
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      aria-labelledby="start-heading"
    >
      <h2 id="start-heading" className="font-medium">
        Start a run
      </h2>
      {state && !state.ok ? <Alert title="Not started">{state.message}</Alert> : null}
      <div>
        <label htmlFor="workflow" className="block text-sm font-medium text-slate-700">
          Workflow
        </label>
        <select
          id="workflow"
          name="workflow"
          value={workflow}
          onChange={(event) => setWorkflow(event.target.value)}
          className={inputClass}
        >
          {workflows.map((w) => (
            <option key={w.key} value={w.key}>
              {w.name} (v{w.version})
            </option>
          ))}
        </select>
      </div>
      {workflow === "code-review" ? (
        <>
          <div>
            <label htmlFor="code" className="block text-sm font-medium text-slate-700">
              Code to review
            </label>
            <p id="code-hint" className="mt-0.5 text-xs text-slate-500">
              JavaScript or TypeScript, up to 200,000 characters.
            </p>
            <textarea
              id="code"
              name="code"
              rows={14}
              defaultValue={SAMPLE}
              spellCheck={false}
              aria-invalid={errors.code ? true : undefined}
              aria-describedby={["code-hint", describedBy("code")].filter(Boolean).join(" ")}
              className={`${inputClass} font-mono text-xs`}
            />
            <FieldError id="code-error" message={errors.code} />
          </div>
          <div className="max-w-xs">
            <label htmlFor="threshold" className="block text-sm font-medium text-slate-700">
              Quality score to reach
            </label>
            <input
              id="threshold"
              name="threshold"
              type="number"
              min={0}
              max={100}
              defaultValue={80}
              aria-invalid={errors.threshold ? true : undefined}
              aria-describedby={describedBy("threshold")}
              className={inputClass}
            />
            <FieldError id="threshold-error" message={errors.threshold} />
          </div>
        </>
      ) : workflow === "recommended-action" ? (
        <div>
          <label htmlFor="text" className="block text-sm font-medium text-slate-700">
            The request, in plain words
          </label>
          <p id="text-hint" className="mt-0.5 text-xs text-slate-500">
            The assistant reads it, your approvers decide it, and the action it asks for runs once
            approved.
          </p>
          <textarea
            id="text"
            name="text"
            rows={4}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={["text-hint", describedBy("text")].filter(Boolean).join(" ")}
            className={inputClass}
          />
          <FieldError id="text-error" message={errors.text} />
        </div>
      ) : (
        <div>
          <label htmlFor="input" className="block text-sm font-medium text-slate-700">
            Input (JSON)
          </label>
          <textarea
            id="input"
            name="input"
            rows={6}
            defaultValue="{}"
            spellCheck={false}
            aria-invalid={errors.input ? true : undefined}
            aria-describedby={describedBy("input")}
            className={`${inputClass} font-mono text-xs`}
          />
          <FieldError id="input-error" message={errors.input} />
        </div>
      )}
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Starting…" : "Start"}
      </button>
    </form>
  );
}
