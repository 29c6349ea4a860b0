/** POST /api/v1/runs/{id}/cancel */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { cancelRun } from "@/lib/services/runs/cancel-run";
import { summaryFromView } from "@/lib/services/runs/view-run";

export const dynamic = "force-dynamic";

export const POST = endpoint(operations.cancelRun, async ({ db, principal, params, now }) => ({
  body: summaryFromView(await cancelRun(db, principal.user, params.id, now)),
}));
