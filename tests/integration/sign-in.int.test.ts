import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { createSignInThrottle, MAX_ACCOUNT_GAP_SECONDS } from "@/lib/auth/sign-in-throttle";
import { createTestDatabase, type TestDatabase } from "./database";

const PASSWORD = "correct horse battery staple";

describe("authenticate with throttling (real PostgreSQL)", () => {
  let t: TestDatabase;
  const limits = { maxFailuresPerAddress: 6, maxFailuresPerAccount: 3, blockMinutes: 15 };

  beforeAll(async () => {
    t = await createTestDatabase();
    const department = await t.db.department.create({ data: { code: "ENG", name: "Engineering" } });
    const passwordHash = await hashPassword(PASSWORD);
    await t.db.user.createMany({
      data: [
        {
          email: "ann@example.com",
          name: "Ann",
          passwordHash,
          roles: ["REQUESTER", "FINANCE"],
          departmentId: department.id,
        },
        { email: "ben@example.com", name: "Ben", passwordHash, roles: ["REQUESTER"] },
        {
          email: "gone@example.com",
          name: "Gone",
          passwordHash,
          roles: ["REQUESTER"],
          active: false,
        },
      ],
    });
  });
  afterAll(() => t.drop());
  beforeEach(() => t.db.rateLimit.deleteMany());

  const throttle = () => createSignInThrottle(t.db, limits, false);

  it("signs in with the right password, whatever the email's case, with roles and department", async () => {
    const result = await authenticate(
      t.db,
      throttle(),
      { email: "ANN@example.com", password: PASSWORD },
      "10.1.1.1",
    );
    expect(result).toEqual({
      ok: true,
      user: expect.objectContaining({
        email: "ann@example.com",
        roles: ["REQUESTER", "FINANCE"],
        department: expect.objectContaining({ code: "ENG" }),
      }),
    });
  });

  it("answers a wrong password, an unknown email and a deactivated account identically", async () => {
    const answers = await Promise.all([
      authenticate(t.db, throttle(), { email: "ann@example.com", password: "wrong" }, "10.1.1.2"),
      authenticate(
        t.db,
        throttle(),
        { email: "nobody@example.com", password: PASSWORD },
        "10.1.1.3",
      ),
      authenticate(t.db, throttle(), { email: "gone@example.com", password: PASSWORD }, "10.1.1.4"),
    ]);
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: "invalid" });
  });

  it("pauses an account at the address that keeps failing, not the owner at theirs", async () => {
    const guard = throttle();
    for (let i = 0; i < limits.maxFailuresPerAccount; i++) {
      await authenticate(
        t.db,
        guard,
        { email: "ben@example.com", password: `guess-${i}` },
        "10.2.0.1",
      );
    }
    // The attacker's address is paused for Ben, even with the right password…
    const attacker = await authenticate(
      t.db,
      guard,
      { email: "ben@example.com", password: PASSWORD },
      "10.2.0.1",
    );
    expect(attacker).toMatchObject({ ok: false, reason: "throttled" });
    if (attacker.ok || attacker.reason !== "throttled") throw new Error("expected throttling");
    expect(attacker.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(attacker.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // …Ben at his own address is not locked out.
    const owner = await authenticate(
      t.db,
      guard,
      { email: "ben@example.com", password: PASSWORD },
      "10.2.9.9",
    );
    expect(owner.ok).toBe(true);
  });

  it("slows an account sprayed from many addresses, progressively, never past a minute", async () => {
    const guard = throttle();
    const wrong = (address: string) =>
      authenticate(t.db, guard, { email: "ben@example.com", password: "spray" }, address);
    for (let i = 0; i < limits.maxFailuresPerAccount; i++) await wrong(`10.6.0.${i}`);
    // At the limit the account is not slowed yet; the next failure makes it wait a second.
    expect(await wrong("10.6.1.1")).toEqual({ ok: false, reason: "invalid" });
    const slowed = await wrong("10.6.1.2");
    expect(slowed).toMatchObject({ ok: false, reason: "throttled" });
    if (slowed.ok || slowed.reason !== "throttled") throw new Error("expected throttling");
    expect(slowed.retryAfterSeconds).toBeLessThanOrEqual(1);
    // Each failure that gets through doubles the wait, up to a minute.
    for (let i = 0; i < 5; i++) await guard.recordFailure(`10.6.2.${i}`, "ben@example.com");
    const wait = await guard.admit("10.6.3.1", "ben@example.com");
    // 32 s now (the level before was 16 s), whatever time a busy machine took since.
    expect(wait).toBeGreaterThan(16);
    expect(wait).toBeLessThanOrEqual(32);
    for (let i = 0; i < 20; i++) await guard.recordFailure(`10.6.4.${i}`, "ben@example.com");
    const capped = await authenticate(
      t.db,
      guard,
      { email: "ben@example.com", password: PASSWORD },
      "10.6.5.1",
    );
    if (capped.ok || capped.reason !== "throttled") throw new Error("expected throttling");
    expect(capped.retryAfterSeconds).toBeGreaterThan(32);
    expect(capped.retryAfterSeconds).toBeLessThanOrEqual(MAX_ACCOUNT_GAP_SECONDS);
  });

  it("lets one attempt a second through for a slowed account, however many arrive at once", async () => {
    const guard = throttle();
    for (let i = 0; i < limits.maxFailuresPerAccount; i++) {
      await guard.recordFailure(`10.7.0.${i}`, "ann@example.com");
    }
    const started = Date.now();
    const waits = await Promise.all(
      Array.from({ length: 10 }, (_, i) => guard.admit(`10.7.1.${i}`, "ann@example.com")),
    );
    // One per second: on a machine so busy the ten took longer than a second, one per second begun.
    const seconds = Math.floor((Date.now() - started) / 1000);
    const admitted = waits.filter((w) => w === 0).length;
    expect(admitted).toBeGreaterThanOrEqual(1);
    expect(admitted).toBeLessThanOrEqual(1 + seconds);
    for (const w of waits.filter((w) => w !== 0)) expect(w).toBe(1);
  });

  it("pauses an address that fails against many accounts", async () => {
    const guard = throttle();
    for (let i = 0; i < limits.maxFailuresPerAddress; i++) {
      await authenticate(t.db, guard, { email: `user${i}@example.com`, password: "x" }, "10.3.3.3");
    }
    const blocked = await authenticate(
      t.db,
      guard,
      { email: "ann@example.com", password: PASSWORD },
      "10.3.3.3",
    );
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    const elsewhere = await authenticate(
      t.db,
      guard,
      { email: "ann@example.com", password: PASSWORD },
      "10.3.3.4",
    );
    expect(elsewhere.ok).toBe(true);
  });

  it("clears an account's failures after a successful sign-in", async () => {
    const guard = throttle();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < limits.maxFailuresPerAccount - 1; i++) {
        await authenticate(
          t.db,
          guard,
          { email: "ann@example.com", password: "nope" },
          `10.4.${round}.${i}`,
        );
      }
      const result = await authenticate(
        t.db,
        guard,
        { email: "ann@example.com", password: PASSWORD },
        `10.4.${round}.9`,
      );
      expect(result.ok).toBe(true);
    }
  });

  it("shares the counts between app processes through the database", async () => {
    for (let i = 0; i < limits.maxFailuresPerAccount; i++) {
      await authenticate(t.db, throttle(), { email: "ben@example.com", password: "x" }, "10.5.0.1");
    }
    expect(await throttle().admit("10.5.0.1", "ben@example.com")).toBeGreaterThan(0);
  });
});
