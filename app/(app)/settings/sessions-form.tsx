"use client";
import { useActionState } from "react";
/** Where the person is signed in, and "sign out everywhere else". */
import { ExactTime } from "@/components/exact-time";
import { Alert, buttonClass, Panel } from "@/components/ui";
import type { FormState } from "@/lib/forms/result";
import type { SessionView } from "@/lib/services/sessions";

export function SessionsForm({
  sessions,
  action,
}: {
  sessions: readonly SessionView[];
  action: (previous: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const others = sessions.filter((session) => !session.current).length;
  return (
    <Panel title="Where you are signed in" headingId="sessions-heading" className="mt-6 space-y-3">
      {state && !state.ok ? <Alert title="Not done">{state.message}</Alert> : null}
      {state?.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <ul className="divide-y divide-slate-100 text-sm" data-testid="sessions">
        {sessions.map((session) => (
          <li key={session.id} className="py-2" data-testid="session">
            <span className="font-medium">{session.device ?? "Unknown device"}</span>{" "}
            {session.current ? (
              <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">
                this browser
              </span>
            ) : null}
            <span className="block text-slate-600">
              Signed in <ExactTime at={session.startedAt} /> · last seen{" "}
              <ExactTime at={session.lastSeenAt} />
            </span>
          </li>
        ))}
      </ul>
      <form action={formAction}>
        <button type="submit" className={buttonClass.secondary} disabled={pending || others === 0}>
          {pending ? "Signing out…" : "Sign out everywhere else"}
        </button>
      </form>
    </Panel>
  );
}
