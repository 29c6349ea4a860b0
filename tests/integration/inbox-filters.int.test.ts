/**
 * The inbox's search and "overdue only" (server-side, so they reach past the first page), its
 * counts (every queue, overdue at a given time), and the home page built on them (issue 14).
 */
import { describe, expect, it } from "vitest";
import { inboxCounts, inboxPage } from "@/lib/db/inbox";
import { AppError } from "@/lib/errors";
import type { ServiceActor } from "@/lib/services/actor";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { homeFor } from "@/lib/services/home";
import { inboxFor } from "@/lib/services/inbox";
import { submitRequest } from "@/lib/services/submit-request";
import { createUserAs, setupWorld } from "./world";

const ctx = setupWorld();
const T0 = new Date("2031-03-02T09:00:00.000Z");
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const inboxUser = (a: ServiceActor) => ({
  id: a.id,
  roles: a.roles,
  departmentId: a.department?.id ?? null,
});

async function leave(actor: ServiceActor, title: string, submittedAt: Date) {
  const draft = await createDraft(
    ctx.t.db,
    actor,
    { type: "LEAVE", title, description: "Two days off", fields: { days: 2 } },
    submittedAt,
  );
  await submitRequest(ctx.t.db, actor, draft.id, { now: submittedAt });
  return draft;
}

describe("inbox filters and counts", () => {
  it("finds by words of the title or the FG-number, treating LIKE's wildcards as text", async () => {
    const dept = await ctx.t.db.department.create({ data: { code: "SRCH", name: "Search" } });
    const requester = await createUserAs(ctx.t.db, "r@search.test", ["REQUESTER"], dept.id);
    const manager = await createUserAs(ctx.t.db, "m@search.test", ["MANAGER"], dept.id);
    const a = await leave(requester, "Berlin offsite", at(0));
    await leave(requester, "Lisbon offsite", at(1));
    await leave(requester, "100% remote week", at(2));
    const number = (await ctx.t.db.request.findUniqueOrThrow({ where: { id: a.id } })).number;
    const titles = async (q: string) =>
      (await inboxPage(ctx.t.db, inboxUser(manager), { q })).items.map((i) => i.title).sort();
    expect(await titles("offsite")).toEqual(["Berlin offsite", "Lisbon offsite"]);
    expect(await titles("BERLIN")).toEqual(["Berlin offsite"]);
    expect(await titles(`FG-${number}`)).toEqual(["Berlin offsite"]);
    expect(await titles("100%")).toEqual(["100% remote week"]);
    expect(await titles("%")).toEqual(["100% remote week"]);
    expect(await titles("_")).toEqual([]);
  });

  it("counts every waiting step and the overdue ones at a given time; 'urgent' lists those", async () => {
    const dept = await ctx.t.db.department.create({ data: { code: "CNT", name: "Count" } });
    const requester = await createUserAs(ctx.t.db, "r@count.test", ["REQUESTER"], dept.id);
    const manager = await createUserAs(ctx.t.db, "m@count.test", ["MANAGER"], dept.id);
    const early = await leave(requester, "early", at(0));
    await leave(requester, "late", at(30 * HOUR));
    const slaHours = (await ctx.t.db.request.findUniqueOrThrow({ where: { id: early.id } }))
      .stepDueAt as Date;
    const between = new Date(slaHours.getTime() + HOUR); // the first is overdue, not the second
    expect(await inboxCounts(ctx.t.db, inboxUser(manager), at(0))).toEqual({
      waiting: 2,
      overdue: 0,
    });
    expect(await inboxCounts(ctx.t.db, inboxUser(manager), between)).toEqual({
      waiting: 2,
      overdue: 1,
    });
    const urgent = await inboxFor(ctx.t.db, manager, { urgent: "1" }, between);
    expect(urgent.items.map((i) => i.title)).toEqual(["early"]);
    await expect(inboxFor(ctx.t.db, manager, { urgent: "yes" }, between)).rejects.toBeInstanceOf(
      AppError,
    );
    await expect(
      inboxFor(ctx.t.db, manager, { q: "x".repeat(101) }, between),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("home counts what waits, open requests and the week's decisions", async () => {
    const dept = await ctx.t.db.department.create({ data: { code: "HOME", name: "Home" } });
    const requester = await createUserAs(ctx.t.db, "r@home.test", ["REQUESTER"], dept.id);
    const manager = await createUserAs(ctx.t.db, "m@home.test", ["REQUESTER", "MANAGER"], dept.id);
    const one = await leave(requester, "one", at(0));
    await leave(requester, "two", at(HOUR));
    const version = (await ctx.t.db.request.findUniqueOrThrow({ where: { id: one.id } })).version;
    await decideStep(ctx.t.db, manager, one.id, { decision: "approve", version }, at(2 * HOUR));

    const managerHome = await homeFor(ctx.t.db, manager, at(3 * HOUR));
    expect(managerHome.waiting).toMatchObject({ count: 1, overdue: 0 });
    expect(managerHome.waiting?.first.map((i) => i.title)).toEqual(["two"]);
    expect(managerHome.decisions.lastWeek).toBe(1);
    expect(managerHome.decisions.recent[0]).toMatchObject({ title: "one", byYou: true });
    // A week later the decision no longer counts for the week.
    expect((await homeFor(ctx.t.db, manager, at(8 * 24 * HOUR))).decisions.lastWeek).toBe(0);

    const requesterHome = await homeFor(ctx.t.db, requester, at(3 * HOUR));
    expect(requesterHome.waiting).toBeNull();
    expect(requesterHome.open).toMatchObject({ count: 1 });
    expect(requesterHome.open?.items.map((i) => i.title)).toEqual(["two"]);
    expect(requesterHome.decisions.recent[0]).toMatchObject({
      title: "one",
      kind: "APPROVE",
      byYou: false,
    });
  });
});
