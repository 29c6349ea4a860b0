/**
 * GET /api/requests/{id}/attachments/{attachmentId}: a file, to whoever may see the request, as
 * a download that no browser renders in our origin (attachment disposition, nosniff, and the API's
 * sandboxing CSP from next.config.ts). DELETE: its uploader removes it (from our own pages only).
 */
import { apiRoute } from "@/lib/api/route";
import { sameOrigin } from "@/lib/api/v1/principal";
import { downloadHeaders } from "@/lib/attachments/download";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { readAttachment, removeAttachment } from "@/lib/services/attachments";

export const dynamic = "force-dynamic";

function idsOf(request: Request): { requestId: string; attachmentId: string } {
  const [, , , requestId, , attachmentId] = new URL(request.url).pathname.split("/");
  if (!isUuid(requestId) || !isUuid(attachmentId)) throw new AppError("NOT_FOUND", "No such file.");
  return { requestId, attachmentId };
}

export const GET = apiRoute({ permission: "request:read-own" }, async (request, { user }) => {
  const { requestId, attachmentId } = idsOf(request);
  // biome-ignore lint/style/noNonNullAssertion: apiRoute guarantees a user for non-public routes
  const file = await readAttachment(db(), user!, requestId, attachmentId);
  return new Response(Buffer.from(file.bytes), { headers: downloadHeaders(file) });
});

export const DELETE = apiRoute({ permission: "request:read-own" }, async (request, { user }) => {
  if (!sameOrigin(request)) {
    throw new AppError("FORBIDDEN", "Remove files from Flowgate's own pages.");
  }
  const { requestId, attachmentId } = idsOf(request);
  // biome-ignore lint/style/noNonNullAssertion: apiRoute guarantees a user for non-public routes
  await removeAttachment(db(), user!, requestId, attachmentId);
  return new Response(null, { status: 204 });
});
