/**
 * Files through API v1 (issue 14): upload as the raw body with `?name=`, list, download with the
 * safe headers, remove; every answer checked against the OpenAPI document (harness.ts). Bad input
 * — a file whose content is no allowed type, an oversized body with or without a declared length,
 * an Idempotency-Key reused with other bytes — is refused and changes nothing.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/sniff";
import type { ServiceActor } from "@/lib/services/actor";
import { createApiToken } from "@/lib/services/create-api-token";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { createUserAs, setupWorld, submittedPurchase } from "../world";
import { apiFetch, BASE, client, setClock, useDatabase } from "./harness";

const ctx = setupWorld();
const NOW = new Date("2026-03-02T09:00:00Z");
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");
const restore: (() => void)[] = [];
beforeAll(() => {
  restore.push(
    useDatabase(ctx.t),
    setClock(() => NOW),
  );
});
afterAll(() => {
  for (const undo of restore) undo();
});

async function tokenFor(user: ServiceActor, scopes: ("read" | "write")[] = ["read", "write"]) {
  return (await createApiToken(ctx.t.db, user, { name: "files", scopes, expiresIn: "30" }, NOW))
    .token;
}

function upload(
  token: string,
  requestId: string,
  name: string,
  body: BodyInit,
  headers: Record<string, string> = {},
) {
  return apiFetch(`${BASE}/requests/${requestId}/attachments?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/pdf", ...headers },
    body,
    // A stream body (no declared length) needs half-duplex in Node's fetch.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

const filesOn = (requestId: string) =>
  ctx.t.db.requestAttachment.count({ where: { requestId, removedAt: null } });

describe("attachments through the API", () => {
  it("uploads, lists, downloads and removes a file; the trail records both and verifies", async () => {
    const id = await submittedPurchase(ctx.t.db, ctx.w.requester, "Chairs with a quote");
    const requesterToken = await tokenFor(ctx.w.requester);
    const added = await upload(requesterToken, id, "Angebot Stühle.pdf", PDF);
    expect(added.status, await added.clone().text()).toBe(201);
    const { attachment } = (await added.json()) as {
      attachment: { id: string; fileName: string; mediaType: string; sizeBytes: number };
    };
    expect(attachment).toMatchObject({
      fileName: "Angebot Stühle.pdf",
      mediaType: "application/pdf",
      sizeBytes: PDF.byteLength,
    });
    expect(added.headers.get("location")).toBe(
      `/api/v1/requests/${id}/attachments/${attachment.id}`,
    );

    // The manager on the request's path lists and downloads it.
    const manager = client(await tokenFor(ctx.w.managerEng, ["read"]));
    const listed = await manager.GET("/requests/{id}/attachments", {
      params: { path: { id } },
    });
    expect(listed.data?.items.map((f) => f.fileName)).toEqual(["Angebot Stühle.pdf"]);
    const download = await apiFetch(`${BASE}/requests/${id}/attachments/${attachment.id}`, {
      headers: { authorization: `Bearer ${await tokenFor(ctx.w.managerEng, ["read"])}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="Angebot St_hle.pdf"; filename*=UTF-8''${encodeURIComponent("Angebot Stühle.pdf")}`,
    );
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("etag")).toBe(
      `"${createHash("sha256").update(PDF).digest("hex")}"`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);

    // Only the uploader removes it; the manager's token has no write scope, and with it the
    // manager is not the uploader.
    const managerWriter = client(await tokenFor(ctx.w.managerEng));
    const refused = await managerWriter.DELETE("/requests/{id}/attachments/{attachmentId}", {
      params: { path: { id, attachmentId: attachment.id } },
    });
    expect(refused.response.status).toBe(403);
    const removed = await client(requesterToken).DELETE(
      "/requests/{id}/attachments/{attachmentId}",
      { params: { path: { id, attachmentId: attachment.id } } },
    );
    expect(removed.response.status).toBe(204);
    const gone = await manager.GET("/requests/{id}/attachments/{attachmentId}", {
      params: { path: { id, attachmentId: attachment.id } },
      parseAs: "stream",
    });
    expect(gone.response.status).toBe(404);

    const trail = await manager.GET("/requests/{id}/audit", { params: { path: { id } } });
    expect(
      trail.data?.events.map((e) => e.action).filter((a) => a.startsWith("ATTACHMENT_")),
    ).toEqual(["ATTACHMENT_ADDED", "ATTACHMENT_REMOVED"]);
    expect((await verifyRequestAuditTrail(ctx.t.db, id)).ok).toBe(true);
  });

  it("refuses what is not an allowed file, too large a body, and a reused key; nothing is saved", async () => {
    const id = await submittedPurchase(ctx.t.db, ctx.w.requester, "Refused files");
    const token = await tokenFor(ctx.w.requester);

    const html = await upload(token, id, "quote.pdf", "<html><script>alert(1)</script></html>");
    expect(html.status).toBe(422);
    expect(((await html.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("file");

    const tooLarge = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x41);
    const declared = await upload(token, id, "big.txt", tooLarge);
    expect(declared.status).toBe(400);
    // Sent without a declared length, the body is cut off as soon as it passes the limit.
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_ATTACHMENT_BYTES + chunk.byteLength) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const streamed = await upload(token, id, "big.txt", stream);
    expect(streamed.status).toBe(400);
    expect(((await streamed.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      "(body)",
    );

    const key = { "idempotency-key": crypto.randomUUID() };
    const first = await upload(token, id, "quote.pdf", PDF, key);
    const again = await upload(token, id, "quote.pdf", PDF, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await upload(token, id, "quote.pdf", Buffer.concat([PDF, Buffer.from("%")]), key);
    expect(other.status).toBe(422);
    expect(await filesOn(id)).toBe(1);
  });

  it("keeps files to the request's people: a reader gets 403 NOT_PARTICIPANT, others 404", async () => {
    const id = await submittedPurchase(ctx.t.db, ctx.w.requester, "Participants only");
    const outsider = await upload(await tokenFor(ctx.w.managerOps), id, "q.pdf", PDF);
    expect(outsider.status).toBe(404);
    // An admin may read every request but is not one of this one's people.
    const admin = await createUserAs(
      ctx.t.db,
      "admin@api-files.test",
      ["REQUESTER", "ADMIN"],
      null,
    );
    const reader = await upload(await tokenFor(admin), id, "q.pdf", PDF);
    expect(reader.status).toBe(403);
    expect(((await reader.json()) as { code: string }).code).toBe("NOT_PARTICIPANT");
    const readOnly = await upload(await tokenFor(ctx.w.requester, ["read"]), id, "q.pdf", PDF);
    expect(readOnly.status).toBe(403);
    expect(((await readOnly.json()) as { code: string }).code).toBe("INSUFFICIENT_SCOPE");
    expect(await filesOn(id)).toBe(0);
  });
});
