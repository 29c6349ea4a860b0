/**
 * A production database nobody has an account on: the first-run set-up creates the first
 * administrator exactly once (two racing set-ups: one wins), asks for FLOWGATE_SETUP_TOKEN when
 * the server has one, and `npm run db:seed` never puts the demo accounts there.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStream } from "@/lib/db/audit";
import { userStream } from "@/lib/db/people-audit";
import { completeSetup, needsSetup } from "@/lib/services/first-run-setup";
import { createTestDatabase, type TestDatabase } from "./database";
import { errorOf } from "./world";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const admin = (n: number) => ({
  name: `First Admin ${n}`,
  email: `first${n}@setup.test`,
  password: "a first admin password",
  confirm: "a first admin password",
});

describe("first-run set-up", () => {
  it("refuses bad input and a wrong token, then creates exactly one administrator of two racing", async () => {
    expect(await needsSetup(t.db)).toBe(true);
    const bad = await errorOf(
      completeSetup(t.db, { ...admin(0), email: "nope", confirm: "other" }),
    );
    expect(bad.issues?.map((i) => i.field).sort()).toEqual(["confirm", "email"]);
    const env = { FLOWGATE_SETUP_TOKEN: "s3cret-token" };
    const wrong = await errorOf(
      completeSetup(t.db, { ...admin(0), token: "guess" }, new Date(), env),
    );
    expect(wrong.issues?.[0]?.field).toBe("token");
    expect(await needsSetup(t.db)).toBe(true);

    const results = await Promise.allSettled([
      completeSetup(t.db, { ...admin(1), token: "s3cret-token" }, new Date(), env),
      completeSetup(t.db, { ...admin(2), token: "s3cret-token" }, new Date(), env),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "INVALID_STATE" });
    const users = await t.db.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]?.roles.sort()).toEqual(["ADMIN", "REQUESTER"]);
    expect(await needsSetup(t.db)).toBe(false);
    const events = await readStream(t.db, userStream(users[0]?.id as string));
    expect(events).toMatchObject([{ action: "USER_CREATED", data: { how: "setup" } }]);
    // Afterwards set-up is closed, whatever is sent.
    expect((await errorOf(completeSetup(t.db, admin(3)))).code).toBe("INVALID_STATE");
  });

  it("never seeds the demo accounts on a database given by DATABASE_URL", async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/db.ts", "seed"], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: t.url },
      });
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("close", (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/only seeded into the embedded development database/);
    expect(await t.db.user.count({ where: { email: { endsWith: "@example.com" } } })).toBe(0);
  });
});
