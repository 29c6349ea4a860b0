import type { Metadata, Route } from "next";
import Link from "next/link";
import { ExactTime } from "@/components/exact-time";
import { EmptyState, PageHeader } from "@/components/page-header";
import { StartRunForm } from "@/components/start-run-form";
import { StatusBadge } from "@/components/status-badge";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db, poolOf } from "@/lib/db/client";
import { latestGraphWorkflows } from "@/lib/db/runs";
import { listRunsFor } from "@/lib/services/runs/view-run";
import { startRunAction } from "./actions";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("run:start");
  const all = (await searchParams).scope === "all" && can(user, "run:read-any");
  const [workflows, runs] = await Promise.all([
    latestGraphWorkflows(poolOf(db())),
    listRunsFor(db(), user, { all, limit: 50 }),
  ]);
  return (
    <>
      <PageHeader
        title="Runs"
        description="Graph workflows that compute: tools on a shared state, loops and parallel branches, run in the background with a live log."
      />
      <div className="space-y-6">
        <StartRunForm
          workflows={workflows.map((w) => ({ key: w.key, name: w.name, version: w.version }))}
          action={startRunAction}
        />
        <section aria-labelledby="runs-heading">
          <div className="mb-2 flex items-baseline justify-between gap-3">
            <h2 id="runs-heading" className="font-medium">
              {all ? "Every run" : "Your runs"}
            </h2>
            {can(user, "run:read-any") ? (
              <Link
                href={(all ? "/runs" : "/runs?scope=all") as Route}
                className="text-sm underline"
              >
                {all ? "Only yours" : "Show every run"}
              </Link>
            ) : null}
          </div>
          {runs.items.length === 0 ? (
            <EmptyState title="No runs yet">Start one above.</EmptyState>
          ) : (
            <ul
              className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm"
              aria-label="Runs"
            >
              {runs.items.map((run) => (
                <li
                  key={run.id}
                  className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm"
                  data-testid="run-row"
                >
                  <Link href={`/runs/${run.id}` as Route} className="font-medium underline">
                    {run.workflow.name}
                  </Link>
                  <StatusBadge status={run.status} />
                  <span className="text-slate-600">
                    v{run.workflow.version} · started <ExactTime at={run.createdAt} />
                  </span>
                  {run.error ? <span className="text-red-700">{run.error}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
