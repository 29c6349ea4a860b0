/**
 * POST /api/requests/{id}/attachments: adds a file (multipart field `file`) to a request, for the
 * request page's upload form. Session cookie from our own pages only (CSRF); the type is read
 * from the bytes and the size capped before the body is read whole.
 */

import { apiRoute } from "@/lib/api/route";
import { sameOrigin } from "@/lib/api/v1/principal";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/sniff";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { addAttachment } from "@/lib/services/attachments";

export const dynamic = "force-dynamic";

/** Multipart framing on top of the file. */
const ENVELOPE_BYTES = 64 * 1024;

export const POST = apiRoute({ permission: "request:read-own" }, async (request, { user }) => {
  if (!sameOrigin(request)) {
    throw new AppError("FORBIDDEN", "Add files from Flowgate's own pages.");
  }
  const requestId = new URL(request.url).pathname.split("/")[3];
  if (!isUuid(requestId)) throw new AppError("NOT_FOUND", "No such request.");
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(length) && length > MAX_ATTACHMENT_BYTES + ENVELOPE_BYTES) {
    throw new AppError("VALIDATION_FAILED", "The file is too large.", [
      { field: "file", message: "Files can be up to 10.5 MB." },
    ]);
  }
  const form = await request.formData().catch(() => {
    throw new AppError("VALIDATION_FAILED", "Send the file as multipart/form-data.", [
      { field: "file", message: "Choose a file." },
    ]);
  });
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new AppError("VALIDATION_FAILED", "Choose a file.", [
      { field: "file", message: "Choose a file." },
    ]);
  }
  // biome-ignore lint/style/noNonNullAssertion: apiRoute guarantees a user for non-public routes
  const attachment = await addAttachment(db(), user!, requestId, {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json({ attachment }, { status: 201, headers: { "cache-control": "no-store" } });
});
