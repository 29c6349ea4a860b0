import { formatStatus } from "@/lib/format";

const TONES: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700 ring-slate-300",
  SUBMITTED: "bg-sky-50 text-sky-800 ring-sky-200",
  IN_REVIEW: "bg-sky-50 text-sky-800 ring-sky-200",
  CHANGES_REQUESTED: "bg-amber-50 text-amber-900 ring-amber-300",
  ESCALATED: "bg-orange-50 text-orange-900 ring-orange-300",
  APPROVED: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  REJECTED: "bg-red-50 text-red-800 ring-red-300",
  CANCELLED: "bg-slate-100 text-slate-600 ring-slate-300",
  // Runs of graph workflows.
  QUEUED: "bg-slate-100 text-slate-700 ring-slate-300",
  RUNNING: "bg-sky-50 text-sky-800 ring-sky-200",
  SUCCEEDED: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  FAILED: "bg-red-50 text-red-800 ring-red-300",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status] ?? TONES.DRAFT}`}
      data-testid="status"
    >
      {formatStatus(status)}
    </span>
  );
}
