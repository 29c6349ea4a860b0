/** POST /api/v1/requests/{id}/comments */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { commentOnRequest } from "@/lib/services/comment-on-request";

export const dynamic = "force-dynamic";

export const POST = endpoint(
  operations.postComment,
  async ({ db, principal, params, body, now }) => {
    const { seq } = await commentOnRequest(db, principal.user, params.id, body, now);
    return { status: 201, body: { requestId: params.id, seq } };
  },
);
