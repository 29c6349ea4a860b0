"use client";
/**
 * Approve, reject (reason), request changes (comment) or escalate (reason) one request. Used on the
 * request page and in each inbox row. The note is checked with the server's schema before sending;
 * the server's answer (including "someone else acted first" with the request's new state) is shown.
 */
import { useEffect, useId, useRef, useState, useTransition } from "react";
import type { RequestAction } from "@/lib/engine/permitted";
import {
  DECISION_LABELS,
  DECISION_NOTE,
  type Decided,
  type DecideFn,
  DecisionInputSchema,
  type DecisionKind,
} from "@/lib/forms/decision";
import type { ActionResult } from "@/lib/forms/result";
import { ConflictNotice } from "./conflict-notice";
import { useHydrated } from "./early-input";
import { useOutcomeReport } from "./outcome-banner";
import { buttonClass, FieldError, inputClass } from "./ui";

const NOTE_LABEL: Record<Exclude<DecisionKind, "approve">, string> = {
  reject: "Reason for rejecting",
  request_changes: "What should change",
  escalate: "Reason for escalating",
};

export function DecisionControls({
  requestId,
  version,
  actions,
  decide,
  actionHash,
  compact = false,
  menu = false,
  subject,
  onDecided,
  openWith,
}: {
  requestId: string;
  version: number;
  actions: readonly RequestAction[];
  /** The server action that decides (app/(app)/requests/actions.ts decideAction). */
  decide: DecideFn;
  /** The hash of the approved action shown with the request: the approval is bound to it. */
  actionHash?: string | null;
  compact?: boolean;
  /** One primary Approve; Reject, Request changes and Escalate behind "More" (an inbox row). */
  menu?: boolean;
  /** Names the request in the buttons for screen readers when several are on one page ("FG-12"). */
  subject?: string;
  onDecided?: (kind: DecisionKind, result: ActionResult<Decided>) => void;
  /** Opens the note form for a decision (keyboard shortcut "r" in the inbox); `at` makes each request new. */
  openWith?: { kind: Exclude<DecisionKind, "approve">; at: number } | null;
}) {
  const [open, setOpen] = useState<Exclude<DecisionKind, "approve"> | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult<Decided> | null>(null);
  const [pending, startTransition] = useTransition();
  const [more, setMore] = useState(false);
  // Every button here needs the page's scripts; the decision buttons also wait while one is sent.
  const hydrated = useHydrated();
  const busy = pending || !hydrated;
  const noteId = useId();
  // On a request's page the outcome goes to the banner at its top (components/outcome-banner.tsx).
  const report = useOutcomeReport();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const kinds = (["approve", "reject", "request_changes", "escalate"] as const).filter((k) =>
    actions.includes(k),
  );

  useEffect(() => {
    if (openWith) setOpen(openWith.kind);
  }, [openWith]);

  // The note field takes the focus whenever a note form opens.
  useEffect(() => {
    if (open) noteRef.current?.focus();
  }, [open]);

  function send(kind: DecisionKind) {
    const field = DECISION_NOTE[kind];
    const input =
      kind === "approve"
        ? { decision: kind, version, ...(actionHash ? { actionHash } : {}) }
        : { decision: kind, version, [field]: note };
    const checked = DecisionInputSchema.safeParse(input);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? "Check the note.");
      noteRef.current?.focus();
      return;
    }
    setError(null);
    startTransition(async () => {
      const answer = await decide(requestId, checked.data);
      if (answer.ok) {
        setOpen(null);
        setNote("");
      } else if (answer.fieldErrors[field]) {
        setError(answer.fieldErrors[field] ?? null);
      }
      if (report && !(!answer.ok && answer.fieldErrors[field])) report({ kind, result: answer });
      else setResult(answer);
      onDecided?.(kind, answer);
    });
  }

  if (result?.ok) {
    return (
      <p role="status" className="text-sm font-medium text-emerald-800">
        Done: the request is now {result.data.status.toLowerCase().replace("_", " ")}.
      </p>
    );
  }

  return (
    <div className="space-y-3">
      {result && !result.ok ? (
        <ConflictNotice code={result.code} message={result.message} current={result.current} />
      ) : null}
      <div className="flex flex-wrap gap-2">
        {(menu && !more && open === null ? kinds.filter((k) => k === "approve") : kinds).map(
          (kind) =>
            kind === "approve" ? (
              <button
                key={kind}
                type="button"
                className={buttonClass.approve}
                disabled={busy}
                onClick={() => send("approve")}
              >
                {DECISION_LABELS.approve}
                {subject ? <span className="sr-only"> {subject}</span> : null}
              </button>
            ) : (
              <button
                key={kind}
                type="button"
                aria-expanded={open === kind}
                className={kind === "reject" ? buttonClass.danger : buttonClass.secondary}
                disabled={busy}
                onClick={() => {
                  setOpen(open === kind ? null : kind);
                  setError(null);
                }}
              >
                {DECISION_LABELS[kind]}…
                {subject ? <span className="sr-only"> {subject}</span> : null}
              </button>
            ),
        )}
        {menu && kinds.some((k) => k !== "approve") && open === null ? (
          <button
            type="button"
            className={buttonClass.secondary}
            aria-expanded={more}
            disabled={!hydrated}
            onClick={() => setMore((was) => !was)}
          >
            {more ? "Fewer" : "More"}
            <span className="sr-only"> actions{subject ? ` for ${subject}` : ""}</span>
          </button>
        ) : null}
      </div>
      {open ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            send(open);
          }}
        >
          <label htmlFor={noteId} className="block text-sm font-medium text-slate-700">
            {NOTE_LABEL[open]} <span className="text-slate-500">(required)</span>
          </label>
          <textarea
            id={noteId}
            ref={noteRef}
            rows={compact ? 2 : 3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={(event) => {
              event.stopPropagation();
              if (event.key === "Escape") setOpen(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${noteId}-error` : undefined}
            className={inputClass}
          />
          <FieldError id={`${noteId}-error`} message={error ?? undefined} />
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={busy}
              className={open === "reject" ? buttonClass.danger : buttonClass.primary}
            >
              {pending ? "Sending…" : `Confirm: ${DECISION_LABELS[open].toLowerCase()}`}
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => setOpen(null)}>
              Back
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
