/** The latest audit exports: who exported what, when, and each finished one's manifest. */

import type { Route } from "next";
import Link from "next/link";
import { ExactTime } from "@/components/exact-time";
import type { ExportView } from "@/lib/services/export-audit";

const STATUS: Record<string, string> = { RUNNING: "Running", DONE: "Done", ABORTED: "Cut off" };

export function AuditExports({ exports }: { exports: readonly ExportView[] }) {
  if (exports.length === 0) return <p className="text-sm text-slate-600">No export yet.</p>;
  return (
    <ul className="space-y-1 text-sm" aria-label="Exports" data-testid="audit-exports">
      {exports.map((item) => {
        const filters = Object.entries(item.filters)
          .map(([key, value]) => `${key}=${value}`)
          .join(", ");
        return (
          <li key={item.id} data-status={item.status}>
            <ExactTime at={item.startedAt} /> · {item.by} · {item.format.toUpperCase()} ·{" "}
            {filters || "all events"} · {STATUS[item.status] ?? item.status}
            {item.status === "DONE" ? (
              <>
                {" "}
                · {item.eventCount.toLocaleString("en")} events ·{" "}
                <Link
                  href={`/admin/audit/exports/${item.id}/manifest` as Route}
                  prefetch={false}
                  className="underline"
                >
                  manifest
                </Link>{" "}
                <code className="text-xs">sha256 {item.sha256?.slice(0, 16)}…</code>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
