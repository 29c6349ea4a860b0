/**
 * Mails the approvers of a waiting step (the `notify:step` job): everyone who may decide it now
 * (its role, in its department for department-scoped steps; not the requester; not who already
 * approved it under quorum), and whoever stands in for one of them now (out of office), who has
 * not turned email off. Runs only while the step still waits
 * with the due time the job was queued for: a step decided or escalated since then gets nothing
 * from this job (an escalation queues its own).
 *
 * Each recipient's mail is recorded (mail_deliveries) as it is sent, so a job retried after a
 * partial failure (the SMTP server went away mid-way) mails only those still missing it.
 */
import { ROLE_LABELS } from "@/lib/auth/roles";
import { type Db, poolOf } from "@/lib/db/client";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { reminderJob } from "@/lib/jobs/from-transition";
import { log } from "@/lib/log";
import { signDecisionLink } from "@/lib/mail/decision-links";
import { appUrl } from "@/lib/mail/settings";
import { type StepMailKind, stepMail } from "@/lib/mail/templates";
import { mailConfigured, sendMail } from "@/lib/mail/transport";
import { delivered, mailRequest, recordDelivery } from "./mail-request";

export interface StepNotice {
  requestId: string;
  visitId: string;
  kind: StepMailKind;
  dueAt: string;
}

export async function notifyApprovers(
  db: Db,
  notice: StepNotice,
  now: Date,
): Promise<{ sent: number; skipped: "stale" | "no-mail" | null }> {
  if (!mailConfigured()) {
    // A deliberate set-up without mail (no SMTP_URL): nothing to send, nothing to retry.
    log.warn({ ...notice }, "mail is not configured (SMTP_URL): notification not sent");
    return { sent: 0, skipped: "no-mail" };
  }
  const request = await db.request.findUnique({
    where: { id: notice.requestId },
    select: {
      status: true,
      stepVisitId: true,
      stepDueAt: true,
      stepRole: true,
      stepDepartmentId: true,
      stepApprovals: true,
      stepStartedAt: true,
      stepEscalatedAt: true,
      requesterId: true,
      version: true,
    },
  });
  if (
    !request?.stepRole ||
    !request.stepDueAt ||
    !request.stepStartedAt ||
    (request.status !== "IN_REVIEW" && request.status !== "ESCALATED") ||
    request.stepVisitId !== notice.visitId ||
    request.stepDueAt.toISOString() !== notice.dueAt
  ) {
    log.debug({ ...notice }, "step mail skipped: the step moved on");
    return { sent: 0, skipped: "stale" };
  }
  const holders = await db.user.findMany({
    where: {
      active: true,
      roles: { has: request.stepRole },
      id: { notIn: [request.requesterId, ...request.stepApprovals] },
      ...(request.stepDepartmentId ? { departmentId: request.stepDepartmentId } : {}),
    },
    select: { id: true, email: true, emailNotifications: true, timeZone: true },
    orderBy: { email: "asc" },
  });
  const recipients: { id: string; email: string; delegate: boolean; timeZone: string | null }[] =
    holders
      .filter((holder) => holder.emailNotifications)
      .map((holder) => ({
        id: holder.id,
        email: holder.email,
        delegate: false,
        timeZone: holder.timeZone,
      }));
  // Whoever stands in for one of them now (out of office) is told too; the mail's links open
  // the request, where they decide on the absent approver's behalf.
  const standIns = await db.delegation.findMany({
    where: {
      userId: { in: holders.map((holder) => holder.id) },
      endedAt: null,
      startsAt: { lte: now },
      endsAt: { gt: now },
      delegate: { active: true, emailNotifications: true, id: { not: request.requesterId } },
    },
    select: { delegate: { select: { id: true, email: true, timeZone: true } } },
  });
  for (const { delegate } of standIns) {
    if (!recipients.some((r) => r.id === delegate.id)) {
      recipients.push({ ...delegate, delegate: true });
    }
  }
  const content = await mailRequest(db, notice.requestId);
  const link = `${appUrl()}/requests/${notice.requestId}`;
  const step = {
    roleLabel: ROLE_LABELS[request.stepRole],
    dueAt: request.stepDueAt,
    kind: notice.kind,
  };
  // Each approver's own approve / reject links, bound to them, this step and this version.
  const linksFor = async (userId: string) => {
    if (!process.env.AUTH_SECRET) return { request: link };
    const claims = {
      sub: userId,
      rid: notice.requestId,
      vid: notice.visitId,
      ver: request.version,
    };
    const sign = (dec: "approve" | "reject") =>
      signDecisionLink({ ...claims, dec }, request.stepDueAt as Date);
    return {
      request: link,
      approve: `${appUrl()}/decide/${await sign("approve")}`,
      reject: `${appUrl()}/decide/${await sign("reject")}`,
    };
  };
  let sent = 0;
  let failure: unknown = null;
  for (const recipient of recipients) {
    const key = `step:${notice.visitId}:${notice.dueAt}:${notice.kind}:${recipient.id}`;
    if (await delivered(db, key)) continue;
    try {
      // A delegate's mail links to the request only (a decision link names the approver).
      const links = recipient.delegate ? { request: link } : await linksFor(recipient.id);
      const mail = stepMail(content, step, links, recipient.timeZone);
      const messageId = await sendMail({ ...mail, to: recipient.email, reference: key });
      await recordDelivery(
        db,
        {
          key,
          userId: recipient.id,
          requestId: notice.requestId,
          kind: `step.${notice.kind}`,
          messageId,
        },
        now,
      );
      sent += 1;
    } catch (error) {
      failure ??= error; // the others still get theirs; the job is retried for the rest
    }
  }
  if (failure) throw failure;
  // The mail went out: remind whoever has not decided when the step's time is mostly used up.
  if (notice.kind !== "reminder") {
    await enqueueJobs(poolOf(db), [
      reminderJob(notice.requestId, {
        visitId: notice.visitId,
        dueAt: request.stepDueAt,
        from:
          (notice.kind === "escalated" ? request.stepEscalatedAt : null) ?? request.stepStartedAt,
      }),
    ]);
  }
  return { sent, skipped: null };
}
