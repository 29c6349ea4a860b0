/** GET and POST /api/v1/requests/{id}/attachments */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { addAttachment, listAttachments } from "@/lib/services/attachments";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.listAttachments, async ({ db, principal, params }) => ({
  body: { items: await listAttachments(db, principal.user, params.id) },
}));

export const POST = endpoint(
  operations.addAttachment,
  async ({ db, principal, params, query, bytes, now }) => {
    const attachment = await addAttachment(
      db,
      principal.user,
      params.id,
      { name: query.name, bytes },
      now,
    );
    return {
      body: { attachment },
      location: `/requests/${params.id}/attachments/${attachment.id}`,
    };
  },
);
