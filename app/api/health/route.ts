import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { checkHealth } from "@/lib/services/check-health";

export const dynamic = "force-dynamic";

/** GET /api/health — 200 when the database answers and every migration is applied, else 503. */
export const GET = apiRoute({ public: true }, async () => {
  const health = await checkHealth(db());
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
