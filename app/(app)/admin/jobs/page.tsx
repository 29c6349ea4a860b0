import type { Metadata } from "next";
import Link from "next/link";
import { ExactTime } from "@/components/exact-time";
import { JobControls } from "@/components/job-controls";
import { PageHeader } from "@/components/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db, poolOf } from "@/lib/db/client";
import { failedJobs, queueSummary } from "@/lib/db/job-queue";
import { jobDefinition } from "@/lib/jobs/catalog";
import { manageJobAction } from "./actions";

export const metadata: Metadata = { title: "Jobs" };

const COUNTS = [
  ["waiting", "Waiting"],
  ["scheduled", "Scheduled"],
  ["running", "Running"],
  ["retrying", "Being retried"],
  ["dead", "Failed for good"],
] as const;

export default async function JobsPage() {
  const user = await requirePermission("system:read");
  const pool = poolOf(db());
  const [summary, failed] = await Promise.all([queueSummary(pool), failedJobs(pool)]);
  const manage = can(user, "jobs:manage");
  return (
    <>
      <PageHeader
        title="Jobs"
        description="What Flowgate does on its own: mail, reminders, the SLA sweep. Failed jobs are retried with growing pauses; those that failed on every attempt wait here for you."
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Job queue">
        {COUNTS.map(([key, label]) => (
          <div
            key={key}
            className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm"
            data-testid={`jobs-${key}`}
          >
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold">{summary[key]}</dd>
          </div>
        ))}
      </dl>
      {failed.length === 0 ? (
        <p className="text-sm text-slate-600">No job has failed.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Jobs that failed</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Job
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Attempts
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Last error
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {failed.map((job) => {
                const dead = job.attempts >= job.maxAttempts;
                const requestId =
                  typeof job.payload.requestId === "string" ? job.payload.requestId : null;
                return (
                  <tr
                    key={job.id}
                    className="border-t border-slate-100 align-top"
                    data-testid="failed-job"
                  >
                    <td className="px-4 py-2">
                      <span className="font-medium">
                        {jobDefinition(job.task)?.title ?? job.task}
                      </span>
                      <span className="block text-xs text-slate-500">
                        {job.task} · #{job.id}
                        {requestId ? (
                          <>
                            {" · "}
                            <Link href={`/requests/${requestId}`} className="underline">
                              the request
                            </Link>
                          </>
                        ) : null}
                      </span>
                    </td>
                    <td className="px-4 py-2">
                      {job.attempts} of {job.maxAttempts}
                      <span className="block text-xs text-slate-500">
                        {dead ? (
                          "failed for good"
                        ) : (
                          <>
                            next try <ExactTime at={job.runAt} />
                          </>
                        )}
                      </span>
                    </td>
                    <td className="max-w-md px-4 py-2 break-words text-slate-700">
                      {job.lastError?.slice(0, 300)}
                    </td>
                    <td className="px-4 py-2">
                      {dead && manage ? (
                        <JobControls jobId={job.id} action={manageJobAction} />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
