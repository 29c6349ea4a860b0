import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db, poolOf } from "@/lib/db/client";
import { queueSummary } from "@/lib/db/job-queue";
import { checkHealth } from "@/lib/services/check-health";

export const metadata: Metadata = { title: "System" };

export default async function SystemPage() {
  await requirePermission("system:read");
  const [health, jobs] = await Promise.all([checkHealth(db()), queueSummary(poolOf(db()))]);
  const rows: [string, string][] = [
    ["Status", health.status === "ok" ? "OK" : "Degraded"],
    ["Version", health.version],
    [
      "Database",
      health.database.reachable ? `reachable (${health.database.latencyMs} ms)` : "unreachable",
    ],
    [
      "Migrations",
      health.migrations.applied
        ? `all ${health.migrations.expected} applied (latest ${health.migrations.latest})`
        : `${health.migrations.pending.length} pending: ${health.migrations.pending.join(", ")}`,
    ],
    [
      "Background jobs",
      `${jobs.waiting} waiting, ${jobs.scheduled} scheduled, ${jobs.running} running, ${jobs.retrying} being retried, ${jobs.dead} failed for good`,
    ],
  ];
  return (
    <>
      <PageHeader
        title="System"
        description="The state of this Flowgate instance (also at GET /api/health)."
      />
      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-3 gap-4 px-4 py-3 text-sm">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd className="col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm">
        <Link href="/admin/jobs" className="font-medium text-brand-700 underline">
          Background jobs
        </Link>{" "}
        — what failed, and retrying or abandoning it.
      </p>
    </>
  );
}
