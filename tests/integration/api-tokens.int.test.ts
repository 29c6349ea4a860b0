/**
 * The token read of every API call, as calls that arrive together share it (lib/db/grouped-read.ts):
 * each caller's answer is judged at its own instant and for its own token.
 */
import { describe, expect, it } from "vitest";
import { parseToken } from "@/lib/api/tokens";
import { liveToken } from "@/lib/db/api-tokens";
import { createApiToken } from "@/lib/services/create-api-token";
import { createDelegation } from "@/lib/services/create-delegation";
import { setupWorld } from "./world";

const ctx = setupWorld();
const DAY = 86_400_000;
const NOW = new Date("2031-03-03T09:00:00Z");
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

async function tokenId(user = ctx.w.hr, expiresIn = "30") {
  const { token } = await createApiToken(
    ctx.t.db,
    user,
    { name: "grouped", scopes: ["read"], expiresIn },
    NOW,
  );
  return parseToken(token)?.id as string;
}

describe("liveToken, read together", () => {
  it("answers each concurrent call for its own token at its own instant", async () => {
    const hr = await tokenId(ctx.w.hr, "30");
    const support = await tokenId(ctx.w.support, "7");
    // Finance is away on days 2–4 (UTC dates) and HR stands in.
    await createDelegation(
      ctx.t.db,
      ctx.w.finance,
      {
        delegateEmail: "HR@w.test",
        from: at(2).toISOString().slice(0, 10),
        to: at(4).toISOString().slice(0, 10),
      },
      NOW,
    );
    const calls: [string, Date][] = [
      [hr, at(0)],
      [support, at(1)],
      [hr, at(3)], // standing in for Finance
      [support, at(8)], // expired after 7 days
      ["00000000-0000-4000-8000-000000000000", at(0)], // no such token
      [hr, at(31)], // expired after 30 days
      [hr, at(5)], // the delegation is over
    ];
    const answers = await Promise.all(calls.map(([id, now]) => liveToken(ctx.t.db, id, now)));
    expect(answers.map((a) => a?.user.email ?? null)).toEqual([
      "hr@w.test",
      "support@w.test",
      "hr@w.test",
      null,
      null,
      null,
      "hr@w.test",
    ]);
    expect(answers.map((a) => a?.standingInFor.map((p) => p.id) ?? null)).toEqual([
      [],
      [],
      [ctx.w.finance.id],
      null,
      null,
      null,
      [],
    ]);
  });
});
