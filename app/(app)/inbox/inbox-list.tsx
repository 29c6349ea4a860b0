"use client";
/**
 * The approver inbox: what the user may decide now, soonest due first, one dense line per item
 * (number, title, requester, the deciding figure, SLA, age) and a preview of the selected one
 * (summary, fields, the requester's text, the chain, the decision bar). Type, search, "overdue
 * only" and the selection live in the URL; "Load more" pages through everything, 50 at a time.
 * It refreshes itself (TanStack Query polls /api/inbox, live events nudge it, and it refetches
 * on focus and after each decision), so an item another approver decided disappears.
 *
 * Keyboard: j / k move between rows (the preview follows), a approves the current row, r opens
 * its reject form, x selects it for bulk approval, Enter opens the request's page.
 */
import {
  QueryClient,
  QueryClientProvider,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { ApprovedAction } from "@/components/approved-action";
import { useNow } from "@/components/clock";
import { DecisionControls } from "@/components/decision-controls";
import {
  checkedBeforeHydration,
  typedBeforeHydration,
  useAfterHydration,
  useHydrated,
} from "@/components/early-input";
import { RoutingWarnings } from "@/components/routing-warnings";
import { SlaCountdown } from "@/components/sla-countdown";
import { Alert, buttonClass, inputClass } from "@/components/ui";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { REQUEST_TYPES } from "@/lib/engine/fields";
import { describeFields, formatPercent, formatRelative, requestLabel } from "@/lib/format";
import type { Decided, DecisionKind } from "@/lib/forms/decision";
import { TYPE_LABELS } from "@/lib/forms/request";
import type { ActionResult } from "@/lib/forms/result";
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

/** The inbox's URL state (app/(app)/inbox/page.tsx reads it). */
export interface InboxFilters {
  type: string | null;
  q: string;
  urgent: boolean;
  selected: string | null;
}

export function Inbox(props: {
  initial: InboxResult;
  filters: InboxFilters;
  total: number;
  /** The server's clock for this render (ISO): the first render's "waiting since" uses it. */
  renderedAt: string;
}) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 1_000 } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <InboxList {...props} />
    </QueryClientProvider>
  );
}

function filterParams(filters: InboxFilters): Record<string, string> {
  return {
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.urgent ? { urgent: "1" } : {}),
  };
}

async function fetchInbox(filters: InboxFilters, cursor: string | null): Promise<InboxResult> {
  const params = { ...filterParams(filters), ...(cursor ? { cursor } : {}) };
  const response = await fetch(`/api/inbox?${new URLSearchParams(params)}`, {
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

function InboxList({
  initial,
  filters,
  total,
  renderedAt,
}: {
  initial: InboxResult;
  filters: InboxFilters;
  total: number;
  renderedAt: string;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // Live updates (server-sent events) nudge a refetch the moment a step joins or leaves one of
  // this user's queues; polling stays as the fallback, slower while the stream is up.
  const [live, setLive] = useState(false);
  const now = useNow(new Date(renderedAt));
  const key = ["inbox", filterParams(filters)];
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchInbox(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initial], pageParams: [null] },
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
  const items = query.data.pages.flatMap((page) => page.items);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      items.findIndex((item) => item.id === filters.selected),
    ),
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openWith, setOpenWith] = useState<{
    id: string;
    kind: "reject";
    at: number;
  } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [bulkPending, startBulk] = useTransition();
  const [search, setSearch] = useState(filters.q);
  // The controls answer at once; the URL (and the list) follow.
  const [type, setType] = useState(filters.type ?? "");
  const [urgent, setUrgent] = useState(filters.urgent);
  const rows = useRef<Map<string, HTMLElement>>(new Map());
  const current = items[Math.min(active, items.length - 1)];

  /** Puts the filters (and the selection) in the URL; a new filter starts from the first page. */
  const navigate = useCallback(
    (next: Partial<InboxFilters>) => {
      // From what the controls show now: a filter changed while the last one is still on its way
      // to the URL keeps it (typing a search, then ticking "overdue only" at once).
      const merged = { ...filters, type: type || null, q: search, urgent, ...next };
      const params = new URLSearchParams({
        ...filterParams(merged),
        ...(merged.selected ? { selected: merged.selected } : {}),
      });
      router.replace(`/inbox${params.size ? `?${params}` : ""}` as Route, { scroll: false });
    },
    [filters, type, search, urgent, router],
  );

  // Selecting and paging need the scripts; until they run, those controls are disabled.
  const hydrated = useHydrated();
  // Filters set before the page's scripts ran are taken up at once, in one navigation.
  const typeField = useRef<HTMLSelectElement>(null);
  const searchField = useRef<HTMLInputElement>(null);
  const urgentField = useRef<HTMLInputElement>(null);
  useAfterHydration(() => {
    const early = {
      type: typedBeforeHydration(typeField.current),
      q: typedBeforeHydration(searchField.current),
      urgent: checkedBeforeHydration(urgentField.current),
    };
    if (early.type === null && early.q === null && early.urgent === null) return;
    if (early.type !== null) setType(early.type);
    if (early.q !== null) setSearch(early.q);
    if (early.urgent !== null) setUrgent(early.urgent);
    navigate({
      type: (early.type ?? type) || null,
      q: early.q ?? search,
      urgent: early.urgent ?? urgent,
      selected: null,
    });
  });

  // A new filter starts at its first row.
  const filterKey = JSON.stringify(filterParams(filters));
  const [shownFor, setShownFor] = useState(filterKey);
  if (shownFor !== filterKey) {
    setShownFor(filterKey);
    setActive(0);
  }

  // Search as the person pauses typing.
  useEffect(() => {
    if (search.trim() === filters.q.trim()) return;
    const timer = setTimeout(() => navigate({ q: search, selected: null }), 300);
    return () => clearTimeout(timer);
  }, [search, filters.q, navigate]);

  // The selection follows the current row into the URL (a link to this inbox view shows it).
  useEffect(() => {
    if (!current || current.id === filters.selected) return;
    const params = new URLSearchParams({ ...filterParams(filters), selected: current.id });
    window.history.replaceState(window.history.state, "", `/inbox?${params}`);
  }, [current, filters]);

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

  const report = useCallback(
    (item: InboxEntry, kind: DecisionKind, result: ActionResult<Decided>) => {
      setNotice(
        result.ok
          ? {
              tone: "success",
              text: `${requestLabel(item.number)} ${DONE[kind]}${
                result.data.waitingFor
                  ? ` — now with ${result.data.waitingFor}`
                  : result.data.status === "APPROVED"
                    ? " — fully approved"
                    : ""
              }.`,
            }
          : {
              tone: result.current ? "warning" : "error",
              text: `${requestLabel(item.number)}: ${result.message}`,
            },
      );
      void refresh();
    },
    [refresh],
  );

  const approveNow = useCallback(
    async (item: InboxEntry) => {
      const result = await decideAction(item.id, {
        decision: "approve",
        version: item.version,
        ...(item.approvedAction ? { actionHash: item.approvedAction.hash } : {}),
      });
      report(item, "approve", result);
    },
    [report],
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
      if (items.length === 0) return;
      const index = Math.min(active, items.length - 1);
      const item = items[index];
      if (!item) return;
      const move = (to: number) => {
        const next = Math.max(0, Math.min(items.length - 1, to));
        setActive(next);
        const row = rows.current.get(items[next]?.id ?? "");
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

  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  const filtered = filters.type !== null || filters.q.trim() !== "" || filters.urgent;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="inbox-type" className="block text-xs font-medium text-slate-600">
            Type
          </label>
          <select
            id="inbox-type"
            ref={typeField}
            value={type}
            onChange={(event) => {
              setType(event.target.value);
              navigate({ type: event.target.value || null, selected: null });
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
            ref={searchField}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Title or FG-number"
            className={inputClass}
          />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input
            ref={urgentField}
            type="checkbox"
            checked={urgent}
            onChange={(event) => {
              setUrgent(event.target.checked);
              navigate({ urgent: event.target.checked, selected: null });
            }}
            className="size-4"
          />
          Overdue or escalated only
        </label>
        <div className="ml-auto flex items-center gap-3">
          <span className="text-xs text-slate-500" aria-live="polite" data-testid="inbox-count">
            {query.isFetching && !query.isFetchingNextPage
              ? "Refreshing…"
              : filtered
                ? `${items.length}${query.hasNextPage ? "+" : ""} shown of ${total} waiting`
                : `${total} waiting`}
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

      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium">
            {filtered ? "Nothing matches the filter." : "Nothing is waiting for your decision."}
          </p>
        </div>
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="space-y-2">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={allSelected}
                disabled={!hydrated}
                onChange={() =>
                  setSelected(allSelected ? new Set() : new Set(items.map((item) => item.id)))
                }
                className="size-4"
              />
              Select all shown
            </label>
            <ul
              className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm"
              aria-label="Waiting for your decision"
            >
              {items.map((item, index) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard selects with j / k and focus (onFocus); a click is the mouse's way
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
                  onClick={(event) => {
                    if (!(event.target as HTMLElement).closest("a, button, input, textarea"))
                      setActive(index);
                  }}
                  className="px-3 py-2 outline-none aria-[current=true]:bg-brand-50 aria-[current=true]:ring-1 aria-[current=true]:ring-brand-600 aria-[current=true]:ring-inset"
                >
                  <div className="flex items-center gap-3">
                    <input
                      type="checkbox"
                      checked={selected.has(item.id)}
                      disabled={!hydrated}
                      onChange={() => toggle(item.id)}
                      aria-label={`Select ${requestLabel(item.number)} ${item.title}`}
                      className="size-4 shrink-0"
                    />
                    <div className="min-w-0 flex-1">
                      <p className="flex items-baseline gap-2">
                        <Link
                          href={`/requests/${item.id}` as Route}
                          className="min-w-0 truncate font-medium text-slate-900 hover:underline"
                        >
                          <span className="font-mono text-xs text-slate-600">
                            {requestLabel(item.number)}
                          </span>{" "}
                          {item.title}
                        </Link>
                        <span
                          className="ml-auto shrink-0 font-semibold text-slate-900"
                          data-testid="deciding-figure"
                        >
                          {describeFields(item.fields)[0] ?? ""}
                        </span>
                      </p>
                      <div className="flex flex-wrap items-center gap-x-2 text-xs text-slate-600">
                        <span>{item.requesterName}</span>
                        <span aria-hidden="true">·</span>
                        <span>{ROLE_LABELS[item.stepRole as Role] ?? item.stepRole}</span>
                        {item.escalated ? <span>· escalated</span> : null}
                        {item.onBehalfOf ? (
                          <span className="font-medium text-amber-800" data-testid="on-behalf-of">
                            · For {item.onBehalfOf}, who is away
                          </span>
                        ) : null}
                        <SlaCountdown due={item.stepDueAt} startedAt={item.stepStartedAt} />
                        {item.stepStartedAt ? (
                          <span title="Waiting since">
                            {formatRelative(item.stepStartedAt, now)}
                          </span>
                        ) : null}
                        <div className="ml-auto">
                          <DecisionControls
                            key={`${item.id}-${item.version}`}
                            requestId={item.id}
                            version={item.version}
                            actions={item.actions}
                            decide={decideAction}
                            actionHash={item.approvedAction?.hash ?? null}
                            compact
                            menu
                            subject={requestLabel(item.number)}
                            openWith={openWith?.id === item.id ? openWith : null}
                            onDecided={(kind, result) => report(item, kind, result)}
                          />
                        </div>
                      </div>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
            {query.hasNextPage ? (
              <button
                type="button"
                className={buttonClass.secondary}
                disabled={query.isFetchingNextPage || !hydrated}
                onClick={() => void query.fetchNextPage()}
              >
                {query.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            ) : null}
          </div>
          {current ? (
            <Preview item={current} onDecided={(kind, result) => report(current, kind, result)} />
          ) : null}
        </div>
      )}
    </div>
  );
}

/** The selected item: what an approver reads before deciding, with the whole decision bar. */
function Preview({
  item,
  onDecided,
}: {
  item: InboxEntry;
  onDecided: (kind: DecisionKind, result: ActionResult<Decided>) => void;
}) {
  // The requester's text and the chain come from the request itself (the API, same origin).
  const detail = useQuery({
    queryKey: ["request", item.id, item.version],
    queryFn: async () => {
      const response = await fetch(`/api/v1/requests/${item.id}`, {
        headers: { accept: "application/json" },
      });
      if (!response.ok) throw new Error(`The request could not be loaded (${response.status}).`);
      return (await response.json()) as {
        description: string;
        chain: { steps: { label: string; role: Role; state: string }[] };
      };
    },
    staleTime: 30_000,
  });
  return (
    <aside
      aria-label="Preview"
      data-testid="inbox-preview"
      className="h-fit space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm lg:sticky lg:top-4"
    >
      <h2 className="text-base font-semibold">
        <span className="font-mono text-xs text-slate-600">{requestLabel(item.number)}</span>{" "}
        {item.title}
      </h2>
      <p className="text-slate-600">
        {TYPE_LABELS[item.type as keyof typeof TYPE_LABELS] ?? item.type} · {item.requesterName}
        {item.departmentName ? ` (${item.departmentName})` : ""}
      </p>
      {describeFields(item.fields).length ? (
        <p className="text-lg font-semibold">{describeFields(item.fields).join(" · ")}</p>
      ) : null}
      {item.summary ? (
        <p>
          <span className="text-slate-500">AI summary: </span>
          {item.summary}
          {item.confidence !== null ? (
            <span className="text-slate-500"> (confidence {formatPercent(item.confidence)})</span>
          ) : null}
        </p>
      ) : null}
      {item.routingWarnings.length ? <RoutingWarnings warnings={item.routingWarnings} /> : null}
      {item.approvedAction ? <ApprovedAction action={item.approvedAction} compact /> : null}
      {item.warnings.length ? (
        <ul className="list-disc pl-5 text-amber-900">
          {item.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      {detail.data ? (
        <>
          <p className="whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3">
            {detail.data.description}
          </p>
          <ol className="flex flex-wrap gap-1 text-xs" aria-label="Approval chain">
            {detail.data.chain.steps.map((step) => (
              <li
                key={step.label}
                data-state={step.state}
                className="rounded border border-slate-200 px-2 py-0.5 data-[state=current]:border-brand-600 data-[state=current]:bg-brand-50 data-[state=done]:text-slate-500"
              >
                {step.state === "done" ? "✓ " : ""}
                {ROLE_LABELS[step.role] ?? step.role}
              </li>
            ))}
          </ol>
        </>
      ) : detail.isError ? (
        <p className="text-slate-600">{detail.error.message}</p>
      ) : (
        <p className="text-slate-500">Loading the text…</p>
      )}
      <div className="border-t border-slate-100 pt-3">
        <DecisionControls
          key={`preview-${item.id}-${item.version}`}
          requestId={item.id}
          version={item.version}
          actions={item.actions}
          decide={decideAction}
          actionHash={item.approvedAction?.hash ?? null}
          subject={`${requestLabel(item.number)} (preview)`}
          onDecided={onDecided}
        />
      </div>
      <Link
        href={`/requests/${item.id}` as Route}
        className="inline-block font-medium text-brand-700 underline"
      >
        Open the request →
      </Link>
    </aside>
  );
}
