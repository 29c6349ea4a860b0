/**
 * Every service a server action or route handler calls, fed arbitrary input (fast-check): each
 * call either works or is refused with an AppError (a code and a message for people), never any
 * other error, and a refused call changes nothing in the database. Text with NUL, other control
 * characters or unpaired surrogates is refused at its field with a message saying so.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { bulkApprove } from "@/lib/services/bulk-approve";
import { cancelRequest } from "@/lib/services/cancel-request";
import { createDelegation } from "@/lib/services/create-delegation";
import { createDepartment } from "@/lib/services/create-department";
import { createDraftFromText } from "@/lib/services/create-draft-from-text";
import { createRequest } from "@/lib/services/create-request";
import { decideByLink } from "@/lib/services/decide-by-link";
import { decideStep } from "@/lib/services/decide-step";
import { editRequest } from "@/lib/services/edit-request";
import { endDelegation } from "@/lib/services/end-delegation";
import { exportAudit } from "@/lib/services/export-audit";
import { completeSetup } from "@/lib/services/first-run-setup";
import { inboxFor } from "@/lib/services/inbox";
import { invitePerson } from "@/lib/services/invite-person";
import { manageDeadJob } from "@/lib/services/manage-jobs";
import { renameDepartment } from "@/lib/services/rename-department";
import { auditEvent, searchAudit } from "@/lib/services/search-audit";
import { sendPasswordLink } from "@/lib/services/send-password-link";
import { signOutEverywhereElse } from "@/lib/services/sessions";
import { setPasswordWithLink } from "@/lib/services/set-password";
import { setPersonActive } from "@/lib/services/set-person-active";
import { suggestForForm } from "@/lib/services/suggest-for-form";
import { setTaskDone } from "@/lib/services/tasks";
import { updatePerson } from "@/lib/services/update-person";
import { updateSettings } from "@/lib/services/update-settings";
import { createUserAs, localAi, setupWorld } from "./world";

const ctx = setupWorld();
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
let ids: string[] = [];

/** Everything a refused call must leave as it was, as one string. */
async function snapshot(): Promise<string> {
  const { rows } = await poolOf(ctx.t.db).query<{ s: string }>(`
    SELECT concat_ws('|',
      (SELECT md5(coalesce(string_agg(id || ':' || version || ':' || status || ':' || md5(fields::text) || ':' || coalesce(md5(action::text), ''), ',' ORDER BY id), '')) FROM requests),
      (SELECT count(*) FROM audit_events), (SELECT count(*) FROM decisions),
      (SELECT count(*) FROM node_visits), (SELECT count(*) FROM tasks),
      (SELECT count(*) FROM job_actions), (SELECT count(*) FROM sessions WHERE revoked_at IS NULL),
      (SELECT md5(string_agg(id || ':' || email_notifications || ':' || name || ':' || roles::text || ':' ||
                             active || ':' || coalesce(department_id::text, '') || ':' || md5(password_hash),
                             ',' ORDER BY id)) FROM users),
      (SELECT md5(coalesce(string_agg(id || ':' || code || ':' || name, ',' ORDER BY id), '')) FROM departments),
      (SELECT md5(coalesce(string_agg(id || ':' || coalesce(ended_at::text, ''), ',' ORDER BY id), '')) FROM delegations),
      (SELECT count(*) FROM audit_exports)) AS s`);
  return rows[0]?.s ?? "";
}

/** Any UTF-16 text: NUL, controls and lone surrogates included. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.array(fc.integer({ min: 0, max: 0xffff })).map((codes) => String.fromCharCode(...codes)),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udc00y",
    "\u001b[31m",
    "'; DROP TABLE requests; --",
  ),
);
const anyValue = fc.oneof(fc.anything(), anyText, fc.constant(null), fc.constant(undefined));
const anyId = fc.oneof(
  fc.constantFrom(...["00000000-0000-4000-8000-000000000000", "not-an-id", ""]),
  fc.uuid(),
  anyText,
  fc.nat({ max: 10 }).map((i) => ids[i % ids.length] ?? ""),
);

/** Runs `call` on generated input: it works, or it is refused with an AppError and changes nothing. */
async function fuzz<T>(arbitrary: fc.Arbitrary<T>, call: (input: T) => Promise<unknown>) {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const before = await snapshot();
      try {
        await call(input);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        expect(error.message.length).toBeGreaterThan(0);
        expect(await snapshot()).toBe(before);
      }
    }),
    { numRuns: RUNS },
  );
}

beforeAll(async () => {
  const own = await createRequest(
    ctx.t.db,
    ctx.w.requester,
    {
      text: "12 ergonomic chairs for the Berlin office, EUR 14,280",
      type: "PROCUREMENT",
      fields: { amount: 14_280, currency: "EUR" },
      intent: "submit",
    },
    { ai: localAi },
  );
  const draft = await createRequest(
    ctx.t.db,
    ctx.w.requester,
    {
      text: "Two monitors for the new hires, EUR 400",
      type: "PROCUREMENT",
      fields: { amount: 400, currency: "EUR" },
      intent: "save",
    },
    { ai: localAi },
  );
  ids = [own.id, draft.id];
});

describe("services under arbitrary input", () => {
  const people = () => [ctx.w.requester, ctx.w.managerEng, ctx.w.managerOps, ctx.w.finance];
  const person = fc.nat({ max: 3 });

  it("create a request", async () => {
    const input = fc.oneof(
      anyValue,
      fc.record(
        {
          text: anyText,
          title: fc.option(anyText),
          type: anyValue,
          fields: anyValue,
          intent: anyValue,
          action: anyValue,
        },
        { requiredKeys: [] },
      ),
      fc.record({
        text: anyText.map((t) => `Two desks for the office ${t}`),
        type: fc.constant("GENERAL"),
        fields: fc.constant({}),
        intent: fc.constantFrom("save", "submit"),
        action: fc.record({
          tool: fc.constantFrom("send_email", "create_task", "webhook"),
          params: fc.dictionary(anyText, anyValue),
        }),
      }),
    );
    await fuzz(fc.tuple(person, input), ([p, i]) =>
      createRequest(ctx.t.db, people()[p] as never, i, { ai: localAi }),
    );
  });

  it("edit, submit and cancel", async () => {
    const edit = fc.record(
      { type: anyValue, fields: anyValue, version: anyValue, intent: anyValue, action: anyValue },
      { requiredKeys: [] },
    );
    await fuzz(fc.tuple(person, anyId, fc.oneof(anyValue, edit)), ([p, id, i]) =>
      editRequest(ctx.t.db, people()[p] as never, id, i, { ai: localAi }),
    );
    await fuzz(fc.tuple(person, anyId, anyValue, anyValue), ([p, id, reason, version]) =>
      cancelRequest(ctx.t.db, people()[p] as never, id, {
        reason: reason as never,
        version: version as never,
      }),
    );
  });

  it("decide, one by one and in bulk", async () => {
    const decision = fc.record(
      {
        decision: fc.oneof(
          fc.constantFrom("approve", "reject", "request_changes", "escalate"),
          anyText,
        ),
        reason: anyText,
        comment: anyText,
        version: anyValue,
        actionHash: anyValue,
      },
      { requiredKeys: [] },
    );
    await fuzz(fc.tuple(person, anyId, fc.oneof(anyValue, decision)), ([p, id, i]) =>
      decideStep(ctx.t.db, people()[p] as never, id, i),
    );
    const items = fc.record(
      {
        items: fc.oneof(
          anyValue,
          fc.array(
            fc.record({ id: anyId, version: anyValue, actionHash: anyValue }, { requiredKeys: [] }),
            { maxLength: 5 },
          ),
        ),
        comment: anyValue,
      },
      { requiredKeys: [] },
    );
    await fuzz(fc.tuple(person, fc.oneof(anyValue, items)), ([p, i]) =>
      bulkApprove(ctx.t.db, people()[p] as never, i),
    );
  });

  it("suggest, draft from text, inbox, settings, tasks, jobs, links, sessions", async () => {
    await fuzz(anyValue, (i) => suggestForForm(ctx.w.requester, i, new Date(), "UTC"));
    await fuzz(
      fc.oneof(anyValue, fc.record({ text: anyText, title: anyValue }, { requiredKeys: [] })),
      (i) => createDraftFromText(ctx.t.db, ctx.w.requester, i, { ai: localAi }),
    );
    const query = fc.oneof(
      anyValue,
      fc.dictionary(fc.constantFrom("type", "limit", "cursor", "x"), anyText),
    );
    await fuzz(query, (i) => inboxFor(ctx.t.db, ctx.w.managerEng, i));
    await fuzz(anyValue, (i) => updateSettings(ctx.t.db, ctx.w.requester, i));
    await fuzz(fc.oneof(anyValue, fc.record({ taskId: anyId, done: anyValue })), (i) =>
      setTaskDone(ctx.t.db, ctx.w.requester, i),
    );
    const admin = await createUserAs(ctx.t.db, "admin@fuzz.test", ["ADMIN"], null);
    await fuzz(
      fc.oneof(
        anyValue,
        fc.record({ action: fc.constantFrom("retry", "abandon"), jobId: anyText, reason: anyText }),
      ),
      (i) => manageDeadJob(ctx.t.db, admin, i),
    );
    await fuzz(
      fc.oneof(anyValue, fc.record({ token: anyText, reason: anyValue }, { requiredKeys: [] })),
      (i) => decideByLink(ctx.t.db, i),
    );
    await fuzz(anyText, (sessionId) =>
      signOutEverywhereElse(ctx.t.db, { ...ctx.w.requester, sessionId }).then(() => undefined),
    );
  });
});

describe("the admin side under arbitrary input", () => {
  // Links are signed with a key from AUTH_SECRET, which every deployment sets.
  beforeAll(() => {
    process.env.AUTH_SECRET = "fuzz-secret-0123456789abcdef0123456789";
  });
  afterAll(() => {
    delete process.env.AUTH_SECRET;
  });

  it("people, departments, set-up, links, delegation, the audit explorer and exports", async () => {
    const admin = await createUserAs(ctx.t.db, "admin2@fuzz.test", ["REQUESTER", "ADMIN"], null);
    const auditor = { ...admin, email: "admin2@fuzz.test" };
    const userIds = fc.oneof(anyId, fc.constantFrom(ctx.w.finance.id, admin.id));
    const person = fc.record(
      { email: anyText, name: anyText, roles: anyValue, departmentId: anyValue, seen: anyValue },
      { requiredKeys: [] },
    );
    await fuzz(fc.oneof(anyValue, person), (i) => invitePerson(ctx.t.db, admin, i));
    await fuzz(fc.tuple(userIds, fc.oneof(anyValue, person)), ([id, i]) =>
      updatePerson(ctx.t.db, admin, id, i),
    );
    await fuzz(fc.tuple(userIds, fc.boolean(), anyValue), ([id, active, i]) =>
      setPersonActive(ctx.t.db, admin, id, active, i),
    );
    await fuzz(userIds, (id) => sendPasswordLink(ctx.t.db, admin, id));
    await fuzz(fc.tuple(anyText, anyValue), ([token, i]) =>
      setPasswordWithLink(ctx.t.db, token, i),
    );
    await fuzz(fc.oneof(anyValue, fc.record({ code: anyText, name: anyText })), (i) =>
      createDepartment(ctx.t.db, admin, i),
    );
    await fuzz(fc.tuple(anyId, anyValue), ([id, i]) => renameDepartment(ctx.t.db, admin, id, i));
    await fuzz(anyValue, (i) => completeSetup(ctx.t.db, i));
    const delegation = fc.record(
      { delegateEmail: anyText, from: anyText, to: anyText, note: anyValue },
      { requiredKeys: [] },
    );
    await fuzz(fc.oneof(anyValue, delegation), (i) => createDelegation(ctx.t.db, ctx.w.finance, i));
    await fuzz(anyId, (id) => endDelegation(ctx.t.db, ctx.w.finance, id));
    const query = fc.dictionary(
      fc.constantFrom(
        "from",
        "to",
        "actor",
        "action",
        "type",
        "status",
        "department",
        "number",
        "user",
        "q",
        "after",
      ),
      anyText,
    );
    await fuzz(query, (i) => searchAudit(ctx.t.db, auditor, i));
    await fuzz(fc.tuple(anyText, fc.nat()), ([stream, seq]) =>
      auditEvent(ctx.t.db, auditor, stream, seq),
    );
    await fuzz(
      fc.tuple(query, fc.oneof(anyText, fc.constantFrom("csv", "jsonl"))),
      async ([i, format]) => {
        const result = await exportAudit(ctx.t.db, auditor, i, format);
        await result.body.cancel();
      },
    );
  });
});

describe("text people cannot mean", () => {
  it.each([
    ["a NUL", "Two desks\u0000 for the office", /NUL character/],
    ["an escape", "Two desks\u001b for the office", /control character U\+001B/],
    ["a lone surrogate", "Two desks \ud83d for the office", /broken character/],
  ])(
    "is refused at its field: %s in the text, the title, a reason, an action",
    async (_, bad, message) => {
      const before = await snapshot();
      const refusal = async (promise: Promise<unknown>) => {
        const error = await promise.then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        return error as AppError;
      };
      const base = {
        text: "Two desks for the office",
        type: "GENERAL",
        fields: {},
        intent: "save",
      };
      for (const [input, field] of [
        [{ ...base, text: bad }, "text"],
        [{ ...base, title: bad }, "title"],
        [
          {
            ...base,
            action: {
              tool: "send_email",
              params: { to: "a@example.com", subject: bad, body: "x" },
            },
          },
          "action.params.subject",
        ],
        [
          {
            ...base,
            action: {
              tool: "webhook",
              params: { url: "https://example.com", payload: { note: bad } },
            },
          },
          "action.params.payload.note",
        ],
      ] as const) {
        const error = await refusal(
          createRequest(ctx.t.db, ctx.w.requester, input, { ai: localAi }),
        );
        expect(error.code).toBe("VALIDATION_FAILED");
        expect(error.issues.find((i) => i.field === field)?.message, field).toMatch(message);
      }
      const reject = await refusal(
        decideStep(ctx.t.db, ctx.w.managerEng, ids[0] as string, {
          decision: "reject",
          reason: bad,
        }),
      );
      expect(reject.issues[0]).toMatchObject({ field: "reason" });
      expect(reject.issues[0]?.message).toMatch(message);
      const cancel = await refusal(
        cancelRequest(ctx.t.db, ctx.w.requester, ids[0] as string, { reason: bad }),
      );
      expect(cancel.issues[0]).toMatchObject({ field: "reason" });
      // Another person: the fuzz above used up the requester's suggestions for this minute.
      const suggest = await refusal(suggestForForm(ctx.w.hr, bad, new Date(), "UTC"));
      expect(suggest.issues[0]?.message).toMatch(message);
      expect(await snapshot()).toBe(before);
    },
  );

  it("an inbox cursor at a date PostgreSQL cannot hold is a 400 naming the cursor", async () => {
    const cursor = Buffer.from(
      "-271821-04-20T00:00:00.000Z|00000000-0000-4000-8000-000000000000",
    ).toString("base64url");
    const error = await inboxFor(ctx.t.db, ctx.w.managerEng, { cursor }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues[0]?.field).toBe("cursor");
  });
});
