/** The result of checking a request's audit trail, for those who may read it (admins, auditors). */

import type { Route } from "next";
import Link from "next/link";
import { ExactTime } from "@/components/exact-time";
import { eventHref } from "@/lib/audit/links";
import type { AuditCheck } from "@/lib/services/audit-check";

/**
 * The badge, with the way to check again (the page verifies on every view: reloading it is the
 * "verify" action) and to this request's events in the audit explorer.
 */
export function AuditCheckPanel({
  check,
  requestId,
  number,
}: {
  check: AuditCheck;
  requestId: string;
  number: number;
}) {
  const { verdict } = check;
  return (
    <div
      data-testid="audit-check"
      data-ok={verdict.ok ? "true" : "false"}
      className={`mb-3 rounded-md border px-3 py-2 text-sm ${verdict.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"}`}
      role={verdict.ok ? undefined : "alert"}
    >
      {verdict.ok ? (
        <p>
          <span className="font-medium">Audit trail verified:</span> {verdict.events} events, an
          unbroken chain that matches the request
          {check.checkpoint ? (
            <>
              , signed checkpoint at event {check.checkpoint.seq} (
              <ExactTime at={check.checkpoint.at} />)
            </>
          ) : null}
          .
        </p>
      ) : (
        <p>
          <span className="font-medium">Tampering detected at event {verdict.brokenAt.seq}:</span>{" "}
          {verdict.reason}.
        </p>
      )}
      {check.checkpoints === "off" ? (
        <p className="mt-1 text-xs">Signed checkpoints are off on this installation.</p>
      ) : typeof check.checkpoints === "object" ? (
        <p className="mt-1 text-xs font-medium">
          The checkpoint file is damaged ({check.checkpoints.broken}).
        </p>
      ) : null}
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs">
        <span>
          Checked <ExactTime at={check.checkedAt} />
        </span>
        <a
          href={`/requests/${requestId}?verify=${check.checkedAt.getTime()}`}
          className="underline"
        >
          Verify again
        </a>
        {!check.verdict.ok ? (
          <Link
            href={eventHref(`request:${requestId}`, check.verdict.brokenAt.seq)}
            className="underline"
          >
            The broken event
          </Link>
        ) : null}
        <Link href={`/admin/audit?number=FG-${number}` as Route} className="underline">
          Its events in the audit explorer
        </Link>
      </p>
    </div>
  );
}
