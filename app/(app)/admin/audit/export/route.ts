/**
 * GET /admin/audit/export?format=csv|jsonl&<the explorer's filters>: the filtered audit events,
 * streamed (lib/services/export-audit.ts). Its manifest follows at /admin/audit/exports/<id>/manifest.
 */
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { exportAudit } from "@/lib/services/export-audit";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "audit:read" }, async (request, { user }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { format, ...filters } = params;
  // biome-ignore lint/style/noNonNullAssertion: apiRoute guarantees a user for non-public routes
  const result = await exportAudit(db(), user!, filters, format);
  return new Response(result.body, {
    headers: {
      "content-type": result.contentType,
      "content-disposition": `attachment; filename="${result.filename}"`,
      "cache-control": "no-store",
      "x-flowgate-export-id": result.id,
    },
  });
});
