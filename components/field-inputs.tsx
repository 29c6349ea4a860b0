"use client";
/** The per-type inputs of a request (amount + currency, days + dates, severity), labelled, with errors. */
import type { FieldName, RequestType } from "@/lib/engine/fields";
import { FIELD_LABELS, REQUEST_TYPES, REQUIRED_FIELDS } from "@/lib/engine/fields";
import { FORM_FIELDS, TYPE_LABELS } from "@/lib/forms/request";
import { useEarlyValue } from "./early-input";
import { FieldError, inputClass } from "./ui";

/** A field the assistant suggested: the words it came from, and how it was worked out. */
export interface AiField {
  evidence: string;
  /** "8 × 420 = 3,360", for an amount worked out from a quantity and a unit price. */
  working?: string;
}

export type FieldValues = Partial<Record<FieldName, string>>;

const INPUT: Record<FieldName, { type: string; inputMode?: "decimal" | "numeric"; hint?: string }> =
  {
    amount: { type: "text", inputMode: "decimal", hint: "e.g. 14,280" },
    currency: { type: "text", hint: "Three letters, e.g. EUR" },
    days: { type: "text", inputMode: "decimal", hint: "Working days" },
    startDate: { type: "date" },
    endDate: { type: "date" },
    severity: { type: "number", inputMode: "numeric", hint: "1 (lowest) to 5 (highest)" },
  };

export function FieldInputs({
  type,
  values,
  errors,
  onChange,
  aiFields,
}: {
  type: RequestType;
  values: FieldValues;
  errors: Record<string, string>;
  onChange: (name: FieldName, value: string) => void;
  /** Fields the AI filled in (and that the requester has not changed): marked as suggestions. */
  aiFields?: Partial<Record<FieldName, AiField>>;
}) {
  const names = FORM_FIELDS[type];
  if (names.length === 0) {
    return <p className="text-sm text-slate-600">A general request needs no further fields.</p>;
  }
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {names.map((name) => {
        const id = `field-${name}`;
        const error = errors[`fields.${name}`];
        const required = REQUIRED_FIELDS[type].includes(name);
        const evidence = aiFields?.[name];
        const spec = INPUT[name];
        const described = [error ? `${id}-error` : null, evidence ? `${id}-ai` : null, `${id}-hint`]
          .filter(Boolean)
          .join(" ");
        return (
          <div key={name}>
            <label htmlFor={id} className="block text-sm font-medium text-slate-700">
              {FIELD_LABELS[name]}
              {required ? <span className="text-slate-500"> (required)</span> : null}
            </label>
            <FieldInput
              id={id}
              name={name}
              value={values[name] ?? ""}
              onChange={onChange}
              invalid={Boolean(error)}
              described={described}
              suggested={Boolean(evidence)}
            />
            <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
              {spec.hint ?? ""}
            </p>
            {evidence ? (
              <p id={`${id}-ai`} className="mt-0.5 text-xs text-amber-900">
                Suggested from “{evidence.evidence}”
                {evidence.working ? ` · ${evidence.working}` : ""}
              </p>
            ) : null}
            <FieldError id={`${id}-error`} message={error} />
          </div>
        );
      })}
    </div>
  );
}

/** One field's input; what was typed into it before the page's scripts ran is taken up. */
function FieldInput({
  id,
  name,
  value,
  onChange,
  invalid,
  described,
  suggested,
}: {
  id: string;
  name: FieldName;
  value: string;
  onChange: (name: FieldName, value: string) => void;
  invalid: boolean;
  described: string;
  suggested: boolean;
}) {
  const ref = useEarlyValue<HTMLInputElement>((typed) => onChange(name, typed));
  const spec = INPUT[name];
  return (
    <input
      ref={ref}
      id={id}
      name={`fields.${name}`}
      type={spec.type}
      inputMode={spec.inputMode}
      min={name === "severity" ? 1 : undefined}
      max={name === "severity" ? 5 : undefined}
      maxLength={name === "currency" ? 3 : undefined}
      value={value}
      onChange={(event) => onChange(name, event.target.value)}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={described}
      className={`${inputClass} ${suggested ? "bg-amber-50/60" : ""}`}
    />
  );
}

/** Stored field values as the strings inputs hold. */
export function toFieldValues(fields: Record<string, unknown>): FieldValues {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => [name, String(value)]),
  ) as FieldValues;
}

/** The request type, labelled, with its error; `locked` once submitted (the value still posts). */
export function TypeSelect({
  value,
  onChange,
  error,
  locked = false,
}: {
  value: RequestType;
  onChange: (type: RequestType) => void;
  error?: string;
  locked?: boolean;
}) {
  const ref = useEarlyValue<HTMLSelectElement>((typed) => onChange(typed as RequestType));
  const described = [locked ? "type-locked" : null, error ? "type-error" : null]
    .filter(Boolean)
    .join(" ");
  return (
    <>
      <label htmlFor="type" className="block text-sm font-medium text-slate-700">
        Type
      </label>
      <select
        ref={ref}
        id="type"
        name="type"
        value={value}
        disabled={locked}
        onChange={(event) => onChange(event.target.value as RequestType)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className={inputClass}
      >
        {REQUEST_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      {locked ? (
        <>
          <input type="hidden" name="type" value={value} />
          <p id="type-locked" className="mt-1 text-xs text-slate-500">
            The type is fixed once submitted.
          </p>
        </>
      ) : null}
      <FieldError id="type-error" message={error} />
    </>
  );
}
