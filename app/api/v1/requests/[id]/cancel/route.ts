/** POST /api/v1/requests/{id}/cancel */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { transitionReply } from "@/lib/api/v1/present";
import { cancelRequest } from "@/lib/services/cancel-request";

export const dynamic = "force-dynamic";

export const POST = endpoint(
  operations.cancelRequest,
  async ({ db, principal, params, body, ifMatch, now }) => {
    const applied = await cancelRequest(db, principal.user, params.id, {
      reason: body.reason,
      version: ifMatch,
      now,
    });
    return transitionReply(applied);
  },
);
