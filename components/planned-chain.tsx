/**
 * The chain a request would go through, shown to the requester before they submit: each step's
 * role and the time it has before it escalates, and the most the whole chain can take.
 */
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatHours } from "@/lib/format";
import type { PlanView } from "@/lib/services/plan-for-form";

export function PlannedChain({ plan, pending }: { plan: PlanView | null; pending: boolean }) {
  return (
    <section
      aria-labelledby="plan-heading"
      aria-busy={pending}
      data-testid="planned-chain"
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:p-6"
    >
      <h2 id="plan-heading" className="font-medium">
        Who approves
      </h2>
      {!plan ? (
        <p className="mt-1 text-slate-600">Choose a type to see who approves.</p>
      ) : plan.problem ? (
        <p className="mt-1 text-slate-600">{plan.problem}</p>
      ) : plan.steps.length === 0 ? (
        <p className="mt-1 text-slate-600">No approval needed: it is approved when submitted.</p>
      ) : (
        <>
          <ol
            className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1"
            aria-label="Planned approval steps"
          >
            {plan.steps.map((step, index) => (
              <li key={step.nodeId} className="flex items-center gap-2">
                {index > 0 ? (
                  <span aria-hidden="true" className="text-slate-400">
                    →
                  </span>
                ) : null}
                <span className="rounded-md bg-slate-100 px-2 py-1">
                  <span className="font-medium">{ROLE_LABELS[step.role]}</span>
                  <span className="text-slate-600"> · up to {formatHours(step.slaHours)}</span>
                </span>
              </li>
            ))}
          </ol>
          <p className="mt-2 text-slate-600" data-testid="planned-total">
            {plan.steps.length === 1
              ? "One decision"
              : `${plan.steps.length} decisions, one after another`}
            , within {formatHours(plan.totalHours)} if each takes its full time; a step that waits
            longer is escalated.
          </p>
        </>
      )}
    </section>
  );
}
