/** GET /api/v1/requests/{id}/audit: the request's hash-chained events, oldest first. */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { auditEvent } from "@/lib/api/v1/present";
import { requestAuditTrail } from "@/lib/services/request-audit-trail";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.auditTrail, async ({ db, principal, params }) => {
  const trail = await requestAuditTrail(db, principal.user, params.id);
  return {
    body: {
      stream: trail.stream,
      events: trail.events.map((event) => auditEvent(event, trail.names)),
    },
  };
});
