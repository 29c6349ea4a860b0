/**
 * Files on a request: the people of the request (lib/services/comment-on-request.ts mayComment)
 * add them; whoever may see the request reads them; the uploader removes theirs. The type is
 * read from the bytes (lib/attachments/sniff.ts) and the size is capped; each upload and removal
 * is an audit event on the request's chain, written in the same transaction as the file.
 *
 * With the S3 store (lib/attachments/store.ts) the object is written before the transaction and
 * removed again if the transaction fails; a removal's object is deleted by an
 * `attachment:purge` job queued in the removal's transaction, so it is never forgotten.
 */
import { createHash, randomUUID } from "node:crypto";
import {
  ATTACHMENT_TYPES,
  cleanFileName,
  formatBytes,
  MAX_ATTACHMENT_BYTES,
  sniffType,
} from "@/lib/attachments/sniff";
import {
  currentStorage,
  ObjectStoreError,
  objectKeyOf,
  objectStore,
  storeUnavailable,
} from "@/lib/attachments/store";
import { appendAudit } from "@/lib/db/audit-append";
import type { Db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/people-audit";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { jobRequest } from "@/lib/jobs/catalog";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import { log } from "@/lib/log";
import type { ServiceActor } from "./actor";
import { mayComment } from "./comment-on-request";
import { viewRequest } from "./view-request";

export interface AttachmentView {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedBy: { id: string; name: string };
  createdAt: Date;
}

export async function addAttachment(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  file: { name: string; bytes: Uint8Array },
  now = new Date(),
): Promise<AttachmentView> {
  const view = await viewRequest(db, actor, requestId);
  if (!mayComment(view, actor.id)) {
    throw new AppError(
      "NOT_PARTICIPANT",
      "Only the requester and the request's approvers can add files.",
    );
  }
  if (file.bytes.byteLength === 0) {
    throw new AppError("VALIDATION_FAILED", "The file is empty.", [
      { field: "file", message: "Choose a file that is not empty." },
    ]);
  }
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError("VALIDATION_FAILED", "The file is too large.", [
      {
        field: "file",
        message: `Files can be up to ${formatBytes(MAX_ATTACHMENT_BYTES)}; this one is ${formatBytes(file.bytes.byteLength)}.`,
      },
    ]);
  }
  const fileName = cleanFileName(file.name);
  const mediaType = sniffType(file.bytes, fileName);
  if (!mediaType) {
    throw new AppError("VALIDATION_FAILED", "This kind of file cannot be attached.", [
      {
        field: "file",
        message: `Attach a ${Object.values(ATTACHMENT_TYPES)
          .map((t) => t.label)
          .join(", ")} file; this file's content is none of them.`,
      },
    ]);
  }
  const id = randomUUID();
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const storage = currentStorage();
  const storageKey = storage === "s3" ? objectKeyOf(requestId, id) : null;
  if (storageKey) {
    await objectStore()
      .put(storageKey, file.bytes, mediaType, sha256)
      .catch((error) => {
        log.error({ err: error, requestId, attachmentId: id }, "could not store an attachment");
        throw storeUnavailable();
      });
  }
  try {
    await inTransaction(db, async (client) => {
      await client.query(
        `INSERT INTO request_attachments (id, request_id, file_name, media_type, size_bytes, sha256, content, storage, storage_key, uploaded_by_id, created_at)
         VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10::uuid, $11)`,
        [
          id,
          requestId,
          fileName,
          mediaType,
          file.bytes.byteLength,
          sha256,
          storageKey ? null : file.bytes,
          storage,
          storageKey,
          actor.id,
          now,
        ],
      );
      await appendAudit(
        client,
        requestId,
        {
          action: "ATTACHMENT_ADDED",
          data: { attachmentId: id, fileName, mediaType, sizeBytes: file.bytes.byteLength, sha256 },
          actor: { type: "USER", id: actor.id },
          fromStatus: null,
          toStatus: null,
        },
        now,
      );
    });
  } catch (error) {
    // No row points at the object: take it away again (a leftover would only cost space).
    if (storageKey) {
      await objectStore()
        .delete(storageKey)
        .catch((e) => log.warn({ err: e, storageKey }, "could not remove an unused object"));
    }
    throw error;
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
  return {
    id,
    fileName,
    mediaType,
    sizeBytes: file.bytes.byteLength,
    uploadedBy: { id: actor.id, name: user.name },
    createdAt: now,
  };
}

/** The request's files still attached, oldest first; NOT_FOUND for whoever may not see it. */
export async function listAttachments(
  db: Db,
  actor: ServiceActor,
  requestId: string,
): Promise<AttachmentView[]> {
  await viewRequest(db, actor, requestId);
  return attachmentsOf(db, requestId);
}

/** The files of a request the caller has already been allowed to see (a page that viewed it). */
export async function attachmentsOf(db: Db, requestId: string): Promise<AttachmentView[]> {
  const rows = await db.requestAttachment.findMany({
    where: { requestId, removedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      fileName: true,
      mediaType: true,
      sizeBytes: true,
      createdAt: true,
      uploadedBy: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({ ...row, sizeBytes: Number(row.sizeBytes) }));
}

/** One file's bytes for download; NOT_FOUND when the request is hidden or the file gone. */
export async function readAttachment(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: string; sha256: string; bytes: Uint8Array }> {
  await viewRequest(db, actor, requestId);
  if (!isUuid(attachmentId)) throw new AppError("NOT_FOUND", "No such file.");
  const row = await db.requestAttachment.findFirst({
    where: { id: attachmentId, requestId, removedAt: null },
    select: {
      fileName: true,
      mediaType: true,
      sha256: true,
      content: true,
      storage: true,
      storageKey: true,
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such file.");
  const bytes = row.storageKey ? await fromObjectStore(row.storageKey, attachmentId) : row.content;
  if (!bytes) throw new AppError("NOT_FOUND", "No such file.");
  if (row.storageKey && createHash("sha256").update(bytes).digest("hex") !== row.sha256) {
    // The bucket holds something else than what was uploaded: never serve it.
    log.error(
      { attachmentId, storageKey: row.storageKey },
      "an attachment's object does not match its SHA-256",
    );
    throw new AppError(
      "SERVICE_UNAVAILABLE",
      "This file cannot be served: the stored copy does not match what was uploaded. An administrator has been told.",
    );
  }
  return { fileName: row.fileName, mediaType: row.mediaType, sha256: row.sha256, bytes };
}

async function fromObjectStore(key: string, attachmentId: string): Promise<Uint8Array | null> {
  try {
    const bytes = await objectStore().get(key);
    if (!bytes) log.error({ attachmentId, storageKey: key }, "an attachment's object is missing");
    return bytes;
  } catch (error) {
    if (!(error instanceof ObjectStoreError)) throw error;
    log.error({ err: error, attachmentId }, "could not read an attachment");
    throw storeUnavailable();
  }
}

/** The uploader removes their file: the bytes go, the row and the audit trail say who and when. */
export async function removeAttachment(
  db: Db,
  actor: ServiceActor,
  requestId: string,
  attachmentId: string,
  now = new Date(),
): Promise<void> {
  await viewRequest(db, actor, requestId);
  if (!isUuid(attachmentId)) throw new AppError("NOT_FOUND", "No such file.");
  await inTransaction(db, async (client) => {
    const { rows } = await client.query<{
      file_name: string;
      uploaded_by_id: string;
      storage_key: string | null;
    }>(
      `SELECT file_name, uploaded_by_id::text, storage_key FROM request_attachments
        WHERE id = $1::uuid AND request_id = $2::uuid AND removed_at IS NULL FOR UPDATE`,
      [attachmentId, requestId],
    );
    const row = rows[0];
    if (!row) throw new AppError("NOT_FOUND", "No such file.");
    if (row.uploaded_by_id !== actor.id) {
      throw new AppError("FORBIDDEN", "Only whoever added a file can remove it.");
    }
    await client.query(
      `UPDATE request_attachments SET removed_at = $2, removed_by_id = $3::uuid, content = NULL
        WHERE id = $1::uuid`,
      [attachmentId, now, actor.id],
    );
    if (row.storage_key) {
      await enqueueJobs(client, [jobRequest("attachment:purge", { storageKey: row.storage_key })]);
    }
    await appendAudit(
      client,
      requestId,
      {
        action: "ATTACHMENT_REMOVED",
        data: { attachmentId, fileName: row.file_name },
        actor: { type: "USER", id: actor.id },
        fromStatus: null,
        toStatus: null,
      },
      now,
    );
  });
}
