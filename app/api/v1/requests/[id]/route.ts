/** GET /api/v1/requests/{id} (with ETag) and PATCH (edit a draft; If-Match). */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { requestResource, transitionReply } from "@/lib/api/v1/present";
import { updateDraft } from "@/lib/services/update-draft";
import { viewRequest } from "@/lib/services/view-request";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.getRequest, async ({ db, principal, params }) => {
  const view = await viewRequest(db, principal.user, params.id);
  return { body: requestResource(view), etag: view.detail.loaded.version };
});

export const PATCH = endpoint(
  operations.updateRequest,
  async ({ db, principal, params, body, ifMatch, now }) => {
    const applied = await updateDraft(
      db,
      principal.user,
      params.id,
      { ...body, ...(ifMatch !== undefined ? { version: ifMatch } : {}) },
      now,
    );
    return transitionReply(applied);
  },
);
