/**
 * Every API operation × every role, generated from the operation table and the permission table
 * (a new operation without a sample call here fails the type check and this test): who may not
 * call it gets 403; who may, never gets a permission refusal; a request the caller may not see is
 * 404 exactly like one that does not exist; nobody decides their own request; a token without an
 * operation's scope gets 403 whatever its owner's roles.
 */
import type { Role } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantableScopes, SCOPES } from "@/lib/api/scopes";
import { type Operation, type OperationName, operations } from "@/lib/api/v1/operations";
import { can } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { DEFAULT_WORKFLOWS } from "@/lib/engine";
import { CODE_REVIEW } from "@/lib/graph/demos";
import type { ServiceActor } from "@/lib/services/actor";
import { createApiToken } from "@/lib/services/create-api-token";
import { createRequest } from "@/lib/services/create-request";
import { createUserAs, setupWorld } from "../world";
import { apiFetch, BASE, setClock, useDatabase } from "./harness";

const ctx = setupWorld();
const NOW = new Date("2026-03-02T09:00:00Z");
const undo: (() => void)[] = [];
const people = new Map<Role, { actor: ServiceActor; token: string }>();
let owner: ServiceActor;

beforeAll(async () => {
  undo.push(
    useDatabase(ctx.t),
    setClock(() => NOW),
  );
  owner = await createUserAs(ctx.t.db, "owner@w.test", ["REQUESTER"], ctx.w.eng);
  for (const role of ROLES) {
    const roles: Role[] = role === "REQUESTER" ? ["REQUESTER"] : ["REQUESTER", role];
    const actor = await createUserAs(
      ctx.t.db,
      `${role.toLowerCase()}@matrix.test`,
      roles,
      ctx.w.ops,
    );
    const { token } = await createApiToken(
      ctx.t.db,
      actor,
      { name: "matrix", scopes: grantableScopes(actor), expiresIn: "30" },
      NOW,
    );
    people.set(role, { actor, token });
  }
});
afterAll(() => {
  for (const u of undo) u();
});

/** A submitted PROCUREMENT request of `by` (default: someone none of the role users is). */
async function submittedRequest(by: ServiceActor = owner): Promise<string> {
  const created = await createRequest(
    ctx.t.db,
    by,
    {
      text: "Two monitors for the support desk, EUR 600.",
      type: "PROCUREMENT",
      fields: { amount: 600, currency: "EUR" },
      intent: "submit",
    },
    { now: NOW },
  );
  return created.id;
}

interface Sample {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** A well-formed call of each operation on `requestId`. */
const SAMPLES: Record<OperationName, (requestId: string) => Sample> = {
  me: () => ({}),
  listRequests: () => ({ query: { limit: "5" } }),
  createRequest: () => ({ body: { text: "A new keyboard for the office, EUR 80." } }),
  getRequest: (id) => ({ path: { id } }),
  updateRequest: (id) => ({ path: { id }, body: { fields: { amount: 500, currency: "EUR" } } }),
  submitRequest: (id) => ({ path: { id } }),
  cancelRequest: (id) => ({ path: { id }, body: {} }),
  resubmitRequest: (id) => ({ path: { id } }),
  decide: (id) => ({ path: { id }, body: { decision: "approve" } }),
  postComment: (id) => ({ path: { id }, body: { body: "Which model is it?" } }),
  listAttachments: (id) => ({ path: { id } }),
  addAttachment: (id) => ({ path: { id }, query: { name: "quote.txt" }, body: "Quote: EUR 600" }),
  getAttachment: (id) => ({ path: { id, attachmentId: crypto.randomUUID() } }),
  removeAttachment: (id) => ({ path: { id, attachmentId: crypto.randomUUID() } }),
  listTools: () => ({}),
  listGraphs: () => ({}),
  getGraph: () => ({ path: { key: "code-review" } }),
  publishGraph: () => ({ body: { ...CODE_REVIEW, key: "matrix-graph" } }),
  startRun: () => ({ body: { workflow: "code-review", input: { code: "const a = 1;" } } }),
  listRuns: () => ({ query: { limit: "5" } }),
  getRun: () => ({ path: { id: crypto.randomUUID() } }),
  cancelRun: () => ({ path: { id: crypto.randomUUID() } }),
  runEvents: () => ({ path: { id: crypto.randomUUID() } }),
  auditTrail: (id) => ({ path: { id } }),
  verifyAuditTrail: (id) => ({ path: { id } }),
  inbox: () => ({ query: { limit: "5" } }),
  suggest: () => ({ body: { text: "A new keyboard for the office, EUR 80." } }),
  listWorkflows: () => ({}),
  getWorkflowVersion: () => ({ path: { type: "PROCUREMENT", version: "1" } }),
  validateWorkflow: () => ({ body: DEFAULT_WORKFLOWS.PROCUREMENT }),
  publishWorkflow: () => ({ body: DEFAULT_WORKFLOWS.GENERAL }),
};

async function call(operation: Operation, token: string, sample: Sample) {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(sample.path?.[name] ?? ""),
  );
  const query = sample.query ? `?${new URLSearchParams(sample.query)}` : "";
  const response = await apiFetch(`${BASE}${path}${query}`, {
    method: operation.method.toUpperCase(),
    headers: {
      authorization: `Bearer ${token}`,
      ...(sample.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(sample.body !== undefined ? { body: JSON.stringify(sample.body) } : {}),
  });
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("json");
  return { status: response.status, body: text && json ? JSON.parse(text) : null };
}

const entries = Object.entries(operations) as [OperationName, Operation][];

describe.each(entries)("%s", (name, operation) => {
  it.each([...ROLES])("as %s: 403 exactly when the role lacks the permission", async (role) => {
    const person = people.get(role);
    if (!person) throw new Error(role);
    const requestId = await submittedRequest();
    const answer = await call(operation, person.token, SAMPLES[name](requestId));
    const scopeAllowed = grantableScopes(person.actor).includes(operation.scope);
    const permitted =
      (operation.permission === null || can(person.actor, operation.permission)) && scopeAllowed;
    if (!permitted) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(403);
      expect(["FORBIDDEN", "INSUFFICIENT_SCOPE"]).toContain(answer.body.code);
    } else {
      expect(["FORBIDDEN", "INSUFFICIENT_SCOPE"], JSON.stringify(answer.body)).not.toContain(
        answer.body?.code,
      );
      expect(answer.status).toBeLessThan(500);
    }
  });

  if (operation.path.includes("{id}")) {
    it.each([...ROLES])(
      "as %s: someone else's hidden request answers exactly like a missing one",
      async (role) => {
        const person = people.get(role);
        if (!person) throw new Error(role);
        const hidden = await call(operation, person.token, SAMPLES[name](await submittedRequest()));
        const missing = await call(operation, person.token, SAMPLES[name](crypto.randomUUID()));
        expect([403, 404]).toContain(missing.status);
        // Who may read any request (auditors, admins) sees it, and may hear why they cannot act.
        if (!can(person.actor, "request:read-any")) {
          expect({
            status: hidden.status,
            code: hidden.body.code,
            detail: hidden.body.detail,
          }).toEqual({
            status: missing.status,
            code: missing.body.code,
            detail: missing.body.detail,
          });
        }
      },
    );
  }
});

describe("segregation of duties and scopes", () => {
  it("never lets an approver decide their own request", async () => {
    for (const role of ["MANAGER", "FINANCE", "DIRECTOR", "ADMIN"] as const) {
      const person = people.get(role);
      if (!person) throw new Error(role);
      const own = await submittedRequest(person.actor);
      const answer = await call(operations.decide, person.token, SAMPLES.decide(own));
      expect(answer.status, role).toBe(403);
      expect([
        "OWN_REQUEST",
        "FORBIDDEN",
        "INSUFFICIENT_SCOPE",
        "WRONG_ROLE",
        "OUT_OF_SCOPE",
      ]).toContain(answer.body.code);
      const stored = await ctx.t.db.request.findUniqueOrThrow({ where: { id: own } });
      expect(stored.status).toBe("IN_REVIEW");
    }
  });

  it("refuses every operation to a token without its scope, whatever the owner's roles", async () => {
    const admin = people.get("ADMIN");
    if (!admin) throw new Error("ADMIN");
    for (const scope of SCOPES) {
      const others = SCOPES.filter((s) => s !== scope && grantableScopes(admin.actor).includes(s));
      const { token } = await createApiToken(
        ctx.t.db,
        admin.actor,
        { name: `without ${scope}`, scopes: others, expiresIn: "7" },
        NOW,
      );
      for (const [name, operation] of entries.filter(([, op]) => op.scope === scope)) {
        const answer = await call(operation, token, SAMPLES[name](await submittedRequest()));
        expect({ name, status: answer.status, code: answer.body.code }).toEqual({
          name,
          status: 403,
          code: "INSUFFICIENT_SCOPE",
        });
      }
    }
  });

  it("refuses a scope the owner's roles do not allow when the token is made", async () => {
    const requester = people.get("REQUESTER");
    if (!requester) throw new Error("REQUESTER");
    await expect(
      createApiToken(
        ctx.t.db,
        requester.actor,
        { name: "too much", scopes: ["read", "decide"], expiresIn: "7" },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ field: "scopes" }] });
  });
});
