import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExactTime } from "@/components/exact-time";
import { PageHeader } from "@/components/page-header";
import { RunLive } from "@/components/run-live";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { viewRun } from "@/lib/services/runs/view-run";
import { cancelRunAction } from "../actions";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("run:start");
  const { id } = await params;
  const run = await viewRun(db(), user, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const mayCancel = run.createdBy === user.id || can(user, "run:manage");
  return (
    <>
      <PageHeader
        title={`${run.workflow.name} run`}
        description={
          <>
            Version {run.workflow.version} · started <ExactTime at={run.createdAt} />
            {run.finishedAt ? (
              <>
                {" "}
                · finished <ExactTime at={run.finishedAt} />
              </>
            ) : null}
          </>
        }
      />
      <RunLive
        runId={run.id}
        status={run.status}
        error={run.error}
        state={run.state}
        log={run.log.map((line) => ({ ...line, data: line.data ?? {} }))}
        activeNodes={run.activeNodes}
        definition={run.definition}
        {...(mayCancel ? { cancel: cancelRunAction } : {})}
      />
    </>
  );
}
