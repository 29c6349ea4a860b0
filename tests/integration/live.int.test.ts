/**
 * Live updates: every statement that changes a request NOTIFYs at commit, and a process's one
 * LISTEN connection (lib/live/hub.ts) hands each notice to its subscribers, on real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveEvent, LiveHub } from "@/lib/live/hub";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { escalateOverdue } from "@/lib/services/escalate-overdue";
import { submitRequest } from "@/lib/services/submit-request";
import { setupWorld } from "./world";

const ctx = setupWorld();
let hub: LiveHub;
const events: LiveEvent[] = [];
let unsubscribe: () => void;

beforeAll(async () => {
  hub = new LiveHub(ctx.t.url);
  unsubscribe = hub.subscribe((event) => events.push(event));
  // The hub connects in the background; a first notice proves it listens.
  await ctx.t.db.$executeRawUnsafe(`SELECT pg_notify('flowgate_live', '{"r":[],"q":[]}')`);
  const deadline = Date.now() + 10_000;
  while (events.length === 0 && Date.now() < deadline) {
    await ctx.t.db.$executeRawUnsafe(`SELECT pg_notify('flowgate_live', '{"r":[],"q":[]}')`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});
afterAll(async () => {
  unsubscribe?.();
  await hub?.close();
});

async function next(match: (event: LiveEvent) => boolean): Promise<LiveEvent> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = events.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error("no such live event");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function submitted(title: string, at?: Date) {
  const draft = await createDraft(
    ctx.t.db,
    ctx.w.requester,
    { type: "PROCUREMENT", title, description: title, fields: { amount: 14_280, currency: "EUR" } },
    at,
  );
  await submitRequest(ctx.t.db, ctx.w.requester, draft.id, { now: at });
  return draft.id;
}

describe("live updates", () => {
  it("tell of a decision: the request's new version and status, and the queues it left and joined", async () => {
    const id = await submitted("Chairs, live");
    const applied = await decideStep(ctx.t.db, ctx.w.managerEng, id, { decision: "approve" });
    const event = await next(
      (e) =>
        e.kind === "notice" &&
        e.notice.requests.some((r) => r.id === id && r.version === applied.version),
    );
    expect(event.kind === "notice" && event.notice.queues.sort()).toEqual(
      [`FINANCE:`, `MANAGER:${ctx.w.eng}`].sort(),
    );
  });

  it("tell of the sweep's escalations", async () => {
    const id = await submitted("Chairs, overdue", new Date(Date.now() - 30 * 3_600_000));
    await escalateOverdue(ctx.t.db, { now: new Date() });
    const event = await next(
      (e) =>
        e.kind === "notice" &&
        e.notice.requests.some((r) => r.id === id && r.status === "ESCALATED"),
    );
    expect(event.kind === "notice" && event.notice.queues).toEqual(
      expect.arrayContaining([`MANAGER:${ctx.w.eng}`, "DIRECTOR:"]),
    );
  });

  it("replay what a reconnecting client missed, or ask it to resync", async () => {
    const seen = events.at(-1)?.id ?? 0;
    await submitted("Chairs, missed");
    await next((e) => e.id > seen);
    const replayed: LiveEvent[] = [];
    const stop = hub.subscribe((event) => replayed.push(event), seen);
    stop();
    expect(replayed.length).toBeGreaterThan(0);
    expect(replayed.every((e) => e.id > seen)).toBe(true);
    const unknown: LiveEvent[] = [];
    hub.subscribe((event) => unknown.push(event), 999_999)();
    expect(unknown).toEqual([{ id: expect.any(Number), kind: "resync" }]);
  });
});
