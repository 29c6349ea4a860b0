/**
 * Files on a request (issue 14): typed by content, capped in size, stored with the request,
 * readable by whoever may see it, removable by whoever added it; every upload and removal on the
 * audit chain, in the same transaction. Refusals change nothing.
 */
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/sniff";
import { AppError } from "@/lib/errors";
import {
  addAttachment,
  listAttachments,
  readAttachment,
  removeAttachment,
} from "@/lib/services/attachments";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { createUserAs, setupWorld, submittedPurchase } from "./world";

const ctx = setupWorld();
const PDF = new Uint8Array(Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"));

const submitted = (title: string) => submittedPurchase(ctx.t.db, ctx.w.requester, title);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe("attachments", () => {
  it("stores a quote with the request, audited; readers see it, the uploader removes it", async () => {
    const id = await submitted("Desk quote");
    const added = await addAttachment(ctx.t.db, ctx.w.requester, id, {
      name: "C:\\fakepath\\quote.pdf",
      bytes: PDF,
    });
    expect(added).toMatchObject({
      fileName: "quote.pdf",
      mediaType: "application/pdf",
      sizeBytes: PDF.byteLength,
    });
    // The manager on its path reads it; another department's manager does not learn it exists.
    expect((await listAttachments(ctx.t.db, ctx.w.managerEng, id)).map((f) => f.fileName)).toEqual([
      "quote.pdf",
    ]);
    const file = await readAttachment(ctx.t.db, ctx.w.managerEng, id, added.id);
    expect(Buffer.from(file.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(await codeOf(readAttachment(ctx.t.db, ctx.w.managerOps, id, added.id))).toBe(
      "NOT_FOUND",
    );
    // Only the uploader removes it; then the bytes are gone and the trail says so.
    expect(await codeOf(removeAttachment(ctx.t.db, ctx.w.managerEng, id, added.id))).toBe(
      "FORBIDDEN",
    );
    await removeAttachment(ctx.t.db, ctx.w.requester, id, added.id);
    expect(await codeOf(readAttachment(ctx.t.db, ctx.w.requester, id, added.id))).toBe("NOT_FOUND");
    const row = await ctx.t.db.requestAttachment.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.content).toBeNull();
    expect(row.removedById).toBe(ctx.w.requester.id);
    const actions = (
      await ctx.t.db.auditEvent.findMany({
        where: { stream: `request:${id}`, action: { startsWith: "ATTACHMENT_" } },
        orderBy: { seq: "asc" },
      })
    ).map((e) => [e.action, (e.data as { fileName: string }).fileName]);
    expect(actions).toEqual([
      ["ATTACHMENT_ADDED", "quote.pdf"],
      ["ATTACHMENT_REMOVED", "quote.pdf"],
    ]);
    expect((await verifyRequestAuditTrail(ctx.t.db, id)).ok).toBe(true);
  });

  it("refuses what it cannot keep, naming the file field, and outsiders; nothing is stored", async () => {
    const id = await submitted("Refused files");
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    const html = new Uint8Array(Buffer.from("<!doctype html><script>alert(1)</script>"));
    for (const bytes of [exe, html, new Uint8Array(), new Uint8Array(MAX_ATTACHMENT_BYTES + 1)]) {
      const error = await addAttachment(ctx.t.db, ctx.w.requester, id, {
        name: "invoice.pdf",
        bytes,
      }).catch((e: unknown) => e);
      expect((error as AppError).code).toBe("VALIDATION_FAILED");
      expect((error as AppError).issues.map((i) => i.field)).toEqual(["file"]);
    }
    expect(
      await codeOf(addAttachment(ctx.t.db, ctx.w.managerOps, id, { name: "a.pdf", bytes: PDF })),
    ).toBe("NOT_FOUND");
    const auditor = await createUserAs(ctx.t.db, "auditor@files.test", ["AUDITOR"], null);
    expect(await codeOf(addAttachment(ctx.t.db, auditor, id, { name: "a.pdf", bytes: PDF }))).toBe(
      "NOT_PARTICIPANT",
    );
    expect(await ctx.t.db.requestAttachment.count({ where: { requestId: id } })).toBe(0);
    expect(
      await ctx.t.db.auditEvent.count({
        where: { stream: `request:${id}`, action: { startsWith: "ATTACHMENT_" } },
      }),
    ).toBe(0);
  });
});
