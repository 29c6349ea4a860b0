import { formatExact, formatStatus } from "@/lib/format";
import { CONFLICT_CODES, type CurrentState } from "@/lib/forms/result";
import { Alert } from "./ui";

/** A refusal; for "someone else acted first" also the request's state now. */
export function ConflictNotice({
  code,
  message,
  current,
}: {
  code: string;
  message: string;
  current?: CurrentState;
}) {
  const conflict = CONFLICT_CODES.has(code);
  return (
    <Alert
      tone={conflict ? "warning" : "error"}
      title={
        conflict
          ? current?.lastByYou
            ? "You already acted on this request (in another tab or window)"
            : "Someone else acted first"
          : undefined
      }
    >
      <p>{message}</p>
      {current ? (
        <p className="mt-1" data-testid="conflict-state">
          Now: <strong>{formatStatus(current.status)}</strong>
          {current.currentStep ? ` (${current.currentStep})` : ""}
          {current.lastActor && current.lastAction
            ? ` — last: ${formatStatus(current.lastAction)} by ${current.lastActor}${
                current.lastAt ? `, ${formatExact(current.lastAt, browserTimeZone())}` : ""
              }`
            : ""}
          . The page now shows it as it is.
        </p>
      ) : null}
    </Alert>
  );
}

/** The reader's zone: this notice only renders in the browser, after an action. */
function browserTimeZone(): string | undefined {
  return typeof Intl === "undefined" ? undefined : Intl.DateTimeFormat().resolvedOptions().timeZone;
}
