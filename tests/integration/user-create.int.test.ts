/**
 * The first administrator of a production database: `npm run user:create` against DATABASE_URL,
 * with a generated password printed once (or FLOWGATE_NEW_PASSWORD), and one line per problem.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/credentials";
import { createSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { setupWorld } from "./world";

const ctx = setupWorld();
const ROOT = path.resolve(import.meta.dirname, "..", "..");

function userCreate(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/user-create.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: ctx.t.url, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const signIn = (email: string, password: string) =>
  authenticate(
    ctx.t.db,
    createSignInThrottle(
      ctx.t.db,
      { maxFailuresPerAddress: 100, maxFailuresPerAccount: 100, blockMinutes: 15 },
      false,
    ),
    { email, password },
    "10.0.0.1",
  );

describe("npm run user:create", () => {
  it("creates the first admin with a generated password, shown once, that signs in", async () => {
    const { code, stdout, stderr } = await userCreate([
      "--email",
      "Ann.Admin@Example.com",
      "--name",
      "Ann Admin",
      "--admin",
      "--department",
      "eng",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const password = /password \(shown once[^)]*\): (\S+)/.exec(stdout)?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(20);
    const user = await ctx.t.db.user.findUniqueOrThrow({
      where: { email: "ann.admin@example.com" },
      include: { department: true },
    });
    expect(user.roles.sort()).toEqual(["ADMIN", "REQUESTER"]);
    expect(user.department?.code).toBe("ENG");
    expect(await signIn("ann.admin@example.com", password)).toMatchObject({ ok: true });
  });

  it("takes the password from FLOWGATE_NEW_PASSWORD, never from the command line", async () => {
    const { code, stdout } = await userCreate(
      ["--email", "fin@example.com", "--name", "Fin Ance", "--role", "finance"],
      { FLOWGATE_NEW_PASSWORD: "correct horse battery staple" },
    );
    expect(code).toBe(0);
    expect(stdout).not.toContain("password");
    expect(await signIn("fin@example.com", "correct horse battery staple")).toMatchObject({
      ok: true,
    });
  });

  it.each([
    [
      ["--email", "not-an-email", "--name", "X Y", "--admin"],
      "flowgate: email: Enter a valid email address.",
    ],
    [["--email", "a@example.com", "--name", "A B", "--role", "KING"], "flowgate: roles.0:"],
    [
      ["--email", "b@example.com", "--name", "B C", "--admin", "--department", "NOPE"],
      "flowgate: departmentCode: There is no department NOPE.",
    ],
    [["--email", "Ann.Admin@example.com", "--name", "Again", "--admin"], "already has an account"],
    [["--email", "c@example.com", "--name", "C D"], "flowgate: roles: Give at least one role."],
  ])("refuses %j with one line, creating nothing", async (args, message) => {
    const before = await ctx.t.db.user.count();
    const { code, stderr } = await userCreate(args);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
    expect(await ctx.t.db.user.count()).toBe(before);
  });

  it("refuses a short password and unknown options", async () => {
    const short = await userCreate(["--email", "d@example.com", "--name", "D E", "--admin"], {
      FLOWGATE_NEW_PASSWORD: "short",
    });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("at least 12 characters");
    const unknown = await userCreate(["--email", "e@example.com", "--password", "x"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("usage: npm run user:create");
  });
});
