"use client";
/**
 * The action a request runs once approved, as its requester confirms, edits, adds or removes it:
 * a tool (or "No action") and that tool's parameters. The inputs are plain form inputs
 * (`action.tool`, `action.params.<name>`), read by lib/forms/action.ts and checked on the server
 * with the tool's own schema; errors come back keyed by those names.
 */
import { useState } from "react";
import { TOOL_NAMES, type ToolName } from "@/lib/engine/tools";
import { inputValue, NO_ACTION, TOOL_FORMS } from "@/lib/forms/action";
import { FieldError, inputClass } from "./ui";

export function ActionEditor({
  initial,
  errors,
  onEdit,
}: {
  /** The action as it stands (the assistant's suggestion, or the request's own). */
  initial: { tool: string; params: Record<string, unknown> } | null;
  errors: Record<string, string>;
  /** Called as the requester types or chooses (so a later suggestion does not replace their edit). */
  onEdit?: () => void;
}) {
  const [tool, setTool] = useState<string>(initial?.tool ?? NO_ACTION);
  // Controlled inputs: what was typed survives the form's reset after a refused submit. Per tool,
  // so switching tools and back keeps each tool's values.
  const [values, setValues] = useState<Record<string, Record<string, string>>>(() =>
    initial ? { [initial.tool]: initialValues(initial.tool, initial.params) } : {},
  );
  const form = formOf(tool);
  const current = values[tool] ?? {};
  return (
    <fieldset className="space-y-3" onInput={onEdit} data-testid="action-editor">
      <legend className="text-sm font-medium text-slate-700">Once approved, Flowgate will</legend>
      <select
        id="action-tool"
        name="action.tool"
        aria-label="Action once approved"
        value={tool}
        onChange={(event) => setTool(event.target.value)}
        aria-invalid={errors["action.tool"] ? true : undefined}
        className={`${inputClass} max-w-xs`}
      >
        <option value={NO_ACTION}>Do nothing more</option>
        {TOOL_NAMES.map((name) => (
          <option key={name} value={name}>
            {TOOL_FORMS[name].label}
          </option>
        ))}
      </select>
      <FieldError id="action-tool-error" message={errors["action.tool"] ?? errors.action} />
      {form ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {form.inputs.map((input) => {
            const id = `action-${input.name}`;
            const error = errors[`action.params.${input.name}`];
            const wide = input.kind === "textarea" || input.kind === "json";
            const props = {
              id,
              name: `action.params.${input.name}`,
              value: current[input.name] ?? "",
              onChange: (event: { target: { value: string } }) =>
                setValues((all) => ({
                  ...all,
                  [tool]: { ...all[tool], [input.name]: event.target.value },
                })),
              "aria-invalid": error ? true : undefined,
              "aria-describedby": [error ? `${id}-error` : null, input.hint ? `${id}-hint` : null]
                .filter(Boolean)
                .join(" "),
              className: `${inputClass} ${input.kind === "json" ? "font-mono text-xs" : ""}`,
            } as const;
            return (
              <div key={`${tool}-${input.name}`} className={wide ? "sm:col-span-2" : undefined}>
                <label htmlFor={id} className="block text-sm font-medium text-slate-700">
                  {input.label}
                  {input.optional ? <span className="text-slate-500"> (optional)</span> : null}
                </label>
                {wide ? (
                  <textarea rows={input.kind === "json" ? 4 : 3} {...props} />
                ) : (
                  <input type={input.kind === "text" ? "text" : input.kind} {...props} />
                )}
                {input.hint ? (
                  <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
                    {input.hint}
                  </p>
                ) : null}
                <FieldError id={`${id}-error`} message={error} />
              </div>
            );
          })}
        </div>
      ) : null}
    </fieldset>
  );
}

function formOf(tool: string) {
  return (TOOL_FORMS as Record<string, (typeof TOOL_FORMS)[ToolName] | undefined>)[tool];
}

function initialValues(tool: string, params: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of formOf(tool)?.inputs ?? []) {
    values[input.name] = inputValue(input, params[input.name]);
  }
  return values;
}
