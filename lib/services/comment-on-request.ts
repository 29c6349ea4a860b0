/**
 * A question or comment on a request (an approver asks, the requester answers) without changing
 * its state: an audit event on the request's chain, and a `notify:comment` job queued in the same
 * transaction, so a comment that is saved always has its mail.
 *
 * Who may comment: the people of the request — its requester, whoever may decide its waiting
 * step, and whoever decided on it or commented before. Someone who can only read it (an auditor,
 * an administrator) cannot; someone who cannot see it gets NOT_FOUND, as everywhere.
 */
import { appendAudit } from "@/lib/db/audit-append";
import type { Db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/people-audit";
import { AppError, zodIssues } from "@/lib/errors";
import { CommentSchema } from "@/lib/forms/comment";
import { isDecision } from "@/lib/forms/decision";
import { jobRequest } from "@/lib/jobs/catalog";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import type { ServiceActor } from "./actor";
import { type RequestView, viewRequest } from "./view-request";

/** The people of a request: its requester, who may decide it now, who decided or commented. */
export function mayComment(view: RequestView, userId: string): boolean {
  return (
    view.isRequester ||
    view.actions.some(isDecision) ||
    view.detail.timeline.some((entry) => entry.actorType === "USER" && entry.actorId === userId)
  );
}

export async function commentOnRequest(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  input: unknown,
  now = new Date(),
): Promise<{ seq: number }> {
  const parsed = CommentSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The comment is invalid.", zodIssues(parsed.error));
  }
  const view = await viewRequest(db, actor, requestId);
  if (!mayComment(view, actor.id)) {
    throw new AppError(
      "NOT_PARTICIPANT",
      "Only the requester and the request's approvers can comment on it.",
    );
  }
  return inTransaction(db, async (client) => {
    const seq = await appendAudit(
      client,
      requestId,
      {
        action: "COMMENTED",
        data: { body: parsed.data.body },
        actor: { type: "USER", id: actor.id },
        fromStatus: null,
        toStatus: null,
      },
      now,
    );
    await enqueueJobs(client, [jobRequest("notify:comment", { requestId, seq })]);
    return { seq };
  });
}
