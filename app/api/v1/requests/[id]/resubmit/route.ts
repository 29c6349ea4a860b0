/** POST /api/v1/requests/{id}/resubmit */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { resubmitRequest } from "@/lib/services/resubmit-request";

export const dynamic = "force-dynamic";

export const POST = endpoint(
  operations.resubmitRequest,
  async ({ db, principal, params, ifMatch, now }) => {
    const applied = await resubmitRequest(db, principal.user, params.id, { version: ifMatch, now });
    return {
      body: { id: applied.requestId, status: applied.status, version: applied.version },
      etag: applied.version,
    };
  },
);
