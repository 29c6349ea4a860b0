"use client";
/**
 * "New request": the requester writes in plain words; when they pause typing (or press
 * "Suggest"), the AI proposes the type, fields and a summary. Suggestions fill only what the
 * requester has not set themselves; each is marked, with its evidence highlighted in the text.
 * The form is checked in the browser with the server's own schema, then on the server again.
 */
import { type FormEvent, useActionState, useEffect, useRef, useState, useTransition } from "react";
import { ActionEditor } from "@/components/action-editor";
import { checkSubmission } from "@/components/check-submission";
import { useEarlyValue } from "@/components/early-input";
import { type AiField, FieldInputs, type FieldValues, TypeSelect } from "@/components/field-inputs";
import { PlannedChain } from "@/components/planned-chain";
import { Alert, buttonClass, FieldError, inputClass } from "@/components/ui";
import {
  FIELD_LABELS,
  type FieldName,
  MAX_DESCRIPTION_LENGTH,
  type RequestType,
} from "@/lib/engine/fields";
import { formatPercent } from "@/lib/format";
import { actionFromForm } from "@/lib/forms/action";
import { fieldsFromForm, NewRequestSchema, TYPE_LABELS } from "@/lib/forms/request";
import type { FormState } from "@/lib/forms/result";
import type { PlanView } from "@/lib/services/plan-for-form";
import type { SuggestionView } from "@/lib/services/suggest-for-form";
import { createRequestAction, planAction, suggestAction } from "../actions";

const PAUSE_MS = 700;
/** The plan follows the type and fields a moment after they change. */
const PLAN_PAUSE_MS = 250;
const MIN_TEXT = 10;

export function NewRequestForm() {
  const [state, formAction, saving] = useActionState<FormState, FormData>(
    createRequestAction,
    null,
  );
  const [text, setText] = useState("");
  const [title, setTitle] = useState("");
  // Text written before the page's scripts ran is suggested on as if just typed.
  const textField = useEarlyValue<HTMLTextAreaElement>(setText);
  const titleField = useEarlyValue<HTMLInputElement>(setTitle);
  const [type, setType] = useState<RequestType>("GENERAL");
  const [values, setValues] = useState<FieldValues>({});
  /** What the requester set themselves: suggestions never overwrite it. */
  const touched = useRef(new Set<string>());
  const [suggestion, setSuggestion] = useState<{ text: string; view: SuggestionView } | null>(null);
  const [suggestError, setSuggestError] = useState<string | null>(null);
  const [suggesting, startSuggesting] = useTransition();
  const latest = useRef(0);
  /** The action editor's starting point: each new suggested action, until the requester edits it. */
  const [actionSeed, setActionSeed] = useState<{
    key: string;
    action: SuggestionView["recommendedAction"];
  }>({ key: "none", action: null });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [planning, startPlanning] = useTransition();
  const planTicket = useRef(0);
  const [zone, setZone] = useState("UTC");
  useEffect(() => setZone(browserTimeZone()), []);

  const trimmed = text.trim();
  const serverErrors = state && !state.ok ? state.fieldErrors : {};
  const errors = { ...serverErrors, ...clientErrors };

  const over = trimmed.length - MAX_DESCRIPTION_LENGTH;

  function requestSuggestion(forText: string) {
    if (forText.length < MIN_TEXT || forText.length > MAX_DESCRIPTION_LENGTH) return;
    if (forText === suggestion?.text) return;
    const ticket = ++latest.current;
    startSuggesting(async () => {
      const result = await suggestAction(forText, browserTimeZone());
      if (ticket !== latest.current) return; // a newer text is on its way
      if (!result.ok) {
        setSuggestError(result.message);
        return;
      }
      setSuggestError(result.data ? null : "No suggestion this time: fill in the fields yourself.");
      if (!result.data) return;
      const view = result.data;
      setSuggestion({ text: forText, view });
      if (!touched.current.has("action")) {
        const action = view.recommendedAction;
        const key = action?.hash ?? "none";
        setActionSeed((seed) => (seed.key === key ? seed : { key, action }));
      }
      if (!touched.current.has("type")) setType(view.type);
      setValues((current) => {
        const next = { ...current };
        for (const [name, field] of Object.entries(view.fields)) {
          if (!touched.current.has(name) && field) next[name as FieldName] = String(field.value);
        }
        return next;
      });
    });
  }

  // Suggest when the requester pauses typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the text's changes start a suggestion
  useEffect(() => {
    const timer = setTimeout(() => requestSuggestion(trimmed), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [trimmed]);

  // Who approves, for the type and fields as they stand (the engine's own planner, server-side).
  const planKey = JSON.stringify([type, values]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: planKey stands for type and values
  useEffect(() => {
    const ticket = ++planTicket.current;
    const timer = setTimeout(() => {
      startPlanning(async () => {
        const result = await planAction(type, values);
        if (ticket === planTicket.current && result.ok) setPlan(result.data);
      });
    }, PLAN_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [planKey]);

  const current = suggestion && suggestion.text === trimmed ? suggestion.view : null;
  const aiFields: Partial<Record<FieldName, AiField>> = {};
  if (current) {
    for (const [name, field] of Object.entries(current.fields)) {
      if (
        field &&
        !touched.current.has(name) &&
        values[name as FieldName] === String(field.value)
      ) {
        aiFields[name as FieldName] = { evidence: field.evidence.text, working: field.working };
      }
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    setClientErrors(
      checkSubmission(event, (form) =>
        NewRequestSchema.safeParse({
          text: form.get("text"),
          title: String(form.get("title") ?? "").trim() || undefined,
          type: form.get("type"),
          fields: fieldsFromForm(form, form.get("type")),
          intent: form.get("intent"),
          action: actionFromForm(form),
        }),
      ),
    );
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      {/* Dates in the text ("tomorrow", "3 December") are the requester's days. */}
      <input type="hidden" name="timeZone" value={zone} />
      {state && !state.ok ? <Alert title="Not saved">{state.message}</Alert> : null}
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <label htmlFor="text" className="block text-sm font-medium text-slate-700">
          What do you need?
        </label>
        <p id="text-hint" className="mt-0.5 text-xs text-slate-500">
          Write it in plain words, e.g. “12 ergonomic chairs for the Berlin office, EUR 14,280”. The
          assistant suggests the type and details as you pause.
        </p>
        <textarea
          ref={textField}
          id="text"
          name="text"
          rows={5}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={errors.text || over > 0 ? true : undefined}
          aria-describedby={`text-hint text-count${errors.text ? " text-error" : ""}`}
          className={inputClass}
        />
        <p
          id="text-count"
          data-testid="text-count"
          className={`mt-1 text-right text-xs ${over > 0 ? "font-medium text-red-700" : "text-slate-500"}`}
        >
          {over > 0
            ? `${over.toLocaleString("en")} characters over the limit of ${MAX_DESCRIPTION_LENGTH.toLocaleString("en")}`
            : `${trimmed.length.toLocaleString("en")} / ${MAX_DESCRIPTION_LENGTH.toLocaleString("en")} characters`}
        </p>
        <FieldError id="text-error" message={errors.text} />
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={trimmed.length < MIN_TEXT || over > 0 || suggesting}
            onClick={() => requestSuggestion(trimmed)}
          >
            Suggest
          </button>
          <span aria-live="polite" className="text-slate-600" data-testid="suggest-status">
            {suggesting
              ? "Reading your request…"
              : suggestError
                ? suggestError
                : current
                  ? `Suggestion ready · confidence ${formatPercent(current.confidence)}`
                  : trimmed.length > 0 && trimmed.length < MIN_TEXT
                    ? "Keep writing…"
                    : over > 0
                      ? "Shorten the text to get a suggestion."
                      : ""}
          </span>
        </div>
        {current ? <Evidence text={trimmed} view={current} /> : null}
      </section>

      {current ? (
        <section
          aria-labelledby="ai-heading"
          className="rounded-lg border border-amber-200 bg-amber-50/50 p-4 text-sm sm:p-6"
        >
          <h2 id="ai-heading" className="font-medium">
            Assistant’s reading
          </h2>
          <p className="mt-1">{current.summary}</p>
          <p className="mt-1 text-slate-600">
            Type {TYPE_LABELS[current.type]} ({formatPercent(current.typeConfidence)} sure) ·
            overall confidence {formatPercent(current.confidence)}
          </p>
          {current.uncertain ? (
            <p className="mt-1 font-medium text-amber-900">
              The assistant is unsure: check the type and fields before you submit.
            </p>
          ) : null}
          {current.recommendedAction ? (
            <p className="mt-1 text-slate-600">
              Suggested action: {current.recommendedAction.label.toLowerCase()} (below).{" "}
              {current.recommendedAction.rationale}
            </p>
          ) : null}
          {current.warnings.length ? (
            <ul className="mt-2 list-disc space-y-0.5 pl-5 text-amber-900">
              {current.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <TypeSelect
              value={type}
              error={errors.type}
              onChange={(next) => {
                touched.current.add("type");
                setType(next);
              }}
            />
          </div>
          <div>
            <label htmlFor="title" className="block text-sm font-medium text-slate-700">
              Title <span className="text-slate-500">(optional)</span>
            </label>
            <input
              ref={titleField}
              id="title"
              name="title"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              // Left empty, the request takes the assistant's title (else the first sentence).
              placeholder={current?.title ?? "The first sentence of your text"}
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={errors.title ? "title-error" : undefined}
              className={inputClass}
            />
            <FieldError id="title-error" message={errors.title} />
          </div>
        </div>
        <FieldInputs
          type={type}
          values={values}
          errors={errors}
          aiFields={aiFields}
          onChange={(name, value) => {
            touched.current.add(name);
            setValues((v) => ({ ...v, [name]: value }));
          }}
        />
        <div className="border-t border-slate-200 pt-4">
          {/* Remounted with each new suggested action until the requester changes it themselves. */}
          <ActionEditor
            key={actionSeed.key}
            initial={actionSeed.action}
            errors={errors}
            onEdit={() => touched.current.add("action")}
          />
        </div>
      </section>

      <PlannedChain plan={plan} pending={planning} />

      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="submit"
          className={buttonClass.primary}
          disabled={saving}
        >
          {saving ? "Sending…" : "Submit for approval"}
        </button>
        <button
          type="submit"
          name="intent"
          value="save"
          className={buttonClass.secondary}
          disabled={saving}
        >
          Save as draft
        </button>
      </div>
    </form>
  );
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * The request text with each suggested field's evidence highlighted and labelled; a worked-out
 * amount ("8 × 420") highlights each figure it multiplied.
 */
function Evidence({ text, view }: { text: string; view: SuggestionView }) {
  const spans = Object.entries(view.fields)
    .flatMap(([name, field]) =>
      (field?.factors ?? (field ? [field.evidence] : [])).map((evidence) => ({
        name: name as FieldName,
        start: evidence.start,
        end: evidence.end,
      })),
    )
    .filter((span) => span.end <= text.length)
    .sort((a, b) => a.start - b.start)
    .filter((span, index, all) => index === 0 || span.start >= (all[index - 1]?.end ?? 0));
  if (spans.length === 0) return null;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark
        key={`${span.name}-${span.start}`}
        className="rounded bg-amber-200/80 px-0.5 text-slate-900"
        title={FIELD_LABELS[span.name]}
      >
        {text.slice(span.start, span.end)}
        <span className="sr-only"> ({FIELD_LABELS[span.name]})</span>
      </mark>,
    );
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <figure className="mt-3">
      <figcaption className="text-xs font-medium text-slate-600">
        Where the suggestions come from
      </figcaption>
      <p
        className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm text-slate-800"
        data-testid="evidence"
      >
        {parts}
      </p>
    </figure>
  );
}
