import { describe, expect, it } from "vitest";
import { inboxPage } from "@/lib/db/inbox";
import type { ServiceActor } from "@/lib/services/actor";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { submitRequest } from "@/lib/services/submit-request";
import { createUserAs, setupWorld } from "./world";

const ctx = setupWorld();

const T0 = new Date("2026-11-02T09:00:00.000Z");
const asInboxUser = (a: ServiceActor) => ({
  id: a.id,
  roles: a.roles,
  departmentId: a.department?.id ?? null,
});

async function submit(
  actor: ServiceActor,
  fields: Record<string, unknown>,
  type: "PROCUREMENT" | "LEAVE" | "SUPPORT",
  minutes: number,
) {
  const at = new Date(T0.getTime() + minutes * 60_000);
  const draft = await createDraft(
    ctx.t.db,
    actor,
    { type, title: `${type} ${minutes}`, description: "x", fields },
    at,
  );
  await submitRequest(ctx.t.db, actor, draft.id, { now: at });
  return draft.id;
}

describe("inbox", () => {
  it("shows only what the user may decide now, soonest due first, page by page", async () => {
    const opsRequester = await createUserAs(
      ctx.t.db,
      "ops.requester@w.test",
      ["REQUESTER"],
      ctx.w.ops,
    );
    const engIds = [];
    for (let i = 0; i < 5; i++)
      engIds.push(await submit(ctx.w.requester, { days: 2 }, "LEAVE", 10 - i));
    const opsId = await submit(opsRequester, { days: 2 }, "LEAVE", 0);
    const own = await submit(ctx.w.managerEng, { days: 1 }, "LEAVE", -5);
    const support = await submit(ctx.w.requester, { severity: 2 }, "SUPPORT", 0);

    const first = await inboxPage(ctx.t.db, asInboxUser(ctx.w.managerEng), { limit: 3 });
    const second = await inboxPage(ctx.t.db, asInboxUser(ctx.w.managerEng), {
      limit: 3,
      cursor: first.nextCursor,
    });
    const seen = [...first.items, ...second.items].map((i) => i.id);
    // Submitted at minutes 10, 9, … 6 with equal SLAs: the last one submitted is due first.
    expect(seen).toEqual([...engIds].reverse());
    expect(seen).not.toContain(opsId);
    expect(seen).not.toContain(own);
    expect(seen).not.toContain(support);
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({
      stepRole: "MANAGER",
      requesterName: "requester",
      departmentName: "Engineering",
    });

    expect(
      (await inboxPage(ctx.t.db, asInboxUser(ctx.w.managerOps))).items.map((i) => i.id),
    ).toEqual([opsId]);
    expect((await inboxPage(ctx.t.db, asInboxUser(ctx.w.support))).items.map((i) => i.id)).toEqual([
      support,
    ]);
    expect((await inboxPage(ctx.t.db, asInboxUser(ctx.w.finance))).items).toEqual([]);
    expect((await inboxPage(ctx.t.db, asInboxUser(ctx.w.requester))).items).toEqual([]);
  });

  it("merges several roles' queues by due time and drops decided steps", async () => {
    const both = await createUserAs(ctx.t.db, "fin.dir@w.test", ["FINANCE", "DIRECTOR"], ctx.w.ops);
    const big = await submit(
      ctx.w.requester,
      { amount: 20_000, currency: "EUR" },
      "PROCUREMENT",
      100,
    );
    const before = (await inboxPage(ctx.t.db, asInboxUser(both))).items.map((i) => i.id);
    expect(before).not.toContain(big);
    await decideStep(
      ctx.t.db,
      ctx.w.managerEng,
      big,
      { decision: "approve" },
      new Date(T0.getTime() + 101 * 60_000),
    );
    const page = await inboxPage(ctx.t.db, asInboxUser(both));
    expect(page.items.map((i) => [i.id, i.stepRole])).toEqual([[big, "FINANCE"]]);
    await decideStep(
      ctx.t.db,
      both,
      big,
      { decision: "approve" },
      new Date(T0.getTime() + 102 * 60_000),
    );
    const after = await inboxPage(ctx.t.db, asInboxUser(both));
    expect(after.items.map((i) => [i.id, i.stepRole])).toEqual([[big, "DIRECTOR"]]);
  });
});
