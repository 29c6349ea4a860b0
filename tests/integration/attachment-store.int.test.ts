/**
 * Attachments in an S3-compatible store (ATTACHMENT_STORE=s3, lib/attachments/store.ts), against
 * a real S3-protocol server (s3rver, on a local port and directory): the bytes go to the bucket,
 * the row keeps the key and the SHA-256; a read checks the bytes against it; a removal's object
 * is deleted by the job queued with it; a store that cannot be reached refuses the upload and
 * changes nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectKeyOf, objectStore } from "@/lib/attachments/store";
import { poolOf } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  addAttachment,
  listAttachments,
  readAttachment,
  removeAttachment,
} from "@/lib/services/attachments";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { startJobWorker } from "./job-worker";
import { setupWorld, submittedPurchase } from "./world";

const ctx = setupWorld();
const PNG = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...Buffer.from("a screenshot of the quote"),
]);
const VARIABLES = [
  "ATTACHMENT_STORE",
  "S3_ENDPOINT",
  "S3_BUCKET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_PREFIX",
] as const;

let server: S3rver;
let directory: string;
let endpoint: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "flowgate-s3-"));
  server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory,
    silent: true,
    configureBuckets: [{ name: "flowgate-files", configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    ATTACHMENT_STORE: "s3",
    S3_ENDPOINT: endpoint,
    S3_BUCKET: "flowgate-files",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_PREFIX: "test/",
  });
});
afterAll(async () => {
  for (const name of VARIABLES) delete process.env[name];
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe("attachments in an S3-compatible store", () => {
  it("keeps the bytes in the bucket and the key and digest in the row; reads check the digest", async () => {
    const id = await submittedPurchase(ctx.t.db, ctx.w.requester, "Quote in the bucket");
    const added = await addAttachment(ctx.t.db, ctx.w.requester, id, {
      name: "quote.png",
      bytes: PNG,
    });
    const row = await ctx.t.db.requestAttachment.findUniqueOrThrow({ where: { id: added.id } });
    expect(row).toMatchObject({
      storage: "s3",
      storageKey: objectKeyOf(id, added.id),
      content: null,
    });
    const stored = await objectStore().get(objectKeyOf(id, added.id));
    expect(Buffer.from(stored ?? []).equals(Buffer.from(PNG))).toBe(true);

    const file = await readAttachment(ctx.t.db, ctx.w.managerEng, id, added.id);
    expect(file.mediaType).toBe("image/png");
    expect(Buffer.from(file.bytes).equals(Buffer.from(PNG))).toBe(true);

    // Someone changes the object behind Flowgate's back: it is not served.
    await objectStore().put(
      objectKeyOf(id, added.id),
      PNG.slice(0, 12),
      "image/png",
      "UNSIGNED-PAYLOAD",
    );
    expect(await codeOf(readAttachment(ctx.t.db, ctx.w.requester, id, added.id))).toBe(
      "SERVICE_UNAVAILABLE",
    );
    expect((await verifyRequestAuditTrail(ctx.t.db, id)).ok).toBe(true);
  });

  it("deletes a removed file's object through the job queued with the removal", async () => {
    const id = await submittedPurchase(ctx.t.db, ctx.w.requester, "Removed from the bucket");
    const added = await addAttachment(ctx.t.db, ctx.w.requester, id, {
      name: "draft.png",
      bytes: PNG,
    });
    const key = objectKeyOf(id, added.id);
    await removeAttachment(ctx.t.db, ctx.w.requester, id, added.id);
    expect(await listAttachments(ctx.t.db, ctx.w.requester, id)).toEqual([]);
    const { rows } = await poolOf(ctx.t.db).query<{ n: number }>(
      `SELECT count(*)::int AS n FROM graphile_worker._private_jobs j
         JOIN graphile_worker._private_tasks t ON t.id = j.task_id
        WHERE t.identifier = 'attachment:purge' AND j.payload->>'storageKey' = $1`,
      [key],
    );
    expect(rows[0]?.n).toBe(1);

    const worker = await startJobWorker(ctx.t.db, ctx.t.url);
    try {
      const deadline = Date.now() + 10_000;
      while ((await objectStore().get(key)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await worker.stop();
    }
    expect(await objectStore().get(key)).toBeNull();
  });

  it("refuses an upload when the store cannot be reached, and saves nothing", async () => {
    const id = await submittedPurchase(ctx.t.db, ctx.w.requester, "Store is down");
    const events = await ctx.t.db.auditEvent.count({ where: { requestId: id } });
    process.env.S3_BUCKET = "no-such-bucket";
    try {
      expect(
        await codeOf(addAttachment(ctx.t.db, ctx.w.requester, id, { name: "q.png", bytes: PNG })),
      ).toBe("SERVICE_UNAVAILABLE");
    } finally {
      process.env.S3_BUCKET = "flowgate-files";
    }
    process.env.S3_ENDPOINT = "http://127.0.0.1:9"; // nothing listens on the discard port
    try {
      expect(
        await codeOf(addAttachment(ctx.t.db, ctx.w.requester, id, { name: "q.png", bytes: PNG })),
      ).toBe("SERVICE_UNAVAILABLE");
    } finally {
      process.env.S3_ENDPOINT = endpoint;
    }
    expect(await ctx.t.db.requestAttachment.count({ where: { requestId: id } })).toBe(0);
    expect(await ctx.t.db.auditEvent.count({ where: { requestId: id } })).toBe(events);
  });

  it("refuses to start the S3 store half configured, naming what is missing", () => {
    const saved = process.env.S3_BUCKET;
    delete process.env.S3_BUCKET;
    try {
      expect(() => objectStore()).toThrow(/S3_BUCKET is needed with ATTACHMENT_STORE=s3/);
    } finally {
      process.env.S3_BUCKET = saved;
    }
  });
});
