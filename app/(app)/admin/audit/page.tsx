import type { Metadata, Route } from "next";
import Link from "next/link";
import { AuditEventsTable, AuditFiltersForm } from "@/components/audit-explorer";
import { AuditExports } from "@/components/audit-exports";
import { PageHeader } from "@/components/page-header";
import { VerificationRuns } from "@/components/verification-runs";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { auditQueryValues, encodeCursor } from "@/lib/forms/audit-filters";
import { recentExports } from "@/lib/services/export-audit";
import { searchAudit } from "@/lib/services/search-audit";
import { recentVerifications } from "@/lib/services/verify-all";
import { startVerificationAction } from "./actions";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const user = await requirePermission("audit:read");
  const values = auditQueryValues(await searchParams);
  const [runs, exports, departments, result] = await Promise.all([
    recentVerifications(db()),
    recentExports(db()),
    db().department.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    searchAudit(db(), user, values),
  ]);
  const { after: _after, ...filters } = values;
  const link = (path: string, extra: Record<string, string> = {}) =>
    `${path}?${new URLSearchParams({ ...filters, ...extra } as Record<string, string>)}`;
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every event of every request and account, searchable, verifiable and exportable."
      />
      <section aria-labelledby="verify-heading" className="mb-8">
        <h2 id="verify-heading" className="mb-2 text-lg font-semibold">
          Chain verification
        </h2>
        <VerificationRuns runs={runs} start={startVerificationAction} />
      </section>
      <section aria-labelledby="events-heading" className="space-y-4">
        <h2 id="events-heading" className="text-lg font-semibold">
          Events
        </h2>
        <AuditFiltersForm
          values={values}
          issues={result.ok ? [] : result.issues}
          departments={departments}
          exportHref={(format) => (result.ok ? link("/admin/audit/export", { format }) : null)}
        />
        {result.ok ? (
          <>
            <AuditEventsTable events={result.events} />
            <nav aria-label="Pages" className="flex gap-3">
              {values.after ? (
                <Link href={link("/admin/audit") as Route} className="underline">
                  ← Newest
                </Link>
              ) : null}
              {result.next ? (
                <Link
                  href={link("/admin/audit", { after: encodeCursor(result.next) }) as Route}
                  className="underline"
                >
                  Older events →
                </Link>
              ) : null}
            </nav>
          </>
        ) : null}
      </section>
      <section aria-labelledby="exports-heading" className="mt-8 space-y-2">
        <h2 id="exports-heading" className="text-lg font-semibold">
          Exports
        </h2>
        <p className="text-sm text-slate-600">
          Check an export offline with its manifest:{" "}
          <code>npm run audit:verify -- flowgate-audit-….csv</code> (the manifest beside it).
        </p>
        <AuditExports exports={exports} />
      </section>
    </>
  );
}
