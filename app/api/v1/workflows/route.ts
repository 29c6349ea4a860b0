/** GET /api/v1/workflows (the newest version of each type) and POST (publish, admins). */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { latestWorkflows, workflowVersion } from "@/lib/services/list-workflows";
import { publishWorkflow } from "@/lib/services/publish-workflow";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.listWorkflows, async ({ db }) => {
  const items = await latestWorkflows(db);
  return {
    body: {
      items: items.map((item) => ({ ...item, publishedAt: item.publishedAt.toISOString() })),
    },
  };
});

export const POST = endpoint(operations.publishWorkflow, async ({ db, body }) => {
  const published = await publishWorkflow(db, body);
  const version = await workflowVersion(db, published.type, published.version);
  return {
    body: { ...version, createdAt: version.createdAt.toISOString() },
    location: `/workflows/${version.type}/versions/${version.version}`,
  };
});
