/**
 * The requester edits a draft, or a request sent back for changes, and saves it or (re)submits
 * it in one go. The whole form is checked first (with intent "submit", also the fields the type
 * requires), so an invalid form saves nothing; then the fields are saved and, for a submit, the
 * request is submitted (a draft) or resubmitted as a new round (after changes were requested).
 */
import type { AiSettings } from "@/lib/ai/config";
import type { Db } from "@/lib/db/client";
import type { RequestStatus } from "@/lib/engine";
import { AppError, zodIssues } from "@/lib/errors";
import { EditRequestSchema } from "@/lib/forms/request";
import type { ServiceActor } from "./actor";
import { resubmitRequest } from "./resubmit-request";
import { submitRequest } from "./submit-request";
import { updateDraft } from "./update-draft";

export async function editRequest(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  input: unknown,
  options: { now?: Date; ai?: AiSettings } = {},
): Promise<{ status: RequestStatus; submitted: boolean }> {
  const parsed = EditRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "Some fields need attention.", zodIssues(parsed.error));
  }
  const { type, fields, version, intent, action } = parsed.data;
  const saved = await updateDraft(
    db,
    actor,
    requestId,
    { type, fields, version, action },
    options.now,
  );
  if (intent !== "submit") return { status: saved.status, submitted: false };
  const next = { version: saved.version, now: options.now, ai: options.ai };
  const sent =
    saved.status === "CHANGES_REQUESTED"
      ? await resubmitRequest(db, actor, requestId, next)
      : await submitRequest(db, actor, requestId, next);
  return { status: sent.status, submitted: true };
}
