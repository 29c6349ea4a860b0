/** GET and POST /api/v1/runs */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { startRun } from "@/lib/services/runs/start-run";
import { listRunsFor, summaryFromView } from "@/lib/services/runs/view-run";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.listRuns, async ({ db, principal, query }) => ({
  body: await listRunsFor(db, principal.user, {
    all: query.scope === "all",
    limit: query.limit,
    cursor: query.cursor,
  }),
}));

export const POST = endpoint(operations.startRun, async ({ db, principal, body, now }) => {
  const run = await startRun(db, principal.user, body, now);
  return { body: summaryFromView(run), location: `/runs/${run.id}` };
});
