/**
 * Mails a comment (the `notify:comment` job): an approver's question goes to the requester; the
 * requester's answer goes to everyone who commented on the request before them. People who
 * turned email off, or are no longer active, get nothing. Each mail is sent once per recipient:
 * the delivery is recorded under the comment's key.
 */
import { requestStream } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { readEventData } from "@/lib/engine/audit-events";
import { log } from "@/lib/log";
import { appUrl } from "@/lib/mail/settings";
import { commentMail } from "@/lib/mail/templates";
import { mailConfigured, sendMail } from "@/lib/mail/transport";
import { delivered, mailRequest, recordDelivery } from "./mail-request";

export async function notifyComment(
  db: Db,
  notice: { requestId: string; seq: number },
  now = new Date(),
): Promise<{ sent: number }> {
  if (!mailConfigured()) {
    log.warn({ ...notice }, "mail is not configured (SMTP_URL): comment not mailed");
    return { sent: 0 };
  }
  const stream = requestStream(notice.requestId);
  const event = await db.auditEvent.findUnique({
    where: { stream_seq: { stream, seq: notice.seq } },
    select: { action: true, data: true, actorId: true },
  });
  const read = event ? readEventData(event.action, event.data) : null;
  if (!event?.actorId || !read?.ok || read.event.action !== "COMMENTED") {
    throw new Error(`audit event ${stream}/${notice.seq} is not a comment`);
  }
  const body = read.event.data.body;
  const request = await db.request.findUniqueOrThrow({
    where: { id: notice.requestId },
    select: { requesterId: true },
  });
  const author = await db.user.findUniqueOrThrow({
    where: { id: event.actorId },
    select: { name: true },
  });
  const toRequester = event.actorId !== request.requesterId;
  let recipientIds: string[];
  if (toRequester) recipientIds = [request.requesterId];
  else {
    const earlier = await db.auditEvent.findMany({
      where: { stream, action: "COMMENTED", seq: { lt: notice.seq } },
      select: { actorId: true },
    });
    recipientIds = [
      ...new Set(earlier.map((e) => e.actorId).filter((id): id is string => id !== null)),
    ].filter((id) => id !== request.requesterId);
  }
  const recipients = await db.user.findMany({
    where: { id: { in: recipientIds }, active: true, emailNotifications: true },
    select: { id: true, email: true },
  });
  const content = await mailRequest(db, notice.requestId);
  const mail = commentMail(
    content,
    { by: author.name, body, toRequester },
    `${appUrl()}/requests/${notice.requestId}`,
  );
  let sent = 0;
  for (const recipient of recipients) {
    const key = `comment:${notice.requestId}:${notice.seq}:${recipient.id}`;
    if (await delivered(db, key)) continue;
    const messageId = await sendMail({ ...mail, to: recipient.email, reference: key });
    await recordDelivery(
      db,
      {
        key,
        userId: recipient.id,
        requestId: notice.requestId,
        kind: "comment",
        messageId,
      },
      now,
    );
    sent++;
  }
  return { sent };
}
