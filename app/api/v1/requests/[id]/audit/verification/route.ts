/** GET /api/v1/requests/{id}/audit/verification: the trail verified now. */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { verifyRequestTrailFor } from "@/lib/services/request-audit-trail";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.verifyAuditTrail, async ({ db, principal, params, now }) => {
  const verdict = await verifyRequestTrailFor(db, principal.user, params.id);
  return {
    body: verdict.ok
      ? {
          ok: true,
          events: verdict.events,
          head: verdict.head,
          brokenAt: null,
          reason: null,
          checkedAt: now.toISOString(),
        }
      : {
          ok: false,
          events: verdict.events,
          head: null,
          brokenAt: verdict.brokenAt,
          reason: verdict.reason,
          checkedAt: now.toISOString(),
        },
  };
});
