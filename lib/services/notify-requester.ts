/**
 * Mails a requester what happened to their request (the `notify:requester` job): approved,
 * rejected (with the reason) or sent back for changes (with what to change). The audit event
 * the job names says which; a requester who turned email off gets nothing. Sent once: the
 * delivery is recorded under the event's key.
 */

import { requestStream } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { readEventData } from "@/lib/engine/audit-events";
import { log } from "@/lib/log";
import { appUrl } from "@/lib/mail/settings";
import { type RequesterMailKind, requesterMail } from "@/lib/mail/templates";
import { mailConfigured, sendMail } from "@/lib/mail/transport";
import { delivered, mailRequest, recordDelivery } from "./mail-request";

export async function notifyRequester(
  db: Db,
  notice: { requestId: string; seq: number },
  now = new Date(),
): Promise<{ sent: boolean }> {
  if (!mailConfigured()) {
    // A deliberate set-up without mail (no SMTP_URL): nothing to send, nothing to retry.
    log.warn({ ...notice }, "mail is not configured (SMTP_URL): notification not sent");
    return { sent: false };
  }
  const key = `requester:${notice.requestId}:${notice.seq}`;
  if (await delivered(db, key)) return { sent: false };
  // The event itself and the decision just before it (who decided, and why).
  const events = await db.auditEvent.findMany({
    where: {
      stream: requestStream(notice.requestId),
      seq: { lte: notice.seq, gt: notice.seq - 8 },
    },
    orderBy: { seq: "desc" },
    select: { seq: true, action: true, data: true, actorId: true, actorType: true },
  });
  const event = events[0];
  if (!event || event.seq !== notice.seq) throw new Error(`no audit event ${key}`);
  // Read by the events' typed shapes (lib/engine/audit-events.ts).
  const read = readEventData(event.action, event.data);
  const typed = read.ok ? read.event : null;
  let kind: RequesterMailKind;
  if (typed?.action === "CHANGES_REQUESTED") kind = "changes_requested";
  else if (typed?.action === "COMPLETED" && typed.data.outcome === "APPROVED") kind = "approved";
  else if (typed?.action === "COMPLETED" && typed.data.outcome === "REJECTED") kind = "rejected";
  else throw new Error(`audit event ${key} (${event.action}) is not a decision to mail`);

  const decision =
    kind === "changes_requested"
      ? event
      : events.find((e) => e.action === (kind === "approved" ? "APPROVED" : "REJECTED"));
  const decided = decision ? readEventData(decision.action, decision.data) : null;
  let note: string | null = null;
  if (decided?.ok) {
    const { event: d } = decided;
    if (d.action === "REJECTED") note = d.data.reason;
    else if (d.action === "APPROVED" || d.action === "CHANGES_REQUESTED")
      note = d.data.comment ?? null;
  }
  const decider = decision?.actorId
    ? await db.user.findUnique({ where: { id: decision.actorId }, select: { name: true } })
    : null;

  const request = await db.request.findUniqueOrThrow({
    where: { id: notice.requestId },
    select: {
      requester: { select: { id: true, email: true, active: true, emailNotifications: true } },
    },
  });
  const requester = request.requester;
  if (!requester.active || !requester.emailNotifications) return { sent: false };

  const content = await mailRequest(db, notice.requestId);
  const mail = requesterMail(
    content,
    { kind, by: decider?.name ?? null, note },
    `${appUrl()}/requests/${notice.requestId}`,
  );
  const messageId = await sendMail({ ...mail, to: requester.email, reference: key });
  await recordDelivery(
    db,
    {
      key,
      userId: requester.id,
      requestId: notice.requestId,
      kind: `requester.${kind}`,
      messageId,
    },
    now,
  );
  return { sent: true };
}
