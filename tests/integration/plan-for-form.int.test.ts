/**
 * The chain shown to a requester before submitting (issue 14): what the engine would route a
 * request with these field inputs through, with each step's time; why there is none yet.
 */
import { describe, expect, it } from "vitest";
import { planForForm } from "@/lib/services/plan-for-form";
import { setupWorld } from "./world";

const ctx = setupWorld();

const roles = (plan: Awaited<ReturnType<typeof planForForm>>) =>
  plan?.steps.map((s) => [s.role, s.slaHours]);

describe("planForForm", () => {
  it("routes a large purchase through three roles and a small one through the manager", async () => {
    const large = await planForForm(ctx.t.db, "PROCUREMENT", { amount: "14280", currency: "eur" });
    expect(roles(large)).toEqual([
      ["MANAGER", 24],
      ["FINANCE", 48],
      ["DIRECTOR", 72],
    ]);
    expect(large).toMatchObject({ totalHours: 144, problem: null });
    const small = await planForForm(ctx.t.db, "PROCUREMENT", { amount: "900", currency: "EUR" });
    expect(roles(small)).toEqual([["MANAGER", 24]]);
    // The threshold itself is not "over 10,000".
    expect(
      roles(await planForForm(ctx.t.db, "PROCUREMENT", { amount: "10000", currency: "EUR" })),
    ).toEqual([["MANAGER", 24]]);
  });

  it("follows the type: a long leave goes to HR, a severe incident to second-line support first", async () => {
    expect(roles(await planForForm(ctx.t.db, "LEAVE", { days: "5" }))).toEqual([
      ["MANAGER", 24],
      ["HR", 48],
    ]);
    expect(roles(await planForForm(ctx.t.db, "SUPPORT", { severity: "4" }))).toEqual([
      ["SUPPORT_L2", 4],
      ["MANAGER", 8],
    ]);
    // Fields of another type are ignored, as on submission.
    expect(roles(await planForForm(ctx.t.db, "GENERAL", { amount: "99999" }))).toEqual([
      ["MANAGER", 48],
    ]);
  });

  it("says what is missing or wrong instead of guessing a chain", async () => {
    expect(await planForForm(ctx.t.db, "PROCUREMENT", { currency: "EUR" })).toEqual({
      steps: [],
      totalHours: 0,
      problem: "Fill in the amount to see who approves.",
    });
    expect(
      (await planForForm(ctx.t.db, "PROCUREMENT", { amount: "-5", currency: "EUR" }))?.problem,
    ).toBe("Correct the fields above to see who approves.");
    expect((await planForForm(ctx.t.db, "LEAVE", { days: "many" }))?.problem).toMatch(
      /Fill in the days|Correct the fields/,
    );
    expect(await planForForm(ctx.t.db, "NOT_A_TYPE", {})).toBeNull();
  });
});
