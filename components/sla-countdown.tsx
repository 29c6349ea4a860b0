"use client";
import { formatCountdown, formatExact, slaLevel } from "@/lib/format";
import { useNow } from "./clock";
import { useTimeZone } from "./exact-time";

const TONE = {
  ok: "text-slate-700",
  soon: "bg-amber-100 text-amber-900",
  late: "bg-red-100 text-red-800",
} as const;

/** "due in 3 h 20 min", amber when under a quarter of the step's time is left, red when overdue. */
export function SlaCountdown({ due, startedAt }: { due: string; startedAt: string | null }) {
  const zone = useTimeZone();
  const now = useNow(null);
  const dueAt = new Date(due);
  // Server render: no clock of the viewer yet.
  if (!now) return <span>{formatExact(dueAt, zone)}</span>;
  const level = slaLevel(startedAt ? new Date(startedAt) : null, dueAt, now);
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${TONE[level]}`}
      data-sla={level}
      title={formatExact(dueAt, zone)}
    >
      {formatCountdown(dueAt, now)}
    </span>
  );
}
