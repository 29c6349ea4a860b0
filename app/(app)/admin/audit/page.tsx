import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { VerificationRuns } from "@/components/verification-runs";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { recentVerifications } from "@/lib/services/verify-all";
import { startVerificationAction } from "./actions";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  await requirePermission("audit:read");
  const runs = await recentVerifications(db());
  return (
    <>
      <PageHeader
        title="Audit"
        description="Whether the audit trail is intact: every chain verified on demand and each night."
      />
      <VerificationRuns runs={runs} start={startVerificationAction} />
    </>
  );
}
