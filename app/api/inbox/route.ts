/** GET /api/inbox: the steps the signed-in user may decide now, soonest due first. */
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { inboxFor } from "@/lib/services/inbox";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "inbox:read" }, async (request, { user }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  // biome-ignore lint/style/noNonNullAssertion: apiRoute guarantees a user for non-public routes
  const result = await inboxFor(db(), user!, params);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
