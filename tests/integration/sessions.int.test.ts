/**
 * Sessions that end: each sign-in has a row; sign-out, "sign out everywhere else", expiry and any
 * change to the user's active flag, roles, department or password end it on the next read, however
 * the user was changed (a trigger).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sessionUserOf } from "@/lib/auth/session-user";
import { deleteExpiredSessions, liveSession, openSession, revokeSession } from "@/lib/db/sessions";
import { deviceOf, mySessions, signOutEverywhereElse } from "@/lib/services/sessions";
import { createUserAs, setupWorld } from "./world";

const ctx = setupWorld();
const NOW = new Date("2031-05-06T09:00:00Z");
const HOUR = 60 * 60 * 1000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

async function newUser(name: string) {
  return createUserAs(ctx.t.db, `${name}@sessions.test`, ["REQUESTER"], ctx.w.eng);
}
const open = (userId: string, now = NOW) =>
  openSession(ctx.t.db, { userId, maxAgeSeconds: 8 * 3600, userAgent: "curl/8", now });
const reasonOf = async (id: string) =>
  (await ctx.t.db.session.findUniqueOrThrow({ where: { id } })).revokedReason;

describe("a session", () => {
  it("reads its user as the database has them now, until it expires", async () => {
    const user = await newUser("reader");
    const sid = await open(user.id);
    expect(await liveSession(ctx.t.db, sid, at(HOUR))).toMatchObject({
      userId: user.id,
      email: "reader@sessions.test",
      roles: ["REQUESTER"],
      department: { id: ctx.w.eng, code: "ENG", name: "Engineering" },
    });
    // A new name shows at once and does not end the session.
    await ctx.t.db.user.update({ where: { id: user.id }, data: { name: "Renamed" } });
    expect((await liveSession(ctx.t.db, sid, at(HOUR)))?.name).toBe("Renamed");
    expect(await liveSession(ctx.t.db, sid, at(8 * HOUR))).toBeNull();
    expect(await liveSession(ctx.t.db, "00000000-0000-4000-8000-000000000000", NOW)).toBeNull();
  });

  it("gives the cookie's user only when it names that user's live session", async () => {
    const [owner, other] = [await newUser("cookie-owner"), await newUser("cookie-other")];
    const sid = await open(owner.id);
    expect(await sessionUserOf(ctx.t.db, { uid: owner.id, sid }, at(HOUR))).toEqual({
      id: owner.id,
      email: "cookie-owner@sessions.test",
      name: "cookie-owner",
      roles: ["REQUESTER"],
      department: { id: ctx.w.eng, code: "ENG", name: "Engineering" },
      sessionId: sid,
      timeZone: null,
      standingInFor: [],
    });
    // Someone else's session id in a cookie naming this user, or half a cookie: nobody.
    expect(await sessionUserOf(ctx.t.db, { uid: other.id, sid }, at(HOUR))).toBeNull();
    expect(await sessionUserOf(ctx.t.db, { uid: owner.id }, at(HOUR))).toBeNull();
    expect(await sessionUserOf(ctx.t.db, { sid }, at(HOUR))).toBeNull();
    await revokeSession(ctx.t.db, sid, "signed out", at(HOUR));
    expect(await sessionUserOf(ctx.t.db, { uid: owner.id, sid }, at(HOUR))).toBeNull();
  });

  it("brings whom the user stands in for then; reads at the same time share a statement", async () => {
    const [deputy, other] = [await newUser("deputy"), await newUser("deputy-other")];
    const [deputySession, otherSession, revoked] = [
      await open(deputy.id),
      await open(other.id),
      await open(other.id),
    ];
    await revokeSession(ctx.t.db, revoked, "signed out", NOW);
    // The finance approver is away for the first three hours.
    await ctx.t.db.delegation.create({
      data: {
        id: randomUUID(),
        userId: ctx.w.finance.id,
        delegateId: deputy.id,
        startsAt: NOW,
        endsAt: at(3 * HOUR),
        createdAt: NOW,
      },
    });
    // Asked together: one statement answers each by position, the revoked one with nobody.
    const [during, others, gone, after] = await Promise.all([
      liveSession(ctx.t.db, deputySession, at(HOUR)),
      liveSession(ctx.t.db, otherSession, at(HOUR)),
      liveSession(ctx.t.db, revoked, at(HOUR)),
      liveSession(ctx.t.db, deputySession, at(4 * HOUR)),
    ]);
    expect(during?.userId).toBe(deputy.id);
    expect(during?.standingInFor).toEqual([
      {
        id: ctx.w.finance.id,
        name: "finance",
        roles: expect.arrayContaining(["FINANCE"]),
        departmentId: ctx.w.finance.department?.id ?? null,
      },
    ]);
    expect(others).toMatchObject({ userId: other.id, standingInFor: [] });
    expect(gone).toBeNull();
    expect(after).toMatchObject({ userId: deputy.id, standingInFor: [] });
    // An id that is no session id at all is nobody, and does not fail the others read with it.
    const [bad, good] = await Promise.all([
      liveSession(ctx.t.db, "not-a-uuid", at(HOUR)),
      liveSession(ctx.t.db, otherSession, at(HOUR)),
    ]);
    expect(bad).toBeNull();
    expect(good?.userId).toBe(other.id);
  });

  it("writes last_seen_at at most once a minute", async () => {
    const user = await newUser("toucher");
    const sid = await open(user.id);
    const seen = async () =>
      (await ctx.t.db.session.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime();
    await liveSession(ctx.t.db, sid, at(30_000));
    expect(await seen()).toBe(NOW.getTime());
    await liveSession(ctx.t.db, sid, at(90_000));
    expect(await seen()).toBe(NOW.getTime() + 90_000);
  });

  it("ends at sign-out, and only that one", async () => {
    const user = await newUser("signout");
    const [laptop, phone] = [await open(user.id), await open(user.id)];
    await revokeSession(ctx.t.db, laptop, "signed out", NOW);
    expect(await liveSession(ctx.t.db, laptop, NOW)).toBeNull();
    expect(await liveSession(ctx.t.db, phone, NOW)).not.toBeNull();
    expect(await reasonOf(laptop)).toBe("signed out");
  });

  it.each([
    ["deactivated", { active: false }, "deactivated"],
    [
      "given another role",
      { roles: ["REQUESTER", "MANAGER"] as const },
      "roles or department changed",
    ],
    ["moved to another department", "ops", "roles or department changed"],
    ["given a new password", { passwordHash: "new-hash" }, "password changed"],
  ])("ends every session of a user %s, whoever changed them", async (name, change, reason) => {
    const user = await newUser(`changed-${name.replaceAll(" ", "-")}`);
    const sessions = [await open(user.id), await open(user.id)];
    const data = change === "ops" ? { departmentId: ctx.w.ops } : change;
    await ctx.t.db.user.update({
      where: { id: user.id },
      data: data as Parameters<typeof ctx.t.db.user.update>[0]["data"],
    });
    for (const sid of sessions) {
      expect(await liveSession(ctx.t.db, sid, NOW)).toBeNull();
      expect(await reasonOf(sid)).toBe(reason);
    }
    // A new sign-in works again (unless deactivated: the session is not live).
    const fresh = await open(user.id);
    expect((await liveSession(ctx.t.db, fresh, NOW)) !== null).toBe(name !== "deactivated");
  });

  it("is not ended by an update that changes none of those", async () => {
    const user = await newUser("unchanged");
    const sid = await open(user.id);
    await ctx.t.db
      .$executeRaw`UPDATE users SET roles = roles, active = active, email_notifications = false WHERE id = ${user.id}::uuid`;
    expect(await liveSession(ctx.t.db, sid, NOW)).not.toBeNull();
  });
});

describe("a person's sessions", () => {
  it("are listed with this one marked; signing out everywhere else keeps this one", async () => {
    const user = await newUser("many");
    const here = await open(user.id, NOW);
    const others = [await open(user.id, at(1_000)), await open(user.id, at(2_000))];
    const me = { ...user, sessionId: here };
    const listed = await mySessions(ctx.t.db, me, at(3_000));
    expect(listed.map((s) => [s.id, s.current])).toEqual([
      [others[1], false],
      [others[0], false],
      [here, true],
    ]);
    expect(listed[0]?.device).toBe("curl");
    expect(await signOutEverywhereElse(ctx.t.db, me, at(4_000))).toBe(2);
    for (const sid of others) expect(await liveSession(ctx.t.db, sid, at(5_000))).toBeNull();
    expect(await liveSession(ctx.t.db, here, at(5_000))).not.toBeNull();
    expect((await mySessions(ctx.t.db, me, at(5_000))).map((s) => s.id)).toEqual([here]);
    expect(await signOutEverywhereElse(ctx.t.db, me, at(6_000))).toBe(0);
  });

  it("are deleted a day after they expire", async () => {
    const user = await newUser("old");
    const sid = await open(user.id, NOW);
    expect(await deleteExpiredSessions(ctx.t.db, at(8 * HOUR + 23 * HOUR))).toBe(0);
    expect(await deleteExpiredSessions(ctx.t.db, at(8 * HOUR + 25 * HOUR))).toBeGreaterThanOrEqual(
      1,
    );
    expect(await ctx.t.db.session.findUnique({ where: { id: sid } })).toBeNull();
  });
});

describe("deviceOf", () => {
  it.each([
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36",
      "Chrome on Linux",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15",
      "Safari on macOS",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
      "Firefox on Windows",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120 Safari/537.36 Edg/120",
      "Edge on Windows",
    ],
    ["something else", "A browser"],
  ])("names %s", (ua, expected) => {
    expect(deviceOf(ua)).toBe(expected);
  });
});
