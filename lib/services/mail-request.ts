/** What a mail says about a request: its number, title, requester, fields and AI summary. */
import type { Db } from "@/lib/db/client";
import type { MailRequest } from "@/lib/mail/templates";

export async function mailRequest(db: Db, id: string): Promise<MailRequest> {
  const row = await db.request.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      number: true,
      title: true,
      type: true,
      fields: true,
      enrichment: true,
      routingWarnings: true,
      requester: { select: { name: true } },
    },
  });
  const summary = (row.enrichment as { summary?: unknown } | null)?.summary;
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    type: row.type,
    requesterName: row.requester.name,
    summary: typeof summary === "string" ? summary : null,
    fields: (row.fields ?? {}) as Record<string, unknown>,
    routingWarnings: row.routingWarnings,
  };
}

/** Records that `key`'s mail went to `userId` (a retried job skips it); a second record is a no-op. */
export async function recordDelivery(
  db: Db,
  delivery: {
    key: string;
    userId: string;
    requestId: string | null;
    kind: string;
    messageId: string;
  },
  sentAt: Date,
): Promise<void> {
  await db.mailDelivery.createMany({ data: [{ ...delivery, sentAt }], skipDuplicates: true });
}

/** Whether `key`'s mail was sent already. */
export async function delivered(db: Db, key: string): Promise<boolean> {
  return (await db.mailDelivery.findUnique({ where: { key }, select: { key: true } })) !== null;
}
