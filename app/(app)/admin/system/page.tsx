import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { checkHealth } from "@/lib/services/check-health";

export const metadata: Metadata = { title: "System" };

export default async function SystemPage() {
  await requirePermission("system:read");
  const health = await checkHealth(db());
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
    </>
  );
}
