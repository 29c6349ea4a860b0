"use client";
/**
 * What a decision on a request's page did, kept at the top of the page until dismissed or the
 * person navigates away: "FG-15 approved — now with Finance", with the next item of their inbox.
 * The decision form itself disappears once the page shows the new state (nothing is left to
 * decide), so the message lives here, above it, in state that survives the page's refresh.
 *
 * A decision that lost a race ("someone else acted first") lands here too, with what changed and
 * by whom, and the page is refreshed to show the new state.
 */
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import { requestLabel } from "@/lib/format";
import type { Decided, DecisionKind } from "@/lib/forms/decision";
import type { ActionResult } from "@/lib/forms/result";
import { ConflictNotice } from "./conflict-notice";
import { Alert, buttonClass } from "./ui";

type Outcome = { kind: DecisionKind; result: ActionResult<Decided> };
type Report = (outcome: Outcome) => void;

const OutcomeContext = createContext<Report | null>(null);

/** The banner's reporter, or null outside an OutcomeBanner (the inbox reports in its rows). */
export const useOutcomeReport = () => useContext(OutcomeContext);

const DONE: Record<DecisionKind, string> = {
  approve: "approved",
  reject: "rejected",
  request_changes: "sent back for changes",
  escalate: "escalated",
};

/** "now with Finance", "fully approved", "back with the requester". */
export function whatNext(decided: Decided): string {
  if (decided.waitingFor) return `now with ${decided.waitingFor}`;
  switch (decided.status) {
    case "APPROVED":
      return "fully approved";
    case "REJECTED":
      return "closed as rejected";
    case "CHANGES_REQUESTED":
      return "back with the requester";
    default:
      return decided.status.toLowerCase().replaceAll("_", " ");
  }
}

export function OutcomeBanner({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const router = useRouter();
  const report = useCallback<Report>(
    (next) => {
      setOutcome(next);
      // A lost race: show the request as it is now, the notice stays above it.
      if (!next.result.ok && next.result.current) router.refresh();
      window.scrollTo({ top: 0 });
    },
    [router],
  );
  return (
    <OutcomeContext.Provider value={report}>
      <div aria-live="polite" data-testid="decision-outcome">
        {outcome ? (
          <div className="mb-4 flex items-start gap-3">
            <div className="flex-1">
              {outcome.result.ok ? (
                <Alert tone="success">
                  <p className="font-medium">
                    {requestLabel(outcome.result.data.number)} {DONE[outcome.kind]} —{" "}
                    {whatNext(outcome.result.data)}.
                  </p>
                  <p className="mt-1">
                    {outcome.result.data.next ? (
                      <Link
                        className="font-medium underline"
                        href={`/requests/${outcome.result.data.next.id}` as Route}
                      >
                        Next in inbox: {requestLabel(outcome.result.data.next.number)}{" "}
                        {outcome.result.data.next.title} →
                      </Link>
                    ) : (
                      <Link className="font-medium underline" href="/inbox">
                        Your inbox is empty — back to the inbox →
                      </Link>
                    )}
                  </p>
                </Alert>
              ) : (
                <ConflictNotice
                  code={outcome.result.code}
                  message={outcome.result.message}
                  current={outcome.result.current}
                />
              )}
            </div>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => setOutcome(null)}
            >
              Dismiss
            </button>
          </div>
        ) : null}
      </div>
      {children}
    </OutcomeContext.Provider>
  );
}
