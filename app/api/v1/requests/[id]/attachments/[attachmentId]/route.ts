/** GET and DELETE /api/v1/requests/{id}/attachments/{attachmentId} */

import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { downloadHeaders } from "@/lib/attachments/download";
import { readAttachment, removeAttachment } from "@/lib/services/attachments";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.getAttachment, async ({ db, principal, params }) => {
  const file = await readAttachment(db, principal.user, params.id, params.attachmentId);
  return { body: null, file: { bytes: file.bytes, headers: downloadHeaders(file) } };
});

export const DELETE = endpoint(
  operations.removeAttachment,
  async ({ db, principal, params, now }) => {
    await removeAttachment(db, principal.user, params.id, params.attachmentId, now);
    return { body: null };
  },
);
