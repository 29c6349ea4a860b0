/**
 * API v1 end to end through its route handlers, every answer checked against the OpenAPI
 * document (harness.ts): a request written in plain words, routed through three approvers by
 * their tokens, its audit trail read and verified; and the conventions: ETag / If-Match,
 * Idempotency-Key, 400 for a call off the document, scopes, revoked tokens, rate limits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "@/lib/engine";
import { resetEnvCache } from "@/lib/env";
import type { ServiceActor } from "@/lib/services/actor";
import { createApiToken } from "@/lib/services/create-api-token";
import { createDelegation } from "@/lib/services/create-delegation";
import { revokeApiToken } from "@/lib/services/revoke-api-token";
import { setupWorld } from "../world";
import { apiFetch, BASE, client, setClock, useDatabase } from "./harness";

const ctx = setupWorld();
const NOW = new Date("2026-03-02T09:00:00Z");
const restore: (() => void)[] = [];
beforeAll(() => {
  restore.push(
    useDatabase(ctx.t),
    setClock(() => NOW),
  );
});
afterAll(() => {
  for (const undo of restore) undo();
});

async function tokenFor(
  user: ServiceActor,
  scopes: ("read" | "write" | "decide" | "admin")[] = ["read", "write", "decide"],
) {
  const allowed = scopes.filter((scope) =>
    scope === "decide" ? user.roles.some((r) => r !== "REQUESTER") : scope !== "admin",
  );
  return (
    await createApiToken(ctx.t.db, user, { name: "test", scopes: allowed, expiresIn: "30" }, NOW)
  ).token;
}

const CHAIRS = "We need 12 ergonomic chairs for the Berlin office, EUR 14,280 incl. delivery.";

describe("a request through the API", () => {
  it("is created from text, approved by Manager → Finance → Director, and its trail verifies", async () => {
    const requester = client(await tokenFor(ctx.w.requester));
    const created = await requester.POST("/requests", {
      body: {
        text: CHAIRS,
        type: "PROCUREMENT",
        fields: { amount: 14_280, currency: "EUR" },
        submit: true,
      },
    });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
    const request = created.data?.request;
    if (!request) throw new Error("no request");
    expect(created.data?.submitError).toBeNull();
    expect(created.response.headers.get("location")).toBe(`/api/v1/requests/${request.id}`);
    expect(request).toMatchObject({
      status: "IN_REVIEW",
      type: "PROCUREMENT",
      reference: `FG-${request.number}`,
    });
    expect(request.chain.steps.map((s) => s.role)).toEqual(["MANAGER", "FINANCE", "DIRECTOR"]);

    // The requester cannot decide their own request (no decide scope on a requester's token, and
    // the engine refuses anyway): the approvers do, each from their inbox.
    for (const approver of [ctx.w.managerEng, ctx.w.finance, ctx.w.director]) {
      const api = client(await tokenFor(approver));
      const inbox = await api.GET("/inbox", { params: { query: { limit: 50 } } });
      const item = inbox.data?.items.find((i) => i.id === request.id);
      expect(item?.permittedActions).toContain("approve");
      const got = await api.GET("/requests/{id}", { params: { path: { id: request.id } } });
      const etag = got.response.headers.get("etag");
      expect(etag).toBe(`"${got.data?.version}"`);
      const decided = await api.POST("/requests/{id}/decisions", {
        params: { path: { id: request.id }, header: { "If-Match": etag ?? "" } },
        body: { decision: "approve" },
      });
      expect(decided.response.status).toBe(200);
    }
    const final = await requester.GET("/requests/{id}", { params: { path: { id: request.id } } });
    expect(final.data?.status).toBe("APPROVED");

    const trail = await requester.GET("/requests/{id}/audit", {
      params: { path: { id: request.id } },
    });
    const events = trail.data?.events ?? [];
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["CREATED", "SUBMITTED", "APPROVED", "COMPLETED"]),
    );
    const approvals = events.filter((e) => e.action === "APPROVED");
    expect(approvals.map((e) => e.actor.name)).toEqual(["manager.eng", "finance", "director"]);
    expect(approvals.every((e) => (e.data as { via?: string }).via === "api")).toBe(true);
    // A client can check every link itself: each event's prevHash is the hash before it.
    const chained = events.map((e) => ({
      stream: trail.data?.stream ?? "",
      seq: e.seq,
      actorType: e.actor.type,
      actorId: e.actor.id,
      onBehalfOfId: e.onBehalfOf?.id ?? null,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      data: e.data as never,
      createdAt: new Date(e.createdAt),
      prevHash: e.prevHash,
      hash: e.hash,
    }));
    expect(verifyChain(chained)).toMatchObject({ ok: true, events: events.length });
    const verification = await requester.GET("/requests/{id}/audit/verification", {
      params: { path: { id: request.id } },
    });
    expect(verification.data).toMatchObject({ ok: true, events: events.length, brokenAt: null });
  });

  it("saves a draft from plain text with the AI's suggestion, then submits it", async () => {
    const api = client(await tokenFor(ctx.w.requester));
    const created = await api.POST("/requests", { body: { text: CHAIRS } });
    const request = created.data?.request;
    expect(request).toMatchObject({ status: "DRAFT", type: "PROCUREMENT" });
    expect(request?.fields).toMatchObject({ amount: 14_280, currency: "EUR" });
    expect(request?.ai?.summary).toBeTruthy();
    const submitted = await api.POST("/requests/{id}/submit", {
      params: { path: { id: request?.id ?? "" } },
    });
    expect(submitted.data?.status).toBe("IN_REVIEW");
  });
});

describe("delegation through the API", () => {
  it("shows a delegate's token the absent approver's steps, and lets it decide for them", async () => {
    const requester = client(await tokenFor(ctx.w.requester));
    const created = await requester.POST("/requests", {
      body: {
        text: "A new monitor for the Berlin office, EUR 450.",
        type: "PROCUREMENT",
        fields: { amount: 450, currency: "EUR" },
        submit: true,
      },
    });
    const id = created.data?.request.id ?? "";
    await createDelegation(
      ctx.t.db,
      ctx.w.managerEng,
      { delegateEmail: "support@w.test", from: "2026-03-01", to: "2026-03-05" },
      NOW,
    );
    const delegate = client(await tokenFor(ctx.w.support));
    const inbox = await delegate.GET("/inbox", { params: { query: { limit: 200 } } });
    const item = inbox.data?.items.find((i) => i.id === id);
    expect(item).toMatchObject({
      onBehalfOf: "manager.eng",
      permittedActions: ["approve", "reject", "request_changes", "escalate"],
    });
    const decided = await delegate.POST("/requests/{id}/decisions", {
      params: { path: { id } },
      body: { decision: "approve" },
    });
    expect(decided.data?.status).toBe("APPROVED");
  });
});

describe("conventions", () => {
  it("answers a stale If-Match with 412 and changes nothing", async () => {
    const requester = client(await tokenFor(ctx.w.requester));
    const created = await requester.POST("/requests", {
      body: {
        text: CHAIRS,
        type: "PROCUREMENT",
        fields: { amount: 14_280, currency: "EUR" },
        submit: true,
      },
    });
    const id = created.data?.request.id ?? "";
    const manager = client(await tokenFor(ctx.w.managerEng));
    const stale = await manager.POST("/requests/{id}/decisions", {
      params: { path: { id }, header: { "If-Match": '"1"' } },
      body: { decision: "approve" },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.error).toMatchObject({
      code: "PRECONDITION_FAILED",
      errors: [{ field: "If-Match" }],
    });
    const after = await manager.GET("/requests/{id}", { params: { path: { id } } });
    expect(after.data?.status).toBe("IN_REVIEW");
    const notModified = await apiFetch(`${BASE}/requests/${id}`, {
      headers: {
        authorization: `Bearer ${await tokenFor(ctx.w.managerEng)}`,
        "if-none-match": `"${after.data?.version}"`,
      },
    });
    expect(notModified.status).toBe(304);
  });

  it("replays a POST under the same Idempotency-Key and refuses the key with another body", async () => {
    const api = client(await tokenFor(ctx.w.requester));
    const key = crypto.randomUUID();
    const body = {
      text: CHAIRS,
      type: "PROCUREMENT" as const,
      fields: { amount: 14_280, currency: "EUR" },
    };
    const first = await api.POST("/requests", {
      body,
      params: { header: { "Idempotency-Key": key } },
    });
    const again = await api.POST("/requests", {
      body,
      params: { header: { "Idempotency-Key": key } },
    });
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(again.data?.request.id).toBe(first.data?.request.id);
    const count = await ctx.t.db.request.count({ where: { id: first.data?.request.id } });
    expect(count).toBe(1);
    const other = await api.POST("/requests", {
      body: { ...body, text: `${CHAIRS} And a desk.` },
      params: { header: { "Idempotency-Key": key } },
    });
    expect(other.response.status).toBe(422);
    expect(other.error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("answers a call off the document with 400 naming the field, and changes nothing", async () => {
    const token = await tokenFor(ctx.w.requester);
    const before = await ctx.t.db.request.count();
    const unknown = await apiFetch(`${BASE}/requests`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: CHAIRS, colour: "blue" }),
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toEqual([
      { field: "colour", message: 'Unknown field "colour".' },
    ]);
    const wrongType = await apiFetch(`${BASE}/requests`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: CHAIRS, submit: "yes" }),
    });
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).errors[0].field).toBe("submit");
    const notJson = await apiFetch(`${BASE}/requests`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: CHAIRS,
    });
    expect(notJson.status).toBe(415);
    const badQuery = await apiFetch(`${BASE}/requests?limit=0`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).errors[0].field).toBe("limit");
    expect(await ctx.t.db.request.count()).toBe(before);
  });

  it("refuses a token without the scope, a revoked one, and a malformed header", async () => {
    const readOnly = await tokenFor(ctx.w.requester, ["read"]);
    const refused = await client(readOnly).POST("/requests", { body: { text: CHAIRS } });
    expect(refused.response.status).toBe(403);
    expect(refused.error).toMatchObject({ code: "INSUFFICIENT_SCOPE" });

    const issued = await createApiToken(
      ctx.t.db,
      ctx.w.requester,
      { name: "to revoke", scopes: ["read"], expiresIn: "7" },
      NOW,
    );
    expect((await client(issued.token).GET("/me")).response.status).toBe(200);
    await revokeApiToken(ctx.t.db, ctx.w.requester, issued.id, NOW);
    const revoked = await client(issued.token).GET("/me");
    expect(revoked.response.status).toBe(401);
    expect(revoked.response.headers.get("www-authenticate")).toContain("Bearer");
    const malformed = await client(undefined, { authorization: "Basic abc" }).GET("/me");
    expect(malformed.response.status).toBe(401);
  });

  it("limits calls per token with 429 and Retry-After", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    resetEnvCache();
    try {
      const api = client(await tokenFor(ctx.w.requester, ["read"]));
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        const result = await api.GET("/me");
        statuses.push(result.response.status);
        last = result.response;
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(last?.headers.get("ratelimit-remaining")).toBe("0");
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
      resetEnvCache();
    }
  });
});
