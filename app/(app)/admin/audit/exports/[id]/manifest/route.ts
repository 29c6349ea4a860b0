/** GET /admin/audit/exports/<id>/manifest: an export's manifest, for `npm run audit:verify`. */
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { exportManifest } from "@/lib/services/export-audit";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "audit:read" }, async (request, { user }) => {
  const id = new URL(request.url).pathname.split("/").at(-2) ?? "";
  // biome-ignore lint/style/noNonNullAssertion: apiRoute guarantees a user for non-public routes
  const manifest = await exportManifest(db(), user!, id);
  if (!manifest) {
    throw new AppError(
      "NOT_FOUND",
      "No finished export has this id (cut off, still running, or unknown).",
    );
  }
  const name = manifest.file.replace(/\.(csv|jsonl)$/, "");
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.manifest.json"`,
      "cache-control": "no-store",
    },
  });
});
