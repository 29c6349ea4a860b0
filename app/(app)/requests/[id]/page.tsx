import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApprovedAction } from "@/components/approved-action";
import { Attachments } from "@/components/attachments";
import { AuditCheckPanel } from "@/components/audit-check";
import { CommentForm, CommentThread } from "@/components/comments";
import { DecisionControls } from "@/components/decision-controls";
import { Lifecycle } from "@/components/lifecycle";
import { LiveRequest } from "@/components/live-request";
import { OutcomeBanner } from "@/components/outcome-banner";
import { RoutingWarnings } from "@/components/routing-warnings";
import { SlaCountdown } from "@/components/sla-countdown";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { Alert, Panel } from "@/components/ui";
import { When } from "@/components/when";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { readEventData, type StepProgress } from "@/lib/engine";
import { FIELD_LABELS, type FieldName } from "@/lib/engine/fields";
import { AppError } from "@/lib/errors";
import {
  describeFields,
  formatHours,
  formatMoney,
  formatPercent,
  formatStatus,
  requestLabel,
} from "@/lib/format";
import { isDecision } from "@/lib/forms/decision";
import { TYPE_LABELS } from "@/lib/forms/request";
import { attachmentsOf } from "@/lib/services/attachments";
import { auditCheckFor } from "@/lib/services/audit-check";
import { mayComment } from "@/lib/services/comment-on-request";
import { runOfRequest } from "@/lib/services/runs/view-run";
import { actorLabel, type RequestView, viewRequest } from "@/lib/services/view-request";
import { commentAction, decideAction } from "../actions";
import { RequesterActions } from "./requester-actions";

export const metadata: Metadata = { title: "Request" };

async function load(id: string, user: Awaited<ReturnType<typeof requireUser>>) {
  try {
    return await viewRequest(db(), user, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function RequestPage({ params, searchParams }: PageProps<"/requests/[id]">) {
  const user = await requireUser();
  const { id } = await params;
  const { notice } = await searchParams;
  const view = await load(id, user);
  const [auditCheck, files, fromRun] = await Promise.all([
    auditCheckFor(db(), user, id),
    attachmentsOf(db(), id),
    runOfRequest(db(), user, id),
  ]);
  const { detail, chain } = view;
  const { state } = detail.loaded;
  const decideActions = view.actions.filter(isDecision);
  const now = new Date();
  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-mono text-sm text-slate-500">{requestLabel(detail.number)}</p>
          <h1 className="text-2xl font-semibold tracking-tight">{detail.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <StatusBadge status={state.status} />
            <span>{TYPE_LABELS[state.type]}</span>
            {state.round > 1 ? <span>· round {state.round}</span> : null}
            {view.currentStep ? (
              <span data-testid="current-step">
                · Step {(chain.currentIndex ?? 0) + 1} of {chain.steps.length}:{" "}
                {state.step ? ROLE_LABELS[state.step.role] : ""}
                {detail.stepDepartment ? ` (${detail.stepDepartment})` : ""}
                {state.step?.escalatedAt ? " · escalated" : ""}
              </span>
            ) : null}
            {state.step ? (
              <SlaCountdown
                due={state.step.dueAt.toISOString()}
                startedAt={state.step.startedAt.toISOString()}
              />
            ) : null}
          </p>
          {fromRun ? (
            <p className="mt-1 text-sm text-slate-600" data-testid="from-run">
              Asked for by a run of “{fromRun.workflow}”, which goes on once this is decided
              {fromRun.runId ? (
                <>
                  {" "}
                  (
                  <Link href={`/runs/${fromRun.runId}` as Route} className="underline">
                    see the run
                  </Link>
                  )
                </>
              ) : null}
              .
            </p>
          ) : null}
        </div>
      </header>

      <OutcomeBanner>
        {notice === "not-submitted" && state.status === "DRAFT" ? (
          <Alert tone="warning">
            Saved as a draft, but it could not be submitted yet. Check the fields and submit again.
          </Alert>
        ) : null}

        <LiveRequest requestId={state.id} version={detail.loaded.version} />
        <KeyFacts view={view} now={now} timeZone={user.timeZone} />
        {decideActions.length > 0 ? (
          <Panel title="Your decision">
            {view.onBehalfOf ? (
              <p className="mb-3 text-sm text-slate-700" data-testid="on-behalf-of">
                You decide on behalf of {view.onBehalfOf}, who is away and named you their delegate.
                The audit trail records both of you.
              </p>
            ) : null}
            <DecisionControls
              requestId={state.id}
              version={detail.loaded.version}
              actions={decideActions}
              decide={decideAction}
              actionHash={view.approvedAction?.hash ?? null}
            />
          </Panel>
        ) : null}

        <Lifecycle timeline={detail.timeline} hasAction={view.approvedAction !== null} />

        <RoutingWarnings warnings={detail.routingWarnings} />

        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="space-y-6">
            <Panel title="Details">
              <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
                <dt className="text-slate-500">Requester</dt>
                <dd>
                  {detail.requester.name}
                  {detail.department ? ` · ${detail.department}` : ""}
                </dd>
                {(Object.entries(state.fields) as [FieldName, unknown][]).map(([name, value]) => (
                  <FieldRow key={name} name={name} value={value} fields={state.fields} />
                ))}
                {describeFields(state.fields).length === 0 ? (
                  <>
                    <dt className="text-slate-500">Fields</dt>
                    <dd>—</dd>
                  </>
                ) : null}
                <dt className="text-slate-500">Created</dt>
                <dd>
                  <When at={detail.createdAt} now={now} timeZone={user.timeZone} />
                </dd>
                {detail.submittedAt ? (
                  <>
                    <dt className="text-slate-500">Submitted</dt>
                    <dd>
                      <When at={detail.submittedAt} now={now} timeZone={user.timeZone} />
                    </dd>
                  </>
                ) : null}
              </dl>
              <h3 className="mt-4 text-sm font-medium text-slate-700">In the requester’s words</h3>
              <p className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm">
                {detail.description}
              </p>
            </Panel>

            <Panel title="Attachments">
              <Attachments
                requestId={state.id}
                userId={user.id}
                canAdd={mayComment(view, user.id)}
                files={files.map((file) => ({
                  ...file,
                  when: <When at={file.createdAt} now={now} timeZone={user.timeZone} />,
                }))}
              />
            </Panel>

            <AiSection view={view} />

            {view.isRequester && view.actions.length > 0 ? (
              <Panel title="Your actions">
                <RequesterActions
                  requestId={state.id}
                  version={detail.loaded.version}
                  status={state.status}
                  type={state.type}
                  fields={state.fields}
                  action={state.action}
                  actions={view.actions}
                />
              </Panel>
            ) : null}

            {view.approvedAction ? (
              <Panel title="Action once approved">
                <ApprovedAction action={view.approvedAction} runs={view.actionRuns} />
                <p className="mt-2 text-xs text-slate-500">
                  An approval is bound to this exact action: it runs once, with these details, after
                  the last approval.
                </p>
              </Panel>
            ) : null}
          </div>

          <div className="space-y-6">
            <Panel title="Approval chain">
              {chain.steps.length === 0 ? (
                <p className="text-sm text-slate-600">
                  {chain.problem ?? "No approval step: the workflow decides on its own."}
                </p>
              ) : (
                <ol className="space-y-2" aria-label="Approval steps">
                  {view.progress.map((step, index) => (
                    <li
                      key={step.nodeId}
                      aria-current={step.outcome === "waiting" ? "step" : undefined}
                      data-outcome={step.outcome}
                      className="flex items-start gap-3 rounded-md border border-slate-200 px-3 py-2 text-sm data-[outcome=approved]:text-slate-600 data-[outcome=not_reached]:text-slate-500 data-[outcome=rejected]:border-red-200 data-[outcome=sent_back]:border-amber-300 data-[outcome=waiting]:border-brand-600 data-[outcome=waiting]:bg-brand-50"
                    >
                      <span
                        aria-hidden="true"
                        className="flex size-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-medium"
                      >
                        {STEP_MARK[step.outcome] ?? index + 1}
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="block font-medium text-slate-900">
                          {ROLE_LABELS[step.role]}
                          {step.escalatedTo
                            ? ` → ${ROLE_LABELS[step.escalatedTo]} (escalated)`
                            : ""}
                        </span>
                        <span className="block text-xs" data-testid="step-outcome">
                          {describeStep(step, now, user.timeZone)}
                        </span>
                      </span>
                    </li>
                  ))}
                </ol>
              )}
              {chain.problem && chain.steps.length > 0 ? (
                <p className="mt-2 text-xs text-slate-500">{chain.problem}</p>
              ) : null}
            </Panel>

            <Panel title="Questions and comments">
              <CommentThread
                comments={detail.timeline.flatMap((entry) => {
                  const read = readEventData(entry.action, entry.data);
                  return read.ok && read.event.action === "COMMENTED"
                    ? [
                        {
                          seq: entry.seq,
                          author: actorLabel(entry),
                          when: <When at={entry.createdAt} now={now} timeZone={user.timeZone} />,
                          body: read.event.data.body,
                        },
                      ]
                    : [];
                })}
              />
              {mayComment(view, user.id) ? (
                <div className="mt-4">
                  <CommentForm
                    post={commentAction.bind(null, state.id)}
                    prompt={
                      view.isRequester
                        ? "Add a comment or answer a question"
                        : "Ask the requester a question"
                    }
                  />
                </div>
              ) : null}
            </Panel>

            <Panel title="Timeline">
              {auditCheck ? (
                <AuditCheckPanel check={auditCheck} requestId={state.id} number={detail.number} />
              ) : null}
              <Timeline entries={detail.timeline} timeZone={user.timeZone} />
            </Panel>
          </div>
        </div>
      </OutcomeBanner>
    </article>
  );
}

const STEP_MARK: Partial<Record<StepProgress["outcome"], string>> = {
  approved: "✓",
  rejected: "✕",
  sent_back: "↩",
};

/** "Approved by Manny Manager 2 hours ago", "Waiting now — 1 of 2 approvals", "Not reached". */
function describeStep(step: StepProgress, now: Date, timeZone?: string | null) {
  const when = step.at ? (
    <>
      {" "}
      <When at={step.at} now={now} timeZone={timeZone} />
    </>
  ) : null;
  switch (step.outcome) {
    case "approved":
      return step.by ? (
        <>
          Approved by {step.by}
          {when}
        </>
      ) : (
        "Approved"
      );
    case "rejected":
      return (
        <>
          Rejected by {step.by}
          {when}
        </>
      );
    case "sent_back":
      return (
        <>
          Sent back for changes by {step.by}
          {when}
        </>
      );
    case "waiting":
      return `Waiting now${
        step.approvals && step.approvals.needed > 1
          ? ` — ${step.approvals.count} of ${step.approvals.needed} approvals`
          : ""
      }`;
    case "upcoming":
      return `Next — up to ${formatHours(step.slaHours)} once it starts`;
    case "not_reached":
      return "Not reached";
  }
}

/** 24 → "24 h", 72 → "3 days", 0.5 → "30 min". */
/** What an approver decides on, above the text: the deciding figure, who waits, and by when. */
function KeyFacts({
  view,
  now,
  timeZone,
}: {
  view: RequestView;
  now: Date;
  timeZone?: string | null;
}) {
  const { state } = view.detail.loaded;
  const figure = describeFields(state.fields)[0] ?? null;
  const waiting = view.progress.find((step) => step.outcome === "waiting");
  return (
    <dl
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-3"
      aria-label="Key facts"
    >
      <div>
        <dt className="text-slate-500">{TYPE_LABELS[state.type]}</dt>
        <dd className="text-lg font-semibold text-slate-900" data-testid="key-figure">
          {figure ?? "—"}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Waiting for</dt>
        <dd className="font-medium" data-testid="key-waiting">
          {waiting
            ? `${ROLE_LABELS[waiting.escalatedTo ?? waiting.role]}${
                view.detail.stepDepartment ? ` (${view.detail.stepDepartment})` : ""
              }`
            : state.status === "DRAFT" || state.status === "CHANGES_REQUESTED"
              ? `${view.detail.requester.name} (requester)`
              : `Nobody — ${formatStatus(state.status).toLowerCase()}`}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Due</dt>
        <dd className="font-medium">
          {state.step ? <When at={state.step.dueAt} now={now} timeZone={timeZone} /> : "—"}
        </dd>
      </div>
    </dl>
  );
}

/** A confirmed field; an amount with its currency in one money format (lib/format.ts). */
function FieldRow({ name, value, fields }: { name: FieldName; value: unknown; fields: object }) {
  const currency = (fields as { currency?: unknown }).currency;
  const amount = (fields as { amount?: unknown }).amount;
  if (name === "currency" && typeof amount === "number") return null; // shown with the amount
  return (
    <>
      <dt className="text-slate-500">{FIELD_LABELS[name]}</dt>
      <dd data-testid={`field-${name}`}>
        {name === "amount" && typeof value === "number"
          ? formatMoney(value, typeof currency === "string" ? currency : undefined)
          : String(value)}
      </dd>
    </>
  );
}

function AiSection({ view }: { view: RequestView }) {
  const { enrichment, enrichmentError } = view.detail;
  return (
    <Panel title="AI summary">
      {enrichment ? (
        <div className="space-y-2 text-sm">
          <p data-testid="ai-summary">{enrichment.summary}</p>
          <p className="text-slate-600">
            Suggested type {TYPE_LABELS[enrichment.type]} · confidence{" "}
            {formatPercent(enrichment.confidence)} · {enrichment.provenance.provider} /{" "}
            {enrichment.provenance.model}
          </p>
          {enrichment.warnings.length ? (
            <ul className="list-disc space-y-0.5 pl-5 text-amber-900" aria-label="AI warnings">
              {enrichment.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
          <p className="text-xs text-slate-500">
            The assistant advises only: the workflow routes the request, people decide.
          </p>
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          {enrichmentError
            ? `No AI summary: ${enrichmentError}.`
            : "No AI summary for this request."}
        </p>
      )}
    </Panel>
  );
}
