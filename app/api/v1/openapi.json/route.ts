/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (public: it describes, it grants nothing). */
import { apiRoute } from "@/lib/api/route";
import { openApiDocument } from "@/lib/api/v1/openapi";

export const dynamic = "force-static";

export const GET = apiRoute({ public: true }, async () =>
  Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
