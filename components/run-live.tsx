"use client";
/**
 * A run as it happens: the graph with the node running now, the state, and the log, kept current
 * by the run's event stream (GET /api/v1/runs/{id}/events, resumed after the last line this page
 * was rendered with; the browser reconnects with Last-Event-ID by itself).
 */
import { useEffect, useMemo, useState } from "react";
import type { ActionResult } from "@/lib/forms/result";
import { layers } from "@/lib/graph/layout";
import type { GraphDefinition } from "@/lib/graph/model";
import { useHydrated } from "./early-input";
import { StatusBadge } from "./status-badge";
import { Alert, buttonClass, Panel } from "./ui";

export interface LiveLine {
  seq: number;
  at: string | Date;
  kind: string;
  nodeId?: string;
  visit?: number;
  data: Record<string, unknown>;
}

export interface RunLiveProps {
  runId: string;
  status: string;
  error: string | null;
  state: Record<string, unknown>;
  log: LiveLine[];
  activeNodes: string[];
  definition: Pick<GraphDefinition, "start" | "nodes" | "edges" | "key">;
  /** Absent when the viewer may not cancel. */
  cancel?: (runId: string) => Promise<ActionResult<undefined>>;
}

const FINISHED = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

export function RunLive(props: RunLiveProps) {
  const [status, setStatus] = useState(props.status);
  const [error, setError] = useState(props.error);
  const [state, setState] = useState(props.state);
  const [log, setLog] = useState(props.log);
  const [active, setActive] = useState(() => new Set(props.activeNodes));
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const hydrated = useHydrated();
  const lastSeq = props.log.at(-1)?.seq ?? 0;

  useEffect(() => {
    if (FINISHED.has(props.status)) return;
    const source = new EventSource(`/api/v1/runs/${props.runId}/events?after=${lastSeq}`);
    source.addEventListener("log", (event) => {
      const line = JSON.parse((event as MessageEvent).data) as LiveLine;
      setLog((current) => (current.some((l) => l.seq === line.seq) ? current : [...current, line]));
      if (line.kind === "node_started" && line.nodeId) {
        const id = line.nodeId;
        setActive((current) => new Set(current).add(id));
      }
      if ((line.kind === "node_finished" || line.kind === "node_failed") && line.nodeId) {
        const id = line.nodeId;
        setActive((current) => {
          const next = new Set(current);
          next.delete(id);
          return next;
        });
      }
      if (line.kind === "state_changed") {
        setState((current) => ({ ...current, ...(line.data.changes as Record<string, unknown>) }));
      }
      if (line.kind === "run_started") setStatus("RUNNING");
      if (line.kind === "run_succeeded") setStatus("SUCCEEDED");
      if (line.kind === "run_failed") {
        setStatus("FAILED");
        setError(String(line.data.error ?? ""));
      }
      if (line.kind === "run_cancelled") setStatus("CANCELLED");
      if (
        line.kind.startsWith("run_") &&
        line.kind !== "run_started" &&
        line.kind !== "run_queued"
      ) {
        setActive(new Set());
      }
    });
    source.addEventListener("end", () => source.close());
    return () => source.close();
  }, [props.runId, props.status, lastSeq]);

  // Approval nodes waiting on a request: its id and FG number, from the log.
  const waitingOn = useMemo(() => {
    const found = new Map<string, { requestId: string; reference: string }>();
    for (const line of log) {
      if (line.kind === "approval_requested" && line.nodeId) {
        found.set(line.nodeId, {
          requestId: String(line.data.requestId),
          reference: String(line.data.reference),
        });
      }
    }
    return found;
  }, [log]);

  const visited = useMemo(() => {
    const counts = new Map<string, number>();
    const failed = new Set<string>();
    for (const line of log) {
      if (line.kind === "node_finished" && line.nodeId)
        counts.set(line.nodeId, (counts.get(line.nodeId) ?? 0) + 1);
      if (line.kind === "node_failed" && line.nodeId) failed.add(line.nodeId);
    }
    return { counts, failed };
  }, [log]);

  async function onCancel() {
    if (!props.cancel) return;
    setCancelling(true);
    const result = await props.cancel(props.runId);
    setCancelling(false);
    if (!result.ok) setCancelError(result.message);
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3" aria-live="polite">
        <span className="text-sm text-slate-600">Status</span>
        <span data-testid="run-status">
          <StatusBadge status={status} />
        </span>
        {props.cancel && !FINISHED.has(status) ? (
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={onCancel}
            disabled={cancelling || !hydrated}
          >
            {cancelling ? "Cancelling…" : "Cancel run"}
          </button>
        ) : null}
      </div>
      {error ? <Alert title="The run failed">{error}</Alert> : null}
      {cancelError ? <Alert title="Not cancelled">{cancelError}</Alert> : null}

      <Panel title="Graph" headingId="graph-heading">
        <ol className="mt-3 space-y-2" aria-label="Nodes, from the start">
          {layers(props.definition).map((layer) => (
            <li key={layer.join(",")} className="flex flex-wrap justify-center gap-2">
              {layer.map((id) => {
                const node = props.definition.nodes.find((n) => n.id === id);
                const running = active.has(id);
                const failed = visited.failed.has(id);
                const count = visited.counts.get(id) ?? 0;
                return (
                  <div
                    key={id}
                    data-testid={`node-${id}`}
                    data-active={running ? "true" : undefined}
                    className={`min-w-32 rounded-md border px-3 py-2 text-center text-xs ${
                      running
                        ? "border-sky-500 bg-sky-50 ring-2 ring-sky-300"
                        : failed
                          ? "border-red-400 bg-red-50"
                          : count > 0
                            ? "border-emerald-300 bg-emerald-50"
                            : "border-slate-200 bg-slate-50"
                    }`}
                  >
                    <span className="block text-sm font-medium">{node?.label ?? id}</span>
                    {node?.kind === "approval" && running && waitingOn.get(id) ? (
                      <a
                        href={`/requests/${waitingOn.get(id)?.requestId}`}
                        className="block underline"
                      >
                        waiting for approval: {waitingOn.get(id)?.reference}
                      </a>
                    ) : null}
                    <span className="text-slate-600">
                      {node?.kind === "tool" ? node.tool : node?.kind}
                      {running
                        ? " · running"
                        : failed
                          ? " · failed"
                          : count > 1
                            ? ` · ${count} times`
                            : count === 1
                              ? " · done"
                              : ""}
                    </span>
                  </div>
                );
              })}
            </li>
          ))}
        </ol>
        <ul className="mt-3 space-y-0.5 text-xs text-slate-600" aria-label="Edges">
          {props.definition.edges.map((edge) => (
            <li key={`${edge.from}-${edge.to}-${edge.when ?? ""}`}>
              {edge.from} → {edge.to}
              {edge.when ? (
                <code className="ml-1 rounded bg-slate-100 px-1">when {edge.when}</code>
              ) : null}
            </li>
          ))}
        </ul>
      </Panel>

      {props.definition.key === "code-review" ? <ReviewResult state={state} /> : null}

      <Panel title="State" headingId="state-heading">
        <dl className="mt-2 space-y-1 text-xs" data-testid="run-state">
          {Object.entries(state).map(([key, value]) => (
            <div key={key} className="grid gap-1 sm:grid-cols-[12rem_1fr]">
              <dt className="font-mono font-medium">{key}</dt>
              <dd className="overflow-x-auto">
                <pre className="whitespace-pre-wrap break-all font-mono">{short(value)}</pre>
              </dd>
            </div>
          ))}
        </dl>
      </Panel>

      <Panel title="Log" headingId="log-heading">
        <div role="log" aria-labelledby="log-heading">
          <ol className="mt-2 space-y-0.5 font-mono text-xs" data-testid="run-log">
            {log.map((line) => (
              <li key={line.seq} data-kind={line.kind}>
                <span className="text-slate-500">
                  {new Date(line.at).toISOString().slice(11, 23)}
                </span>{" "}
                <span className="font-medium">{line.kind}</span>
                {line.nodeId
                  ? ` ${line.nodeId}${line.visit && line.visit > 1 ? `#${line.visit}` : ""}`
                  : ""}
                {describe(line)}
              </li>
            ))}
          </ol>
        </div>
      </Panel>
    </div>
  );
}

function short(value: unknown): string {
  const text = JSON.stringify(value, null, 1) ?? "null";
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function describe(line: LiveLine): string {
  const data = line.data;
  switch (line.kind) {
    case "node_finished":
      return ` · ${data.durationMs ?? 0} ms${Array.isArray(data.wrote) && data.wrote.length ? ` · wrote ${data.wrote.join(", ")}` : ""}`;
    case "node_failed":
    case "run_failed":
      return ` · ${String(data.error ?? "")}`;
    case "node_started":
      return Number(data.attempt) > 1 ? ` · attempt ${data.attempt}` : "";
    case "branch_arrived":
      return ` · ${data.arrived} of ${data.needed}`;
    case "state_changed":
      return ` · ${Object.keys((data.changes as object) ?? {}).join(", ")}`;
    default:
      return "";
  }
}

interface Suggestion {
  issueId: string;
  function: string | null;
  text: string;
}

function ReviewResult({ state }: { state: Record<string, unknown> }) {
  const suggestions = (state.suggestions as Suggestion[] | undefined) ?? [];
  const aiSuggestions =
    (state.ai_suggestions as { function: string | null; text: string }[] | undefined) ?? [];
  const issues =
    (state.issues as
      | { id: string; severity: string; message: string; line: number }[]
      | undefined) ?? [];
  return (
    <Panel title="Review" headingId="review-heading">
      <p className="mt-1 text-sm" data-testid="review-scores">
        Code score {String(state.code_score ?? "—")} · with the suggestions{" "}
        {String(state.quality_score ?? "—")} · threshold {String(state.threshold ?? "—")} ·{" "}
        {issues.length} issues in {String((state.functions as unknown[] | undefined)?.length ?? 0)}{" "}
        functions
      </p>
      {suggestions.length ? (
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm" aria-label="Suggestions">
          {suggestions.map((s) => (
            <li key={s.issueId}>{s.text}</li>
          ))}
        </ol>
      ) : null}
      {aiSuggestions.length ? (
        <>
          <h3 className="mt-3 text-sm font-medium">From the AI model ({String(state.ai_model)})</h3>
          <ul
            className="mt-1 list-disc space-y-1 pl-5 text-sm"
            aria-label="The AI model's suggestions"
          >
            {aiSuggestions.map((s) => (
              <li key={`${s.function}-${s.text}`}>
                {s.function ? <span className="font-mono">{s.function}: </span> : null}
                {s.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {state.ai_note ? (
        <p className="mt-2 text-xs text-slate-600">{String(state.ai_note)}</p>
      ) : null}
    </Panel>
  );
}
