"use client";
import { useActionState, useState } from "react";
/**
 * API tokens: the list (scopes, expiry, last use, revoked), a form to make one (shown once, with
 * a button to copy it), and revoking. Used by Settings (one's own tokens) and by Admin →
 * Integrations (a service account's). Actions come in as props.
 */
import { ExactTime } from "@/components/exact-time";
import type { Scope } from "@/lib/api/scopes";
import { SCOPE_LABELS } from "@/lib/api/scopes";
import { TOKEN_LIFETIME_LABELS, TOKEN_LIFETIMES } from "@/lib/forms/api-token";
import type { FormState } from "@/lib/forms/result";
import { fieldError, TextField } from "./form-fields";
import { keepValuesOnSubmit, useResetOnSuccess } from "./keep-values";
import { Alert, buttonClass, FieldError, inputClass, Panel } from "./ui";

export interface TokenRow {
  id: string;
  name: string;
  hint: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  owner?: string;
}

type CreateAction = (
  previous: FormState<{ token: string }>,
  form: FormData,
) => Promise<FormState<{ token: string }>>;
type RevokeAction = (previous: FormState, form: FormData) => Promise<FormState>;

export function ApiTokenSection({
  title,
  description,
  tokens,
  scopes,
  create,
  revoke,
  userId,
  allowNoExpiry = false,
}: {
  title: string;
  description: string;
  tokens: readonly TokenRow[];
  scopes: readonly Scope[];
  create: CreateAction;
  revoke: RevokeAction;
  /** A service account's id (Admin → Integrations); absent: the signed-in person's own tokens. */
  userId?: string;
  allowNoExpiry?: boolean;
}) {
  const [state, formAction, pending] = useActionState(create, null);
  const formRef = useResetOnSuccess(state);
  const headingId = `tokens-${userId ?? "mine"}`;
  return (
    <Panel title={title} headingId={headingId} className="mt-6 space-y-4">
      <p className="text-sm text-slate-600">
        {description}{" "}
        <a href="/api/docs" className="underline">
          API reference
        </a>
      </p>
      {tokens.length ? <TokenTable tokens={tokens} revoke={revoke} /> : null}
      {state?.ok ? <NewToken token={state.data.token} /> : null}
      <form
        ref={formRef}
        action={formAction}
        onSubmit={keepValuesOnSubmit(formAction)}
        className="space-y-3"
        aria-label={userId ? "Make a token for this service account" : "Make an API token"}
        noValidate
      >
        {userId ? <input type="hidden" name="userId" value={userId} /> : null}
        {state && !state.ok && Object.keys(state.fieldErrors).length === 0 ? (
          <Alert title="Not made">{state.message}</Alert>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField state={state} name="name" label="Name (what uses it)" />
          <div>
            <label
              htmlFor={`${headingId}-expires`}
              className="block text-sm font-medium text-slate-700"
            >
              Expires after
            </label>
            <select
              id={`${headingId}-expires`}
              name="expiresIn"
              defaultValue="90"
              className={inputClass}
            >
              {TOKEN_LIFETIMES.filter((value) => allowNoExpiry || value !== "never").map(
                (value) => (
                  <option key={value} value={value}>
                    {TOKEN_LIFETIME_LABELS[value]}
                  </option>
                ),
              )}
            </select>
            <FieldError
              id={`${headingId}-expires-error`}
              message={fieldError(state, "expiresIn")}
            />
          </div>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          <div className="mt-1 space-y-1">
            {scopes.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  defaultChecked={scope === "read"}
                  className="mt-1"
                />
                <span>
                  <span className="font-mono">{scope}</span> — {SCOPE_LABELS[scope]}
                </span>
              </label>
            ))}
          </div>
          <FieldError id={`${headingId}-scopes-error`} message={fieldError(state, "scopes")} />
        </fieldset>
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? "Making…" : "Make token"}
        </button>
      </form>
    </Panel>
  );
}

function NewToken({ token }: { token: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success" title="Token made: copy it now, it is not shown again">
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          readOnly
          value={token}
          aria-label="The new token"
          data-testid="new-token"
          className={`${inputClass} font-mono text-xs sm:w-[36rem]`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() =>
            navigator.clipboard?.writeText(token).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </Alert>
  );
}

function TokenTable({ tokens, revoke }: { tokens: readonly TokenRow[]; revoke: RevokeAction }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="token-table">
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Name
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Scopes
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Expires
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Last used
            </th>
            <th scope="col" className="py-1 font-medium">
              <span className="sr-only">Revoke</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-t border-slate-100">
              <td className="py-2 pr-3">
                <div className="font-medium">{token.name}</div>
                <div className="font-mono text-xs text-slate-500">{token.hint}</div>
              </td>
              <td className="py-2 pr-3 font-mono text-xs">{token.scopes.join(", ")}</td>
              <td className="py-2 pr-3">
                {token.expiresAt ? <ExactTime at={token.expiresAt} /> : "never"}
              </td>
              <td className="py-2 pr-3">
                {token.lastUsedAt ? <ExactTime at={token.lastUsedAt} /> : "never"}
              </td>
              <td className="py-2">
                {token.revokedAt ? (
                  <span className="text-slate-500">
                    Revoked <ExactTime at={token.revokedAt} />
                  </span>
                ) : (
                  <RevokeForm action={revoke} id={token.id} name={token.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RevokeForm({ action, id, name }: { action: RevokeAction; id: string; name: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} onSubmit={keepValuesOnSubmit(formAction)} className="inline">
      <input type="hidden" name="tokenId" value={id} />
      <button
        type="submit"
        className={buttonClass.secondary}
        disabled={pending}
        aria-label={`Revoke ${name}`}
      >
        Revoke
      </button>
      {state && !state.ok ? <span className="ml-2 text-red-700">{state.message}</span> : null}
    </form>
  );
}
