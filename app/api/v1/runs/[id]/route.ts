/** GET /api/v1/runs/{id} */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { viewRun } from "@/lib/services/runs/view-run";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.getRun, async ({ db, principal, params }) => ({
  body: await viewRun(db, principal.user, params.id),
}));
