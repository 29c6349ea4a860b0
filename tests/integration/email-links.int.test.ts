/**
 * Approve or reject from the mail: each approver's links are signed, bound to them, the step and
 * the request's version, expire with the step, and decide at most once, recorded "via email link".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRequest } from "@/lib/db/requests";
import { AppError } from "@/lib/errors";
import { type MailCatcher, startMailCatcher } from "@/lib/mail/catcher";
import { signDecisionLink } from "@/lib/mail/decision-links";
import { createDraft } from "@/lib/services/create-draft";
import { decideByLink, previewLink } from "@/lib/services/decide-by-link";
import { submitRequest } from "@/lib/services/submit-request";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { startJobWorker } from "./job-worker";
import { setupWorld } from "./world";

const ctx = setupWorld();
let catcher: MailCatcher;

let worker: Awaited<ReturnType<typeof startJobWorker>>;

beforeAll(async () => {
  catcher = await startMailCatcher();
  process.env.SMTP_URL = catcher.smtpUrl;
  process.env.APP_URL = "https://flowgate.test";
  process.env.AUTH_SECRET = "test-secret-for-links-0123456789abcdef";
  worker = await startJobWorker(ctx.t.db, ctx.t.url, { poolSize: 1 });
});

afterAll(async () => {
  await worker?.stop();
  await catcher?.stop();
  for (const name of ["SMTP_URL", "APP_URL", "AUTH_SECRET"]) delete process.env[name];
});

async function submitted(title: string) {
  const draft = await createDraft(ctx.t.db, ctx.w.requester, {
    type: "PROCUREMENT",
    title,
    description: `${title}, EUR 300`,
    fields: { amount: 300, currency: "EUR" },
  });
  await submitRequest(ctx.t.db, ctx.w.requester, draft.id);
  return draft.id;
}

/** The approve and reject links of the manager's mail about `title`. */
async function linksFor(title: string): Promise<{ approve: string; reject: string }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mail = catcher.messages().find((m) => m.subject.includes(title));
    const approve = mail?.text.match(/Approve…: \S+\/decide\/(\S+)/)?.[1];
    const reject = mail?.text.match(/Reject…: \S+\/decide\/(\S+)/)?.[1];
    if (approve && reject) return { approve, reject };
    if (Date.now() > deadline) throw new Error(`no mail with links about ${title}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("decision links in mail", () => {
  it("approve once, as the mailed approver, recorded via email link", async () => {
    const id = await submitted("Lab coat");
    const { approve } = await linksFor("Lab coat");
    // Opening the link decides nothing.
    const preview = await previewLink(ctx.t.db, approve);
    expect(preview).toMatchObject({
      approverName: "manager.eng",
      claims: { dec: "approve", rid: id },
      request: { title: "Lab coat" },
    });
    expect((await loadRequest(ctx.t.db, id))?.state.status).toBe("IN_REVIEW");

    await decideByLink(ctx.t.db, { token: approve });
    expect((await loadRequest(ctx.t.db, id))?.state.status).toBe("APPROVED");
    const approved = await ctx.t.db.auditEvent.findFirstOrThrow({
      where: { requestId: id, action: "APPROVED" },
    });
    expect(approved).toMatchObject({ actorId: ctx.w.managerEng.id, data: { via: "email_link" } });
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });

    // The same link again: the request moved on, so it decides nothing.
    expect(await refusal(decideByLink(ctx.t.db, { token: approve }))).toMatchObject({
      code: "LINK_STALE",
    });
  });

  it("reject needs the reason on the confirmation", async () => {
    const id = await submitted("Umbrella stand");
    const { reject } = await linksFor("Umbrella stand");
    const missing = await refusal(decideByLink(ctx.t.db, { token: reject }));
    expect(missing.code).toBe("REASON_REQUIRED");
    expect(missing.issues.map((i) => i.field)).toEqual(["reason"]);
    await decideByLink(ctx.t.db, { token: reject, reason: "We have one in storage" });
    expect((await loadRequest(ctx.t.db, id))?.state.status).toBe("REJECTED");
  });

  it("goes stale when the request changed after the mail", async () => {
    const id = await submitted("Coat hooks");
    const { approve, reject } = await linksFor("Coat hooks");
    await decideByLink(ctx.t.db, { token: reject, reason: "Not this quarter" });
    expect(await refusal(previewLink(ctx.t.db, approve))).toMatchObject({ code: "LINK_STALE" });
    expect((await loadRequest(ctx.t.db, id))?.state.status).toBe("REJECTED");
  });

  it("refuses a link that expired with its step, was altered, or names someone deactivated", async () => {
    const id = await submitted("Door stop");
    const loaded = await loadRequest(ctx.t.db, id);
    const claims = {
      sub: ctx.w.managerEng.id,
      rid: id,
      vid: loaded?.state.step?.visitId as string,
      ver: loaded?.version as number,
      dec: "approve" as const,
    };
    const expired = await signDecisionLink(claims, new Date(Date.now() - 60_000));
    expect(await refusal(previewLink(ctx.t.db, expired))).toMatchObject({ code: "LINK_EXPIRED" });

    const valid = await signDecisionLink(claims, new Date(Date.now() + 3_600_000));
    const [head, body, signature] = valid.split(".");
    const forged = `${head}.${body}.${signature?.slice(0, -4)}AAAA`;
    expect(await refusal(decideByLink(ctx.t.db, { token: forged }))).toMatchObject({
      code: "LINK_INVALID",
    });
    expect(await refusal(decideByLink(ctx.t.db, { token: "not-a-token" }))).toMatchObject({
      code: "LINK_INVALID",
    });

    await ctx.t.db.user.update({ where: { id: ctx.w.managerEng.id }, data: { active: false } });
    try {
      expect(await refusal(decideByLink(ctx.t.db, { token: valid }))).toMatchObject({
        code: "LINK_INVALID",
      });
    } finally {
      await ctx.t.db.user.update({ where: { id: ctx.w.managerEng.id }, data: { active: true } });
    }
    expect((await loadRequest(ctx.t.db, id))?.state.status).toBe("IN_REVIEW");
  });

  it("cannot be used by someone the step does not wait for", async () => {
    const id = await submitted("Key cabinet");
    const loaded = await loadRequest(ctx.t.db, id);
    // A link signed for the other department's manager (as if mailed to them by mistake).
    const token = await signDecisionLink(
      {
        sub: ctx.w.managerOps.id,
        rid: id,
        vid: loaded?.state.step?.visitId as string,
        ver: loaded?.version as number,
        dec: "approve",
      },
      new Date(Date.now() + 3_600_000),
    );
    // The request is not on their path: to them it does not exist.
    expect(await refusal(decideByLink(ctx.t.db, { token }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
