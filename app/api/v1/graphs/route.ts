/** GET and POST /api/v1/graphs */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { poolOf } from "@/lib/db/client";
import { latestGraphWorkflows } from "@/lib/db/runs";
import { publishGraph } from "@/lib/services/runs/publish-graph";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.listGraphs, async ({ db }) => ({
  body: { items: await latestGraphWorkflows(poolOf(db)) },
}));

export const POST = endpoint(operations.publishGraph, async ({ db, principal, body, now }) => {
  const published = await publishGraph(db, principal.user, body, now);
  return { body: published, location: `/graphs/${published.key}` };
});
