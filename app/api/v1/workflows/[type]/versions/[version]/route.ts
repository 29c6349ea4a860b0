/** GET /api/v1/workflows/{type}/versions/{version} */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { workflowVersion } from "@/lib/services/list-workflows";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.getWorkflowVersion, async ({ db, params }) => {
  const version = await workflowVersion(db, params.type, params.version);
  return { body: { ...version, createdAt: version.createdAt.toISOString() } };
});
