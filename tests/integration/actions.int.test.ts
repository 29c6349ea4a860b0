/**
 * An approved action runs once: the approval queues it in the same statement, a real worker runs
 * it with its idempotency key, and its outcome is recorded once with its audit event. Real parts:
 * an HTTP receiver that checks Standard Webhooks signatures, the SMTP catcher, PostgreSQL.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runsOfRequest } from "@/lib/db/action-runs";
import { poolOf } from "@/lib/db/client";
import { type Action, actionHash } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import { type MailCatcher, startMailCatcher } from "@/lib/mail/catcher";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { submitRequest } from "@/lib/services/submit-request";
import { setTaskDone, tasksOf } from "@/lib/services/tasks";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { startJobWorker } from "./job-worker";
import { setupWorld } from "./world";

const ctx = setupWorld();
const SECRET = Buffer.from("flowgate-test-webhook-secret-32b!");

/** A webhook receiver: checks each delivery's signature, answers with the next queued status. */
interface Delivery {
  id: string;
  idempotencyKey: string;
  body: Record<string, unknown>;
  signatureValid: boolean;
}
let receiver: http.Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];
const answers: number[] = [];

let catcher: MailCatcher;

let worker: Awaited<ReturnType<typeof startJobWorker>>;

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const id = String(request.headers["webhook-id"]);
      const timestamp = String(request.headers["webhook-timestamp"]);
      const expected = `v1,${createHmac("sha256", SECRET).update(`${id}.${timestamp}.${raw}`).digest("base64")}`;
      deliveries.push({
        id,
        idempotencyKey: String(request.headers["idempotency-key"]),
        body: JSON.parse(raw),
        signatureValid: request.headers["webhook-signature"] === expected,
      });
      response.writeHead(answers.shift() ?? 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/flowgate`;
  catcher = await startMailCatcher();
  process.env.SMTP_URL = catcher.smtpUrl;
  process.env.WEBHOOK_SECRET = `whsec_${SECRET.toString("base64")}`;
  worker = await startJobWorker(ctx.t.db, ctx.t.url);
});

afterAll(async () => {
  await worker?.stop();
  await catcher?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
  delete process.env.SMTP_URL;
  delete process.env.WEBHOOK_SECRET;
});

async function generalWith(action: Action, title = "Notify the vendor") {
  const draft = await createDraft(ctx.t.db, ctx.w.requester, {
    type: "GENERAL",
    title,
    description: `${title}.`,
    action,
  });
  await submitRequest(ctx.t.db, ctx.w.requester, draft.id);
  return draft.id;
}

/** The request's one action run, once it is no longer waiting or running (15 s at most). */
async function finished(id: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [run] = await runsOfRequest(poolOf(ctx.t.db), id);
    if (run && ["SUCCEEDED", "DEAD", "ABANDONED"].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`the action did not finish: ${JSON.stringify(run)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function auditActions(id: string) {
  return (
    await ctx.t.db.auditEvent.findMany({ where: { requestId: id }, orderBy: { seq: "asc" } })
  ).map((e) => e.action);
}

describe("approved actions", () => {
  it("call a webhook once, signed, with the run's idempotency key, and record it", async () => {
    const action: Action = { tool: "webhook", params: { url: receiverUrl, payload: { po: 4471 } } };
    const id = await generalWith(action);
    await decideStep(ctx.t.db, ctx.w.managerEng, id, {
      decision: "approve",
      actionHash: actionHash(action),
    });
    const run = await finished(id);
    expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 1, result: { status: 200 } });
    const mine = deliveries.filter((d) => d.body.requestId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      signatureValid: true,
      body: { type: "flowgate.action", payload: { po: 4471 } },
    });
    expect(mine[0]?.id).toBe(mine[0]?.idempotencyKey);
    expect(mine[0]?.id).toMatch(new RegExp(`^${id}:1:[0-9a-f-]{36}$`));
    const actions = await auditActions(id);
    expect(actions.filter((a) => a === "ACTION_EXECUTED")).toHaveLength(1);
    expect(actions.slice(-3)).toEqual(["ACTION_QUEUED", "COMPLETED", "ACTION_EXECUTED"]);
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
  });

  it("retry a receiver that answers 500 twice: one success recorded, three attempts visible", async () => {
    const action: Action = { tool: "webhook", params: { url: receiverUrl, payload: { n: 2 } } };
    const id = await generalWith(action, "Flaky receiver");
    answers.push(500, 500);
    await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" });
    const run = await finished(id);
    expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 3 });
    const mine = deliveries.filter((d) => d.body.requestId === id);
    expect(mine).toHaveLength(3);
    expect(new Set(mine.map((d) => d.id)).size).toBe(1); // the same message id each time
    expect((await auditActions(id)).filter((a) => a === "ACTION_EXECUTED")).toHaveLength(1);
  }, 30_000);

  it("create a task for its assignee, once", async () => {
    const action: Action = {
      tool: "create_task",
      params: { title: "Order the new badges", notes: "Two badges for the interns" },
    };
    const id = await generalWith(action, "Badges");
    await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" });
    expect(await finished(id)).toMatchObject({ status: "SUCCEEDED" });
    const tasks = await ctx.t.db.task.findMany({ where: { requestId: id } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      title: "Order the new badges",
      assigneeId: ctx.w.requester.id,
    });
    // It is the assignee's: listed for them, theirs to tick off; nobody else's to touch.
    const task = tasks[0] as { id: string };
    expect((await tasksOf(ctx.t.db, ctx.w.requester)).map((t) => t.id)).toContain(task.id);
    await expect(
      setTaskDone(ctx.t.db, ctx.w.managerEng, { taskId: task.id, done: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setTaskDone(ctx.t.db, ctx.w.requester, { taskId: task.id, done: true });
    expect(
      (await ctx.t.db.task.findUniqueOrThrow({ where: { id: task.id } })).doneAt,
    ).not.toBeNull();
  });

  it("of any type run after the last approval only: a purchase's, after the director", async () => {
    const action: Action = { tool: "create_task", params: { title: "Unpack the chairs" } };
    const draft = await createDraft(ctx.t.db, ctx.w.requester, {
      type: "PROCUREMENT",
      title: "Chairs with a task",
      description: "12 chairs, EUR 14,280; then a task to unpack them.",
      fields: { amount: 14_280, currency: "EUR" },
      action,
    });
    await submitRequest(ctx.t.db, ctx.w.requester, draft.id);
    await decideStep(ctx.t.db, ctx.w.managerEng, draft.id, { decision: "approve" });
    await decideStep(ctx.t.db, ctx.w.finance, draft.id, { decision: "approve" });
    expect(await runsOfRequest(poolOf(ctx.t.db), draft.id)).toEqual([]); // not yet
    await decideStep(ctx.t.db, ctx.w.director, draft.id, { decision: "approve" });
    expect(await finished(draft.id)).toMatchObject({ status: "SUCCEEDED" });
    expect(await ctx.t.db.task.count({ where: { requestId: draft.id } })).toBe(1);
  });

  it("send an email through the SMTP server", async () => {
    const action: Action = {
      tool: "send_email",
      params: { to: "facilities@w.test", subject: "Fix the kitchen tap", body: "It drips." },
    };
    const id = await generalWith(action, "Kitchen tap");
    await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" });
    const run = await finished(id);
    expect(run.status).toBe("SUCCEEDED");
    const mails = catcher.messages().filter((m) => m.to.includes("facilities@w.test"));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      subject: "Fix the kitchen tap",
      reference: expect.stringContaining(id),
    });
  });

  it("is dead at once, with ACTION_FAILED, when its parameters cannot work (no such assignee)", async () => {
    const action: Action = {
      tool: "create_task",
      params: { title: "For a ghost", assignee: "nobody@w.test" },
    };
    const id = await generalWith(action, "Ghost task");
    await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" });
    const run = await finished(id);
    expect(run).toMatchObject({ status: "DEAD", attempts: 1 });
    expect(run.lastError).toContain("nobody@w.test");
    expect(await auditActions(id)).toContain("ACTION_FAILED");
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
  });

  it("refuses an approval of an action that changed since the approver saw it", async () => {
    const action: Action = { tool: "webhook", params: { url: receiverUrl, payload: { a: 1 } } };
    const id = await generalWith(action, "Changed action");
    const seen = actionHash({ ...action, params: { ...action.params, payload: { a: 2 } } });
    const error = await decideStep(ctx.t.db, ctx.w.managerEng, id, {
      decision: "approve",
      actionHash: seen,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "ACTION_CHANGED" });
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).status).toBe("IN_REVIEW");
    expect(await runsOfRequest(poolOf(ctx.t.db), id)).toEqual([]);
  });

  it("refuses an action whose parameters do not fit its tool, before anything is stored", async () => {
    const error = await createDraft(ctx.t.db, ctx.w.requester, {
      type: "GENERAL",
      title: "Bad webhook",
      description: "Bad webhook.",
      action: { tool: "webhook", params: { url: "ftp://example.com/x" } },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect((error as AppError).issues.map((i) => i.field)).toEqual(["action.params.url"]);
    expect(await ctx.t.db.request.count({ where: { title: "Bad webhook" } })).toBe(0);
  });
});
