"use client";
/**
 * The approver inbox: what the user may decide now, soonest due first. It refreshes itself
 * (TanStack Query polls /api/inbox, and refetches on focus and after each decision), so an item
 * another approver decided disappears without a reload.
 *
 * Keyboard: j / k move between rows, a approves the current row, r opens its reject form,
 * x selects it for bulk approval, Enter opens the request.
 */
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { ApprovedAction } from "@/components/approved-action";
import { DecisionControls } from "@/components/decision-controls";
import { RoutingWarnings } from "@/components/routing-warnings";
import { SlaCountdown } from "@/components/sla-countdown";
import { Alert, buttonClass, inputClass } from "@/components/ui";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { REQUEST_TYPES } from "@/lib/engine/fields";
import { describeFields, formatPercent, requestLabel } from "@/lib/format";
import type { DecisionKind } from "@/lib/forms/decision";
import { TYPE_LABELS } from "@/lib/forms/request";
import type { InboxEntry, InboxResult } from "@/lib/services/inbox";
import { bulkApproveAction, decideAction } from "../requests/actions";

export const REFRESH_MS = 5_000;
/** Polling while live updates arrive: a safety net only. */
const LIVE_REFRESH_MS = 60_000;

const DONE: Record<DecisionKind, string> = {
  approve: "approved",
  reject: "rejected",
  request_changes: "sent back for changes",
  escalate: "escalated",
};

export function Inbox(props: { initial: InboxResult; type: string | null }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 1_000 } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <InboxList {...props} />
    </QueryClientProvider>
  );
}

async function fetchInbox(type: string | null): Promise<InboxResult> {
  const response = await fetch(`/api/inbox?${new URLSearchParams(type ? { type } : {})}`, {
    headers: { accept: "application/json" },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(problem?.detail ?? `The inbox could not be loaded (HTTP ${response.status}).`);
  }
  return response.json();
}

interface Notice {
  tone: "success" | "error" | "warning";
  text: string;
  lines?: string[];
}

function InboxList({ initial, type }: { initial: InboxResult; type: string | null }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // Live updates (server-sent events) nudge a refetch the moment a step joins or leaves one of
  // this user's queues; polling stays as the fallback, slower while the stream is up.
  const [live, setLive] = useState(false);
  const query = useQuery({
    queryKey: ["inbox", type],
    queryFn: () => fetchInbox(type),
    initialData: initial,
    refetchInterval: live ? LIVE_REFRESH_MS : REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/live?scope=inbox");
    const nudge = () => void queryClient.invalidateQueries({ queryKey: ["inbox"] });
    source.addEventListener("ready", () => setLive(true));
    source.addEventListener("inbox", nudge);
    source.addEventListener("resync", nudge);
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [queryClient]);
  const items = query.data.items;
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openWith, setOpenWith] = useState<{
    id: string;
    kind: "reject";
    at: number;
  } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [bulkPending, startBulk] = useTransition();
  const [search, setSearch] = useState("");
  const [urgentOnly, setUrgentOnly] = useState(false);
  const rows = useRef<Map<string, HTMLElement>>(new Map());

  const needle = search.trim().toLowerCase();
  const visible = items.filter(
    (item) =>
      (!needle ||
        `${requestLabel(item.number)} ${item.title} ${item.requesterName}`
          .toLowerCase()
          .includes(needle)) &&
      (!urgentOnly || item.escalated || new Date(item.stepDueAt).getTime() <= Date.now()),
  );
  const current = visible[Math.min(active, visible.length - 1)];

  // Selections of items that left the inbox (decided elsewhere) are dropped.
  useEffect(() => {
    setSelected((sel) => {
      const ids = new Set(items.map((i) => i.id));
      const next = new Set([...sel].filter((id) => ids.has(id)));
      return next.size === sel.size ? sel : next;
    });
  }, [items]);

  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: ["inbox"] }),
    [queryClient],
  );

  const approveNow = useCallback(
    async (item: InboxEntry) => {
      const result = await decideAction(item.id, {
        decision: "approve",
        version: item.version,
        ...(item.approvedAction ? { actionHash: item.approvedAction.hash } : {}),
      });
      setNotice(
        result.ok
          ? { tone: "success", text: `${requestLabel(item.number)} approved.` }
          : {
              tone: result.current ? "warning" : "error",
              text: `${requestLabel(item.number)}: ${result.message}`,
            },
      );
      await refresh();
    },
    [refresh],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        target?.closest("input, textarea, select, [contenteditable=true]")
      ) {
        return;
      }
      if (visible.length === 0) return;
      const index = Math.min(active, visible.length - 1);
      const item = visible[index];
      if (!item) return;
      const move = (to: number) => {
        const next = Math.max(0, Math.min(visible.length - 1, to));
        setActive(next);
        const row = rows.current.get(visible[next]?.id ?? "");
        row?.focus();
        row?.scrollIntoView({ block: "nearest" });
      };
      switch (event.key) {
        case "j":
          event.preventDefault();
          move(index + 1);
          break;
        case "k":
          event.preventDefault();
          move(index - 1);
          break;
        case "a":
          event.preventDefault();
          void approveNow(item);
          break;
        case "r":
          event.preventDefault();
          setOpenWith({ id: item.id, kind: "reject", at: Date.now() });
          break;
        case "x":
          event.preventDefault();
          toggle(item.id);
          break;
        case "Enter":
          if (target?.closest("button, a")) return;
          event.preventDefault();
          router.push(`/requests/${item.id}` as Route);
          break;
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  function toggle(id: string) {
    setSelected((sel) => {
      const next = new Set(sel);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function bulkApprove() {
    const chosen = items.filter((item) => selected.has(item.id));
    startBulk(async () => {
      const result = await bulkApproveAction(
        chosen.map((item) => ({
          id: item.id,
          version: item.version,
          ...(item.approvedAction ? { actionHash: item.approvedAction.hash } : {}),
        })),
      );
      if (!result.ok) {
        setNotice({ tone: "error", text: result.message });
        return;
      }
      const label = (id: string) => {
        const item = chosen.find((c) => c.id === id);
        return item ? requestLabel(item.number) : id;
      };
      const done = result.data.filter((r) => r.ok).length;
      setNotice({
        tone: done === result.data.length ? "success" : "warning",
        text: `Approved ${done} of ${result.data.length}.`,
        lines: result.data.map((r) =>
          r.ok ? `${label(r.id)}: approved` : `${label(r.id)}: not approved — ${r.message}`,
        ),
      });
      setSelected(new Set());
      await refresh();
    });
  }

  const allSelected = visible.length > 0 && visible.every((item) => selected.has(item.id));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="inbox-type" className="block text-xs font-medium text-slate-600">
            Type
          </label>
          <select
            id="inbox-type"
            value={type ?? ""}
            onChange={(event) => {
              const value = event.target.value;
              router.replace((value ? `/inbox?type=${value}` : "/inbox") as Route);
            }}
            className={inputClass}
          >
            <option value="">All types</option>
            {REQUEST_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-48 flex-1 sm:max-w-xs">
          <label htmlFor="inbox-search" className="block text-xs font-medium text-slate-600">
            Filter
          </label>
          <input
            id="inbox-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Title, requester or FG-number"
            className={inputClass}
          />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input
            type="checkbox"
            checked={urgentOnly}
            onChange={(event) => setUrgentOnly(event.target.checked)}
            className="size-4"
          />
          Overdue or escalated only
        </label>
        <div className="ml-auto flex items-center gap-3">
          <span className="text-xs text-slate-500" aria-live="polite">
            {query.isFetching ? "Refreshing…" : `${items.length} waiting`}
          </span>
          <button
            type="button"
            className={buttonClass.approve}
            disabled={selected.size === 0 || bulkPending}
            onClick={bulkApprove}
          >
            {bulkPending ? "Approving…" : `Approve selected (${selected.size})`}
          </button>
        </div>
      </div>
      <p className="text-xs text-slate-500">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> approve · <kbd>r</kbd> reject ·{" "}
        <kbd>x</kbd> select · <kbd>Enter</kbd> open
      </p>

      <div aria-live="polite" data-testid="inbox-notice">
        {notice ? (
          <Alert tone={notice.tone} title={notice.text}>
            {notice.lines ? (
              <ul className="list-disc pl-5">
                {notice.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {query.isError ? <Alert>{query.error.message}</Alert> : null}

      {visible.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium">
            {items.length === 0
              ? "Nothing is waiting for your decision."
              : "Nothing matches the filter."}
          </p>
        </div>
      ) : (
        <>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={() =>
                setSelected(allSelected ? new Set() : new Set(visible.map((item) => item.id)))
              }
              className="size-4"
            />
            Select all shown
          </label>
          <ul className="space-y-3" aria-label="Waiting for your decision">
            {visible.map((item, index) => (
              <li
                key={item.id}
                ref={(element) => {
                  if (element) rows.current.set(item.id, element);
                  else rows.current.delete(item.id);
                }}
                tabIndex={-1}
                aria-current={item.id === current?.id ? "true" : undefined}
                data-testid="inbox-item"
                data-request={requestLabel(item.number)}
                onFocus={() => setActive(index)}
                className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm outline-none aria-[current=true]:border-brand-600 aria-[current=true]:ring-1 aria-[current=true]:ring-brand-600"
              >
                <div className="flex flex-wrap items-start gap-3">
                  <input
                    type="checkbox"
                    checked={selected.has(item.id)}
                    onChange={() => toggle(item.id)}
                    aria-label={`Select ${requestLabel(item.number)} ${item.title}`}
                    className="mt-1 size-4"
                  />
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-baseline gap-x-2">
                      <Link
                        href={`/requests/${item.id}` as Route}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        <span className="font-mono text-xs text-slate-500">
                          {requestLabel(item.number)}
                        </span>{" "}
                        {item.title}
                      </Link>
                      <SlaCountdown due={item.stepDueAt} startedAt={item.stepStartedAt} />
                    </p>
                    <p className="mt-0.5 text-sm text-slate-600">
                      {TYPE_LABELS[item.type as keyof typeof TYPE_LABELS] ?? item.type} ·{" "}
                      {item.requesterName}
                      {item.departmentName ? ` (${item.departmentName})` : ""} ·{" "}
                      {ROLE_LABELS[item.stepRole as Role] ?? item.stepRole} step
                      {item.escalated ? " · escalated" : ""}
                      {describeFields(item.fields).map((part) => ` · ${part}`)}
                    </p>
                    {item.onBehalfOf ? (
                      <p
                        className="mt-0.5 text-sm font-medium text-amber-800"
                        data-testid="on-behalf-of"
                      >
                        For {item.onBehalfOf}, who is away (you are their delegate)
                      </p>
                    ) : null}
                    {item.summary ? (
                      <p className="mt-1 text-sm">
                        <span className="text-slate-500">AI summary: </span>
                        {item.summary}
                        {item.confidence !== null ? (
                          <span className="text-slate-500">
                            {" "}
                            (confidence {formatPercent(item.confidence)})
                          </span>
                        ) : null}
                      </p>
                    ) : null}
                    {item.routingWarnings.length ? (
                      <div className="mt-2">
                        <RoutingWarnings warnings={item.routingWarnings} />
                      </div>
                    ) : null}
                    {item.approvedAction ? (
                      <div className="mt-2">
                        <ApprovedAction action={item.approvedAction} compact />
                      </div>
                    ) : null}
                    {item.warnings.length ? (
                      <ul className="mt-1 list-disc pl-5 text-sm text-amber-900">
                        {item.warnings.map((warning) => (
                          <li key={warning}>{warning}</li>
                        ))}
                      </ul>
                    ) : null}
                    <div className="mt-3">
                      <DecisionControls
                        key={`${item.id}-${item.version}`}
                        requestId={item.id}
                        version={item.version}
                        actions={item.actions}
                        decide={decideAction}
                        actionHash={item.approvedAction?.hash ?? null}
                        compact
                        subject={requestLabel(item.number)}
                        openWith={openWith?.id === item.id ? openWith : null}
                        onDecided={(kind, result) => {
                          setNotice(
                            result.ok
                              ? {
                                  tone: "success",
                                  text: `${requestLabel(item.number)} ${DONE[kind]}.`,
                                }
                              : {
                                  tone: result.current ? "warning" : "error",
                                  text: `${requestLabel(item.number)}: ${result.message}`,
                                },
                          );
                          void refresh();
                        }}
                      />
                    </div>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
