/** POST /api/v1/requests/{id}/resubmit */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { transitionReply } from "@/lib/api/v1/present";
import { resubmitRequest } from "@/lib/services/resubmit-request";

export const dynamic = "force-dynamic";

export const POST = endpoint(
  operations.resubmitRequest,
  async ({ db, principal, params, ifMatch, now }) => {
    const applied = await resubmitRequest(db, principal.user, params.id, { version: ifMatch, now });
    return transitionReply(applied);
  },
);
