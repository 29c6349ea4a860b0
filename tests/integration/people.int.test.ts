/**
 * People and roles, as an administrator uses them: invite by mail (a real SMTP catcher, the real
 * job worker), the link that sets a password once, editing roles and department (sessions end),
 * deactivating (sign-in refused, sessions end), the last administrator kept, departments — every
 * change on the person's audit stream, verified; and bad input named at its field, changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/credentials";
import { createSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { readStream } from "@/lib/db/audit";
import { userStream } from "@/lib/db/people-audit";
import { openSession } from "@/lib/db/sessions";
import { verifyChain } from "@/lib/engine";
import { type MailCatcher, startMailCatcher } from "@/lib/mail/catcher";
import { createDepartment } from "@/lib/services/create-department";
import { invitePerson } from "@/lib/services/invite-person";
import { renameDepartment } from "@/lib/services/rename-department";
import { sendPasswordLink } from "@/lib/services/send-password-link";
import { passwordLinkFor, setPasswordWithLink } from "@/lib/services/set-password";
import { setPersonActive } from "@/lib/services/set-person-active";
import { updatePerson } from "@/lib/services/update-person";
import { verifyAllAuditTrails } from "@/lib/services/verify-audit-trail";
import { startJobWorker } from "./job-worker";
import { createUserAs, errorOf, setupWorld } from "./world";

const ctx = setupWorld();
let catcher: MailCatcher;
let worker: Awaited<ReturnType<typeof startJobWorker>>;
let admin: Awaited<ReturnType<typeof createUserAs>>;

beforeAll(async () => {
  catcher = await startMailCatcher();
  process.env.SMTP_URL = catcher.smtpUrl;
  process.env.APP_URL = "https://flowgate.test";
  process.env.AUTH_SECRET = "test-secret-for-people-0123456789abcdef";
  worker = await startJobWorker(ctx.t.db, ctx.t.url, { poolSize: 1 });
  admin = await createUserAs(ctx.t.db, "ada@people.test", ["REQUESTER", "ADMIN"], ctx.w.ops);
});
afterAll(async () => {
  await worker?.stop();
  await catcher?.stop();
  for (const name of ["SMTP_URL", "APP_URL", "AUTH_SECRET"]) delete process.env[name];
});

const signIn = async (email: string, password: string) => {
  const result = await authenticate(
    ctx.t.db,
    createSignInThrottle(
      ctx.t.db,
      { maxFailuresPerAddress: 100, maxFailuresPerAccount: 100, blockMinutes: 15 },
      false,
    ),
    { email, password },
    "10.0.0.2",
  );
  return result.ok ? result.user : null;
};

async function linkMailedTo(email: string, after = 0): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = catcher.messages().filter((m) => m.to.includes(email));
    const token = mails[after]?.text.match(/Set your password: \S+\/set-password\/(\S+)/)?.[1];
    if (token) return token;
    if (Date.now() > deadline) throw new Error(`no password link mailed to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const actions = async (userId: string) =>
  (await readStream(ctx.t.db, userStream(userId))).map((e) => e.action);

describe("inviting a person", () => {
  it("creates them without a password, mails a link that sets one once, and audits each step", async () => {
    const { id, link } = await invitePerson(ctx.t.db, admin, {
      email: "Nina.New@People.test",
      name: "Nina New",
      roles: ["REQUESTER", "FINANCE"],
      departmentId: ctx.w.eng,
    });
    expect(link).toBeNull(); // mailed, not shown
    expect(await signIn("nina.new@people.test", "")).toBeNull();
    const token = await linkMailedTo("nina.new@people.test");
    expect(await passwordLinkFor(ctx.t.db, token)).toMatchObject({
      name: "Nina New",
      purpose: "invite",
    });

    const short = await errorOf(
      setPasswordWithLink(ctx.t.db, token, { password: "short", confirm: "short" }),
    );
    expect(short).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ field: "password" }] });
    const differ = await errorOf(
      setPasswordWithLink(ctx.t.db, token, {
        password: "a long password 1",
        confirm: "a long password 2",
      }),
    );
    expect(differ.issues?.map((i) => i.field)).toEqual(["confirm"]);

    await setPasswordWithLink(ctx.t.db, token, {
      password: "nina's long password",
      confirm: "nina's long password",
    });
    expect(await signIn("nina.new@people.test", "nina's long password")).toMatchObject({
      email: expect.any(String),
    });
    // The link worked once.
    expect((await errorOf(passwordLinkFor(ctx.t.db, token))).code).toBe("LINK_STALE");
    expect(
      (
        await errorOf(
          setPasswordWithLink(ctx.t.db, token, {
            password: "another long one",
            confirm: "another long one",
          }),
        )
      ).code,
    ).toBe("LINK_STALE");
    expect(await actions(id)).toEqual(["USER_CREATED", "PASSWORD_LINK_SENT", "PASSWORD_SET"]);
    const events = await readStream(ctx.t.db, userStream(id));
    expect(verifyChain(events).ok).toBe(true);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      data: { how: "invite", roles: ["REQUESTER", "FINANCE"] },
    });
    expect(events[2]).toMatchObject({ actorId: id });
  });

  it("refuses a taken email, a bad role or department, forged and expired links — nothing written", async () => {
    const before = await ctx.t.db.user.count();
    const taken = await errorOf(
      invitePerson(ctx.t.db, admin, {
        email: "ADA@people.test",
        name: "Ada Again",
        roles: [],
        departmentId: "",
      }),
    );
    expect(taken).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ field: "email" }] });
    const bad = await errorOf(
      invitePerson(ctx.t.db, admin, {
        email: "not-an-email",
        name: "X",
        roles: ["KING"],
        departmentId: "nope",
      }),
    );
    expect(bad.issues?.map((i) => i.field).sort()).toEqual([
      "departmentId",
      "email",
      "name",
      "roles.0",
    ]);
    const ghostDepartment = await errorOf(
      invitePerson(ctx.t.db, admin, {
        email: "ghost@people.test",
        name: "Ghost",
        roles: [],
        departmentId: "00000000-0000-4000-8000-000000000000",
      }),
    );
    expect(ghostDepartment.issues).toEqual([
      { field: "departmentId", message: "There is no such department." },
    ]);
    expect(
      (
        await errorOf(
          invitePerson(ctx.t.db, ctx.w.finance, {
            email: "x@y.test",
            name: "X Y",
            roles: [],
            departmentId: "",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(await ctx.t.db.user.count()).toBe(before);

    expect((await errorOf(passwordLinkFor(ctx.t.db, "eyJhbGciOiJub25lIn0.e30."))).code).toBe(
      "LINK_INVALID",
    );
    const { id } = await invitePerson(ctx.t.db, admin, {
      email: "late@people.test",
      name: "Late Larry",
      roles: [],
      departmentId: "",
    });
    const token = await linkMailedTo("late@people.test");
    const eightDaysOn = new Date(Date.now() + 8 * 86_400_000);
    expect((await errorOf(passwordLinkFor(ctx.t.db, token, eightDaysOn))).code).toBe(
      "LINK_EXPIRED",
    );
    // An administrator sends a fresh one; it works.
    await sendPasswordLink(ctx.t.db, admin, id);
    const fresh = await linkMailedTo("late@people.test", 1);
    await setPasswordWithLink(ctx.t.db, fresh, {
      password: "finally a password",
      confirm: "finally a password",
    });
    expect(await signIn("late@people.test", "finally a password")).toMatchObject({
      email: expect.any(String),
    });
  });
});

describe("changing a person", () => {
  it("edits roles and department, ends their sessions, refuses a stale form, and audits the change", async () => {
    const person = await createUserAs(ctx.t.db, "paul@people.test", ["REQUESTER"], ctx.w.eng);
    const session = await openSession(ctx.t.db, {
      userId: person.id,
      maxAgeSeconds: 3600,
      now: new Date(),
    });
    const row = await ctx.t.db.user.findUniqueOrThrow({ where: { id: person.id } });
    await updatePerson(ctx.t.db, admin, person.id, {
      name: "Paul Person",
      roles: ["REQUESTER", "MANAGER"],
      departmentId: ctx.w.ops,
      seen: row.updatedAt.toISOString(),
    });
    const after = await ctx.t.db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after).toMatchObject({
      name: "Paul Person",
      roles: ["REQUESTER", "MANAGER"],
      departmentId: ctx.w.ops,
    });
    const revoked = await ctx.t.db.session.findUniqueOrThrow({ where: { id: session } });
    expect(revoked.revokedAt).not.toBeNull();
    const [, changed] = await readStream(ctx.t.db, userStream(person.id)).then((e) => [
      null,
      e.at(-1),
    ]);
    expect(changed).toMatchObject({
      action: "USER_UPDATED",
      actorId: admin.id,
      data: {
        name: { from: "paul", to: "Paul Person" },
        roles: { from: ["REQUESTER"], to: ["MANAGER", "REQUESTER"] },
        departmentId: { from: ctx.w.eng, to: ctx.w.ops },
      },
    });
    // The form as it was before that change: refused, nothing overwritten.
    const stale = await errorOf(
      updatePerson(ctx.t.db, admin, person.id, {
        name: "Someone Else",
        roles: [],
        departmentId: "",
        seen: row.updatedAt.toISOString(),
      }),
    );
    expect(stale.code).toBe("VERSION_CONFLICT");
    expect((await ctx.t.db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe(
      "Paul Person",
    );
  });

  it("deactivates (sign-in refused, sessions ended) and reactivates; never oneself or the last admin", async () => {
    const person = await createUserAs(ctx.t.db, "dora@people.test", ["REQUESTER"], null);
    const { hashPassword } = await import("@/lib/auth/password");
    await ctx.t.db.user.update({
      where: { id: person.id },
      data: { passwordHash: await hashPassword("dora's password!") },
    });
    const session = await openSession(ctx.t.db, {
      userId: person.id,
      maxAgeSeconds: 3600,
      now: new Date(),
    });
    await setPersonActive(ctx.t.db, admin, person.id, false, { reason: "Left the company" });
    expect(await signIn("dora@people.test", "dora's password!")).toBeNull();
    expect(
      (await ctx.t.db.session.findUniqueOrThrow({ where: { id: session } })).revokedAt,
    ).not.toBeNull();
    await setPersonActive(ctx.t.db, admin, person.id, true);
    expect(await signIn("dora@people.test", "dora's password!")).toMatchObject({
      email: "dora@people.test",
    });
    expect((await actions(person.id)).slice(-2)).toEqual(["USER_DEACTIVATED", "USER_REACTIVATED"]);

    const self = await errorOf(setPersonActive(ctx.t.db, admin, admin.id, false));
    expect(self.issues).toEqual([{ field: "active", message: "You cannot deactivate yourself." }]);
    // Two admins: one may demote the other, but not the last one standing.
    const other = await createUserAs(ctx.t.db, "otto@people.test", ["REQUESTER", "ADMIN"], null);
    const otherRow = await ctx.t.db.user.findUniqueOrThrow({ where: { id: other.id } });
    await updatePerson(ctx.t.db, admin, other.id, {
      name: otherRow.name,
      roles: ["REQUESTER"],
      departmentId: "",
      seen: otherRow.updatedAt.toISOString(),
    });
    const adminRow = await ctx.t.db.user.findUniqueOrThrow({ where: { id: admin.id } });
    const last = await errorOf(
      updatePerson(ctx.t.db, admin, admin.id, {
        name: adminRow.name,
        roles: ["REQUESTER"],
        departmentId: adminRow.departmentId ?? "",
        seen: adminRow.updatedAt.toISOString(),
      }),
    );
    expect(last.issues?.[0]?.field).toBe("roles");
    expect((await ctx.t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toContain(
      "ADMIN",
    );
  });
});

describe("departments", () => {
  it("adds and renames them, refuses duplicates and bad codes, and audits both", async () => {
    const { id } = await createDepartment(ctx.t.db, admin, { code: "legal", name: "Legal" });
    expect(await ctx.t.db.department.findUniqueOrThrow({ where: { id } })).toMatchObject({
      code: "LEGAL",
    });
    const duplicate = await errorOf(
      createDepartment(ctx.t.db, admin, { code: "LEGAL", name: "Legal 2" }),
    );
    expect(duplicate.issues?.[0]?.field).toBe("code");
    const badCode = await errorOf(
      createDepartment(ctx.t.db, admin, { code: "1 bad", name: "Bad" }),
    );
    expect(badCode.issues?.[0]?.field).toBe("code");
    await renameDepartment(ctx.t.db, admin, id, { name: "Legal & Compliance" });
    const events = await readStream(ctx.t.db, `department:${id}`);
    expect(events.map((e) => e.action)).toEqual(["DEPARTMENT_CREATED", "DEPARTMENT_RENAMED"]);
    expect(events[1]?.data).toEqual({ name: { from: "Legal", to: "Legal & Compliance" } });
    expect((await errorOf(renameDepartment(ctx.t.db, admin, "nope", { name: "X Y" }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("verification of people's streams", () => {
  it("verifies them with the requests', and names one that was changed", async () => {
    const clean = await verifyAllAuditTrails(ctx.t.db);
    expect(clean.broken).toEqual([]);
    const person = await createUserAs(ctx.t.db, "vera@people.test", ["REQUESTER"], null);
    await setPersonActive(ctx.t.db, admin, person.id, false, { reason: "Leaving" });
    await ctx.t.db.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER USER");
    await ctx.t.db.$executeRawUnsafe(
      `UPDATE audit_events SET data = '{"reason":"Promoted"}' WHERE stream = $1`,
      userStream(person.id),
    );
    await ctx.t.db.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER USER");
    const report = await verifyAllAuditTrails(ctx.t.db);
    expect(report.broken).toEqual([
      expect.objectContaining({ stream: userStream(person.id), seq: 1, reason: "hash mismatch" }),
    ]);
  });
});
