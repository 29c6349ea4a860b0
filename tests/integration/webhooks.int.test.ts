/**
 * Outbound webhooks on the real job runtime to a real HTTP receiver: the events of a request's
 * life reach a subscriber, signed so that the Standard Webhooks library verifies them; a receiver
 * that fails is retried until it answers 2xx, with each attempt on the delivery log; a
 * redelivery carries the same webhook-id; nothing is queued while no subscription is active.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { cancelRequest } from "@/lib/services/cancel-request";
import { createRequest } from "@/lib/services/create-request";
import { decideStep } from "@/lib/services/decide-step";
import { createWebhook, redeliverWebhook, setWebhookActive } from "@/lib/services/webhooks-admin";
import { WEBHOOK_ACTIONS } from "@/lib/webhooks/events";
import { startJobWorker } from "./job-worker";
import { createUserAs, setupWorld } from "./world";

const ctx = setupWorld();

interface Received {
  headers: Record<string, string>;
  body: string;
  type: string;
  requestId: string;
}

let server: Server;
let url = "";
const received: Received[] = [];
const waiters: { test: (r: Received[]) => boolean; resolve: () => void }[] = [];
/** How the receiver answers the next call for each event type (default 204). */
const failNext = new Map<string, number>();
let worker: { stop(): Promise<void> };

function until(test: (r: Received[]) => boolean, what: string, ms = 30_000): Promise<void> {
  if (test(received)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    waiters.push({
      test,
      resolve: () => {
        clearTimeout(timer);
        resolve();
      },
    });
  });
}

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "true";
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const parsed = JSON.parse(body) as { type: string; data: { request: { id: string } } };
      const failures = failNext.get(parsed.type) ?? 0;
      if (failures > 0) {
        failNext.set(parsed.type, failures - 1);
        res.writeHead(503).end("busy");
        return;
      }
      received.push({
        headers: req.headers as Record<string, string>,
        body,
        type: parsed.type,
        requestId: parsed.data.request.id,
      });
      res.writeHead(204).end();
      for (const waiter of waiters.splice(0)) {
        if (waiter.test(received)) waiter.resolve();
        else waiters.push(waiter);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  worker = await startJobWorker(ctx.t.db, ctx.t.url);
});

afterAll(async () => {
  await worker?.stop();
  await new Promise((resolve) => server?.close(resolve));
  delete process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS;
});

/** Polls `read` until `test` holds (the worker records an attempt after the receiver answered). */
async function eventually<T>(
  read: () => Promise<T>,
  test: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const admin = async () =>
  createUserAs(ctx.t.db, `admin.${crypto.randomUUID()}@w.test`, ["ADMIN"], null);

async function submittedChairs() {
  return (
    await createRequest(ctx.t.db, ctx.w.requester, {
      text: "12 ergonomic chairs for Berlin, EUR 14,280.",
      type: "PROCUREMENT",
      fields: { amount: 14_280, currency: "EUR" },
      intent: "submit",
    })
  ).id;
}

async function fanOutJobs(): Promise<number> {
  const { rows } = await poolOf(ctx.t.db).query<{ n: number }>(
    `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'webhooks:fanout'`,
  );
  return rows[0]?.n ?? 0;
}

describe("outbound webhooks", () => {
  it("lists the same actions in the database trigger as in the code", async () => {
    const sql = await readFile(
      path.join(import.meta.dirname, "../../prisma/migrations/20261203090000_api/migration.sql"),
      "utf8",
    );
    const list = /n\.action IN \(([^)]*)\)/.exec(sql)?.[1] ?? "";
    const actions = [...list.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(actions.sort()).toEqual([...WEBHOOK_ACTIONS].sort());
  });

  it("queues nothing while no subscription is active", async () => {
    const before = await fanOutJobs();
    await submittedChairs();
    expect(await fanOutJobs()).toBe(before);
  });

  it("delivers a request's events, signed, and retries a receiver that fails", async () => {
    const { id } = await createWebhook(ctx.t.db, await admin(), {
      url,
      events: ["request.submitted", "step.started", "step.approved", "request.approved"],
      description: "ERP",
    });
    const secret = (await ctx.t.db.webhookSubscription.findUniqueOrThrow({ where: { id } })).secret;
    failNext.set("request.submitted", 1); // the first attempt fails: it is retried

    const requestId = await submittedChairs();
    for (const approver of [ctx.w.managerEng, ctx.w.finance, ctx.w.director]) {
      await decideStep(ctx.t.db, approver, requestId, { decision: "approve" });
    }
    await until(
      (r) =>
        r.some((x) => x.requestId === requestId && x.type === "request.approved") &&
        r.some((x) => x.requestId === requestId && x.type === "request.submitted"),
      "the approval and the retried submission",
    );
    const mine = received.filter((r) => r.requestId === requestId);
    expect(mine.filter((r) => r.type === "step.approved")).toHaveLength(3);
    expect(mine.filter((r) => r.type === "step.started")).toHaveLength(3);
    const verifier = new Webhook(secret);
    for (const delivery of mine) {
      expect(() => verifier.verify(delivery.body, delivery.headers)).not.toThrow();
    }
    // A tampered body fails verification.
    const first = mine[0] as Received;
    expect(() =>
      verifier.verify(first.body.replace("PROCUREMENT", "GENERAL"), first.headers),
    ).toThrow();

    const submitted = await eventually(
      () =>
        ctx.t.db.webhookDelivery.findFirstOrThrow({
          where: {
            subscriptionId: id,
            eventType: "request.submitted",
            payload: { path: ["data", "request", "id"], equals: requestId },
          },
        }),
      (d) => d.status === "DELIVERED",
      "the submission's delivery",
    );
    expect(submitted).toMatchObject({
      status: "DELIVERED",
      attempts: 2,
      lastStatusCode: 204,
    });
  });

  it("redelivers with the same webhook-id; only administrators subscribe or pause", async () => {
    const { id } = await createWebhook(ctx.t.db, await admin(), {
      url,
      events: ["request.cancelled"],
    });
    const requestId = await submittedChairs();
    await cancelRequest(ctx.t.db, ctx.w.requester, requestId, { reason: "not needed" });
    await until(
      (r) => r.some((x) => x.requestId === requestId && x.type === "request.cancelled"),
      "the cancellation",
    );
    const delivery = await eventually(
      () => ctx.t.db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: id } }),
      (d) => d.status === "DELIVERED",
      "the cancellation's delivery",
    );
    const cancellations = () =>
      received.filter((x) => x.requestId === requestId && x.type === "request.cancelled");
    const count = () => cancellations().length;
    await redeliverWebhook(ctx.t.db, await admin(), delivery.id);
    await until(() => count() === 2, "the redelivery");
    const ids = cancellations().map((x) => x.headers["webhook-id"]);
    expect(ids[0]).toBe(delivery.eventId);
    expect(ids[1]).toBe(delivery.eventId);

    await setWebhookActive(ctx.t.db, await admin(), id, false);
    expect(
      await createWebhook(ctx.t.db, ctx.w.requester, { url, events: ["request.cancelled"] }).catch(
        (e) => e.code,
      ),
    ).toBe("FORBIDDEN");
  });

  it("refuses a subscription to a private address unless allowed", async () => {
    delete process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS;
    try {
      const error = await createWebhook(ctx.t.db, await admin(), {
        url: "http://169.254.169.254/latest/meta-data",
        events: ["request.approved"],
      }).catch((e) => e);
      expect(error).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ field: "url" }] });
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "true";
    }
  });
});
