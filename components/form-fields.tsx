/**
 * A labelled text input that shows its field's error from a form action's answer (FormState):
 * `aria-invalid` and `aria-describedby` set when there is one. Shared by the admin, set-up,
 * set-password and out-of-office forms.
 */
import type { FormState } from "@/lib/forms/result";
import { FieldError, inputClass } from "./ui";

export const fieldError = <T,>(state: FormState<T>, field: string) =>
  state && !state.ok ? state.fieldErrors[field] : undefined;

export function TextField<T>({
  state,
  name,
  label,
  type = "text",
  defaultValue,
  autoComplete,
}: {
  state: FormState<T>;
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
}) {
  const error = fieldError(state, name);
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      <FieldError id={`${name}-error`} message={error} />
    </div>
  );
}
