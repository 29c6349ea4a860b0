"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
/**
 * Audit verifications, newest first, with a button that starts one. While one runs, the page is
 * refreshed every two seconds so its progress shows.
 */
import { ExactTime } from "@/components/exact-time";
import { eventHref } from "@/lib/audit/links";
import { requestLabel } from "@/lib/format";
import type { FormState } from "@/lib/forms/result";
import type { VerificationView } from "@/lib/services/verify-all";
import { Alert, buttonClass } from "./ui";

const STATUS: Record<VerificationView["status"], string> = {
  RUNNING: "Running",
  DONE: "Done",
  FAILED: "Failed",
};

export function VerificationRuns({
  runs,
  start,
}: {
  runs: readonly VerificationView[];
  start: (previous: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, starting] = useActionState(start, null);
  const router = useRouter();
  const running = runs.some((run) => run.status === "RUNNING");
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [running, router]);
  const n = (value: number) => value.toLocaleString("en");
  return (
    <section className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={starting || running}>
          {starting ? "Starting…" : "Verify every chain now"}
        </button>
        <span className="text-sm text-slate-600">
          Every request's hash chain, its row against its events, and the signed checkpoints. Also
          runs each night.
        </span>
      </form>
      {state && !state.ok ? <Alert title="Not started">{state.message}</Alert> : null}
      {runs.length === 0 ? (
        <p className="text-sm text-slate-600">No verification has run yet.</p>
      ) : (
        <ul className="space-y-3" aria-label="Verifications">
          {runs.map((run) => (
            <li
              key={run.id}
              data-testid="verification"
              data-status={run.status}
              className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
            >
              <p className="font-medium">
                {STATUS[run.status]} · started <ExactTime at={run.startedAt} /> by{" "}
                {run.requestedBy ?? "the nightly schedule"}
                {run.finishedAt ? (
                  <>
                    {" "}
                    · finished <ExactTime at={run.finishedAt} />
                  </>
                ) : null}
              </p>
              <p className="mt-1 text-slate-700">
                {n(run.chainsChecked)} of {n(run.totalChains)} chains, {n(run.eventsChecked)} events
                checked · checkpoints: {run.checkpoints}
              </p>
              {run.error ? <p className="mt-1 text-red-800">{run.error}</p> : null}
              {run.brokenCount === 0 ? (
                run.status === "DONE" ? (
                  <p className="mt-1 text-emerald-800">Every chain is intact.</p>
                ) : null
              ) : (
                <div className="mt-2" role="alert">
                  <p className="font-medium text-red-800">
                    {n(run.brokenCount)} broken chain{run.brokenCount === 1 ? "" : "s"}
                    {run.brokenCount > run.broken.length
                      ? ` (the first ${n(run.broken.length)} listed)`
                      : ""}
                  </p>
                  <ul className="mt-1 space-y-0.5" data-testid="broken-chains">
                    {run.broken.map((item) => (
                      <li key={item.stream}>
                        {item.requestId ? (
                          <Link href={`/requests/${item.requestId}`} className="underline">
                            {item.number ? requestLabel(item.number) : item.requestId}
                          </Link>
                        ) : (
                          <span>{item.stream}</span>
                        )}{" "}
                        at{" "}
                        <Link href={eventHref(item.stream, item.seq)} className="underline">
                          event {item.seq}
                        </Link>
                        : {item.reason}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
