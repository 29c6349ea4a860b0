import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { actorOf } from "@/components/audit-explorer";
import { ExactTime } from "@/components/exact-time";
import { PageHeader } from "@/components/page-header";
import { describeEvent } from "@/lib/audit/describe";
import { eventHref } from "@/lib/audit/links";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { canonicalEvent, hashEvent } from "@/lib/engine/audit-chain";
import { formatStatus, requestLabel } from "@/lib/format";
import { auditEvent } from "@/lib/services/search-audit";

export const metadata: Metadata = { title: "Audit event" };

export default async function AuditEventPage({ searchParams }: PageProps<"/admin/audit/event">) {
  const user = await requirePermission("audit:read");
  const { stream, seq } = await searchParams;
  if (typeof stream !== "string" || typeof seq !== "string" || !/^\d{1,9}$/.test(seq)) notFound();
  const found = await auditEvent(db(), user, stream, Number(seq));
  if (!found) notFound();
  const { event, previousHash, hasNext } = found;
  const chained = {
    stream: event.stream,
    seq: event.seq,
    actorType: event.actorType,
    actorId: event.actorId,
    onBehalfOfId: event.onBehalfOfId,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    data: event.data,
    createdAt: event.createdAt,
    prevHash: event.prevHash,
  };
  const canonical = canonicalEvent(chained);
  const recomputed = hashEvent(chained);
  const hashOk = recomputed === event.hash;
  const linkOk = event.seq === 1 ? event.prevHash === null : event.prevHash === previousHash;
  const { verb, detail, problem } = describeEvent(event.action, event.data);
  const about =
    event.requestId && event.number ? (
      <Link href={`/requests/${event.requestId}`} className="underline">
        {requestLabel(event.number)} {event.title}
      </Link>
    ) : (
      (event.subject ?? event.stream)
    );
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 border-t border-slate-100 py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="break-all">{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeader title={`Event #${event.seq}: ${verb}`} description={`Stream ${event.stream}`} />
      <dl
        className="rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm shadow-sm"
        data-testid="event-detail"
      >
        {row("About", about)}
        {row("Who", actorOf(event))}
        {row("When", <ExactTime at={event.createdAt} />)}
        {row("Action", `${event.action}${detail ? ` — ${detail}` : ""}`)}
        {event.toStatus
          ? row(
              "Status",
              `${formatStatus(event.fromStatus ?? "new")} → ${formatStatus(event.toStatus)}`,
            )
          : null}
        {problem
          ? row("Shape", <span className="text-red-700">Not its action's shape: {problem}</span>)
          : null}
        {row("Hash (stored)", <code data-testid="event-hash">{event.hash}</code>)}
        {row(
          "Hash (recomputed)",
          <span className={hashOk ? "text-emerald-800" : "text-red-700"} data-testid="hash-check">
            <code>{recomputed}</code> —{" "}
            {hashOk ? "matches" : "does not match: the event was changed after it was written"}
          </span>,
        )}
        {row(
          "Previous hash",
          <span className={linkOk ? "text-emerald-800" : "text-red-700"} data-testid="link-check">
            <code>{event.prevHash ?? "none (first event)"}</code> —{" "}
            {linkOk
              ? event.seq === 1
                ? "the chain starts here"
                : "matches the previous event's hash"
              : `does not match the previous event's hash (${previousHash ?? "missing"})`}
          </span>,
        )}
      </dl>
      <h2 className="mt-6 mb-2 text-lg font-semibold">Canonical JSON (what the hash is of)</h2>
      <pre
        className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-xs break-all whitespace-pre-wrap"
        data-testid="canonical-json"
      >
        {canonical}
      </pre>
      <nav aria-label="Neighbouring events" className="mt-4 flex gap-4 text-sm">
        {event.seq > 1 ? (
          <Link href={eventHref(event.stream, event.seq - 1)} className="underline">
            ← Event #{event.seq - 1}
          </Link>
        ) : null}
        {hasNext ? (
          <Link href={eventHref(event.stream, event.seq + 1)} className="underline">
            Event #{event.seq + 1} →
          </Link>
        ) : null}
        {event.number ? (
          <Link href={`/admin/audit?number=FG-${event.number}` as Route} className="underline">
            All events of {requestLabel(event.number)}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
