/** POST /api/v1/requests/{id}/submit */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { transitionReply } from "@/lib/api/v1/present";
import { submitRequest } from "@/lib/services/submit-request";

export const dynamic = "force-dynamic";

export const POST = endpoint(
  operations.submitRequest,
  async ({ db, principal, params, ifMatch, now }) => {
    const applied = await submitRequest(db, principal.user, params.id, { version: ifMatch, now });
    return transitionReply(applied);
  },
);
