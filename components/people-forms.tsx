"use client";
/**
 * The people pages' forms (actions come in as props: components never import from app/). Each
 * shows the service's answer: field errors at their inputs, a refusal above, a confirmation that
 * stays until the next submit.
 */
import { useActionState } from "react";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import type { FormState } from "@/lib/forms/result";
import { fieldError, TextField } from "./form-fields";
import { keepValuesOnSubmit, useResetOnSuccess } from "./keep-values";
import { Alert, buttonClass, FieldError, inputClass } from "./ui";

type Action<T = undefined> = (previous: FormState<T>, form: FormData) => Promise<FormState<T>>;
type LinkData = { link: string | null };
interface Department {
  id: string;
  name: string;
}

function Outcome<T>({ state, title }: { state: FormState<T>; title: string }) {
  if (!state) return null;
  if (!state.ok) return <Alert title={title}>{state.message}</Alert>;
  const link = (state.data as LinkData | undefined)?.link;
  return (
    <Alert tone="success">
      {state.message}
      {link ? (
        <code
          className="mt-1 block break-all rounded bg-white p-1 text-xs"
          data-testid="password-link"
        >
          {link}
        </code>
      ) : null}
    </Alert>
  );
}

function RolesField<T>({ state, selected }: { state: FormState<T>; selected: readonly Role[] }) {
  const error = fieldError(state, "roles") ?? fieldError(state, "roles.0");
  return (
    <fieldset aria-describedby={error ? "roles-error" : undefined}>
      <legend className="text-sm font-medium text-slate-700">Roles</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {ROLES.map((role) => (
          <label key={role} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              name="roles"
              value={role}
              defaultChecked={selected.includes(role)}
            />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </div>
      <FieldError id="roles-error" message={error} />
    </fieldset>
  );
}

function DepartmentField<T>({
  state,
  departments,
  selected,
}: {
  state: FormState<T>;
  departments: readonly Department[];
  selected: string | null;
}) {
  const error = fieldError(state, "departmentId");
  return (
    <div>
      <label htmlFor="departmentId" className="block text-sm font-medium text-slate-700">
        Department
      </label>
      <select
        id="departmentId"
        name="departmentId"
        defaultValue={selected ?? ""}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "departmentId-error" : undefined}
      >
        <option value="">None</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <FieldError id="departmentId-error" message={error} />
    </div>
  );
}

export function InvitePersonForm({
  action,
  departments,
}: {
  action: Action<LinkData>;
  departments: readonly Department[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useResetOnSuccess(state);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-3"
      aria-label="Add a person"
    >
      <Outcome state={state} title="Not added" />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField state={state} name="name" label="Name" autoComplete="off" />
        <TextField state={state} name="email" label="Email" type="email" autoComplete="off" />
      </div>
      <RolesField state={state} selected={["REQUESTER"]} />
      <DepartmentField state={state} departments={departments} selected={null} />
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Adding…" : "Add and invite"}
      </button>
    </form>
  );
}

export function EditPersonForm({
  action,
  person,
  departments,
}: {
  action: Action;
  person: { id: string; name: string; roles: Role[]; departmentId: string | null; seen: string };
  departments: readonly Department[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-3"
      aria-label="Edit person"
    >
      <Outcome state={state} title="Not saved" />
      <input type="hidden" name="userId" value={person.id} />
      <input type="hidden" name="seen" value={person.seen} />
      <TextField state={state} name="name" label="Name" defaultValue={person.name} />
      <RolesField state={state} selected={person.roles} />
      <DepartmentField state={state} departments={departments} selected={person.departmentId} />
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}

export function ActiveForm({
  action,
  userId,
  active,
}: {
  action: Action;
  userId: string;
  active: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-3"
      aria-label={active ? "Deactivate" : "Reactivate"}
    >
      <Outcome state={state} title="Not changed" />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      {active ? (
        <TextField state={state} name="reason" label="Reason (kept in the audit trail)" />
      ) : null}
      {fieldError(state, "active") ? (
        <p className="text-sm text-red-700">{fieldError(state, "active")}</p>
      ) : null}
      <button
        type="submit"
        className={active ? buttonClass.danger : buttonClass.secondary}
        disabled={pending}
      >
        {active ? "Deactivate" : "Reactivate"}
      </button>
    </form>
  );
}

export function PasswordLinkForm({ action, userId }: { action: Action<LinkData>; userId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-3"
      aria-label="Send a password link"
    >
      <Outcome state={state} title="Not sent" />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className={buttonClass.secondary} disabled={pending}>
        {pending ? "Sending…" : "Send a link to set a new password"}
      </button>
    </form>
  );
}

export function NewDepartmentForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useResetOnSuccess(state);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-3"
      aria-label="Add a department"
    >
      <Outcome state={state} title="Not added" />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField state={state} name="code" label="Code (e.g. LEGAL)" />
        <TextField state={state} name="name" label="Name" />
      </div>
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Adding…" : "Add department"}
      </button>
    </form>
  );
}

export function RenameDepartmentForm({
  action,
  department,
}: {
  action: Action;
  department: { id: string; code: string; name: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = fieldError(state, "name");
  const id = `name-${department.code}`;
  return (
    <form
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="flex flex-wrap items-start gap-2"
      aria-label={`Rename ${department.code}`}
    >
      <input type="hidden" name="departmentId" value={department.id} />
      <label htmlFor={id} className="sr-only">
        Name of {department.code}
      </label>
      <div>
        <input
          id={id}
          name="name"
          defaultValue={department.name}
          className={`${inputClass} mt-0`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <button type="submit" className={buttonClass.secondary} disabled={pending}>
        Rename
      </button>
      {state?.ok ? (
        <span className="self-center text-sm text-emerald-800">{state.message}</span>
      ) : null}
      {state && !state.ok && !error ? (
        <span className="self-center text-sm text-red-700">{state.message}</span>
      ) : null}
    </form>
  );
}

/** Admin → Integrations: a service account (an integration's identity: roles, no password). */
export function ServiceAccountForm({
  action,
  departments,
}: {
  action: Action;
  departments: readonly Department[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useResetOnSuccess(state);
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className="space-y-3"
      aria-label="Add a service account"
    >
      <Outcome state={state} title="Not added" />
      <TextField state={state} name="name" label="Integration's name" autoComplete="off" />
      <RolesField state={state} selected={["REQUESTER"]} />
      <DepartmentField state={state} departments={departments} selected={null} />
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {pending ? "Adding…" : "Add service account"}
      </button>
    </form>
  );
}
