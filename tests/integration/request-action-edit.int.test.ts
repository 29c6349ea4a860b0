/**
 * The requester confirms, edits, adds or removes the action a request runs once approved, on the
 * "New request" form and when editing a draft or a request sent back for changes. A wrong
 * parameter is refused at its field and nothing is written.
 */
import { describe, expect, it } from "vitest";
import { createRequest } from "@/lib/services/create-request";
import { decideStep } from "@/lib/services/decide-step";
import { editRequest } from "@/lib/services/edit-request";
import { errorOf, localAi, setupWorld } from "./world";

const ctx = setupWorld();
const ai = localAi;
const TEXT = "Please create a task to order two visitor badges for the new interns.";

const requestsOf = () =>
  ctx.t.db.request.count({ where: { requesterId: ctx.w.requester.id, description: TEXT } });

describe("the action on the New request form", () => {
  it("keeps the assistant's recommendation when the form sends none", async () => {
    const { id } = await createRequest(
      ctx.t.db,
      ctx.w.requester,
      { text: TEXT, type: "GENERAL", fields: {}, intent: "save" },
      { ai },
    );
    const row = await ctx.t.db.request.findUniqueOrThrow({ where: { id } });
    expect(row.action).toMatchObject({
      tool: "create_task",
      params: { title: expect.stringMatching(/visitor badges/) },
    });
  });

  it("stores the requester's edit, audited with the creation", async () => {
    const action = {
      tool: "send_email" as const,
      params: { to: "facilities@example.com", subject: "Badges", body: "Two, please." },
    };
    const { id } = await createRequest(
      ctx.t.db,
      ctx.w.requester,
      { text: TEXT, type: "GENERAL", fields: {}, intent: "save", action },
      { ai },
    );
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).action).toEqual(action);
    const created = await ctx.t.db.auditEvent.findFirstOrThrow({
      where: { requestId: id, action: "CREATED" },
    });
    expect(created.data).toMatchObject({ action });
  });

  it("stores no action when the requester removes it", async () => {
    const { id } = await createRequest(
      ctx.t.db,
      ctx.w.requester,
      { text: TEXT, type: "GENERAL", fields: {}, intent: "save", action: null },
      { ai },
    );
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).action).toBeNull();
  });

  it("refuses wrong parameters at their field and writes nothing", async () => {
    const before = await requestsOf();
    const cases: [unknown, string, RegExp][] = [
      [
        { tool: "send_email", params: { to: "nobody", subject: "x", body: "y" } },
        "action.params.to",
        /email address/,
      ],
      [{ tool: "create_task", params: { title: "" } }, "action.params.title", /title/],
      [{ tool: "webhook", params: { url: "ftp://example.com/x" } }, "action.params.url", /http/],
      [
        { tool: "webhook", params: { url: "https://example.com/x", payload: "{not json" } },
        "action.params.payload",
        /JSON object/,
      ],
      [
        {
          tool: "send_email",
          params: { to: "a@example.com", subject: "x", body: "y", bcc: "b@example.com" },
        },
        "action.params",
        /bcc/,
      ],
      [{ tool: "rm_rf", params: {} }, "action.tool", /tools/],
    ];
    for (const [action, field, message] of cases) {
      const error = await errorOf(
        createRequest(
          ctx.t.db,
          ctx.w.requester,
          { text: TEXT, type: "GENERAL", fields: {}, intent: "submit", action },
          { ai },
        ),
      );
      expect(error.code).toBe("VALIDATION_FAILED");
      const issue = error.issues.find((i) => i.field === field);
      expect(issue, `${JSON.stringify(action)} → ${JSON.stringify(error.issues)}`).toBeDefined();
      expect(issue?.message).toMatch(message);
    }
    expect(await requestsOf()).toBe(before);
  });
});

describe("the action when editing", () => {
  it("is changed with the fields after changes were requested; the next round approves the new one", async () => {
    const { id } = await createRequest(
      ctx.t.db,
      ctx.w.requester,
      { text: TEXT, type: "GENERAL", fields: {}, intent: "submit" },
      { ai },
    );
    await decideStep(ctx.t.db, ctx.w.managerEng, id, {
      decision: "request_changes",
      comment: "Send it to facilities instead",
    });
    const version = (await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).version;
    const wrong = await errorOf(
      editRequest(ctx.t.db, ctx.w.requester, id, {
        type: "GENERAL",
        fields: {},
        version,
        intent: "submit",
        action: {
          tool: "send_email",
          params: { to: "facilities", subject: "Badges", body: "Two" },
        },
      }),
    );
    expect(wrong.issues.map((i) => i.field)).toEqual(["action.params.to"]);
    expect(await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version,
      status: "CHANGES_REQUESTED",
    });
    const action = {
      tool: "send_email" as const,
      params: { to: "facilities@example.com", subject: "Badges", body: "Two, please." },
    };
    await editRequest(
      ctx.t.db,
      ctx.w.requester,
      id,
      { type: "GENERAL", fields: {}, version, intent: "submit", action },
      { ai },
    );
    expect(await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "IN_REVIEW",
      round: 2,
      action,
    });
    const updated = await ctx.t.db.auditEvent.findFirstOrThrow({
      where: { requestId: id, action: "UPDATED" },
      orderBy: { seq: "desc" },
    });
    expect(updated.data).toMatchObject({ action });
  });

  it("leaves the action alone when the form sends none, and removes it on null", async () => {
    const { id } = await createRequest(
      ctx.t.db,
      ctx.w.requester,
      { text: TEXT, type: "GENERAL", fields: {}, intent: "save" },
      { ai },
    );
    const version = async () =>
      (await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).version;
    await editRequest(ctx.t.db, ctx.w.requester, id, {
      type: "GENERAL",
      fields: {},
      version: await version(),
      intent: "save",
    });
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).action).not.toBeNull();
    await editRequest(ctx.t.db, ctx.w.requester, id, {
      type: "GENERAL",
      fields: {},
      version: await version(),
      intent: "save",
      action: null,
    });
    expect((await ctx.t.db.request.findUniqueOrThrow({ where: { id } })).action).toBeNull();
  });
});
