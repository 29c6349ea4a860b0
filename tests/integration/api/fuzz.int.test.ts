/**
 * Every API operation fed arbitrary bodies, queries, path parameters and headers (fast-check),
 * starting from a well-formed call of it and breaking it: fields dropped, replaced by values of any
 * type, unknown fields added, any JSON, any text. Each answer conforms to the OpenAPI document (the
 * harness checks), none is a 5xx, and a refused call leaves the database as it was.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantableScopes } from "@/lib/api/scopes";
import { type Operation, type OperationName, operations } from "@/lib/api/v1/operations";
import { poolOf } from "@/lib/db/client";
import { DEFAULT_WORKFLOWS } from "@/lib/engine";
import { CODE_REVIEW } from "@/lib/graph/demos";
import { createApiToken } from "@/lib/services/create-api-token";
import { createRequest } from "@/lib/services/create-request";
import { createUserAs, setupWorld } from "../world";
import { apiFetch, BASE, setClock, useDatabase } from "./harness";

const ctx = setupWorld();
const NOW = new Date("2026-03-02T09:00:00Z");
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const undo: (() => void)[] = [];
let token = "";
let requestId = "";

beforeAll(async () => {
  process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";
  undo.push(
    useDatabase(ctx.t),
    setClock(() => NOW),
  );
  // An admin who also approves: every operation is open to them, so refusals come from the input.
  const admin = await createUserAs(
    ctx.t.db,
    "fuzz.admin@w.test",
    ["REQUESTER", "ADMIN", "FINANCE"],
    ctx.w.ops,
  );
  token = (
    await createApiToken(
      ctx.t.db,
      admin,
      { name: "fuzz", scopes: grantableScopes(admin), expiresIn: "30" },
      NOW,
    )
  ).token;
  requestId = (
    await createRequest(
      ctx.t.db,
      ctx.w.requester,
      {
        text: "Laptop stands for the team, EUR 12,500 in total.",
        type: "PROCUREMENT",
        fields: { amount: 12_500, currency: "EUR" },
        intent: "submit",
      },
      { now: NOW },
    )
  ).id;
});
afterAll(() => {
  delete process.env.API_RATE_LIMIT_PER_MINUTE;
  for (const u of undo) u();
});

/** What a refused call must leave as it was. */
async function snapshot(): Promise<string> {
  const { rows } = await poolOf(ctx.t.db).query<{ s: string }>(`
    SELECT concat_ws('|',
      (SELECT md5(coalesce(string_agg(id || ':' || version || ':' || status || ':' || md5(fields::text), ',' ORDER BY id), '')) FROM requests),
      (SELECT count(*) FROM audit_events), (SELECT count(*) FROM decisions),
      (SELECT count(*) FROM node_visits), (SELECT count(*) FROM workflow_definitions),
      (SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL), (SELECT count(*) FROM users),
      (SELECT count(*) FROM request_attachments WHERE removed_at IS NULL),
      (SELECT count(*) FROM runs), (SELECT count(*) FROM graph_workflows),
      (SELECT count(*) FROM runs WHERE status = 'CANCELLED')) AS s`);
  return rows[0]?.s ?? "";
}

const WELL_FORMED: Record<
  OperationName,
  { path?: Record<string, string>; query?: Record<string, string>; body?: unknown }
> = {
  me: {},
  listRequests: { query: { scope: "all", limit: "2" } },
  createRequest: {
    body: { text: "A desk lamp for the office, EUR 45.", type: "GENERAL", fields: {} },
  },
  getRequest: { path: { id: "" } },
  updateRequest: { path: { id: "" }, body: { fields: { amount: 1, currency: "EUR" } } },
  submitRequest: { path: { id: "" } },
  cancelRequest: { path: { id: "" }, body: { reason: "not needed" } },
  resubmitRequest: { path: { id: "" } },
  decide: { path: { id: "" }, body: { decision: "reject", reason: "too expensive" } },
  postComment: { path: { id: "" }, body: { body: "Which model is it?" } },
  listAttachments: { path: { id: "" } },
  addAttachment: { path: { id: "" }, query: { name: "quote.txt" }, body: "Quote: EUR 12,500" },
  getAttachment: { path: { id: "", attachmentId: "" } },
  removeAttachment: { path: { id: "", attachmentId: "" } },
  listTools: {},
  listGraphs: {},
  getGraph: { path: { key: "code-review" } },
  publishGraph: { body: { ...CODE_REVIEW, key: "fuzz-graph" } },
  startRun: { body: { workflow: "code-review", input: { code: "let x = 1;" } } },
  listRuns: { query: { scope: "all", limit: "2" } },
  getRun: { path: { id: "" } },
  cancelRun: { path: { id: "" } },
  runEvents: { path: { id: "" }, query: { after: "0" } },
  auditTrail: { path: { id: "" } },
  verifyAuditTrail: { path: { id: "" } },
  inbox: { query: { limit: "3" } },
  suggest: { body: { text: "A desk lamp for the office, EUR 45." } },
  listWorkflows: {},
  getWorkflowVersion: { path: { type: "PROCUREMENT", version: "1" } },
  validateWorkflow: { body: DEFAULT_WORKFLOWS.GENERAL },
  publishWorkflow: { body: DEFAULT_WORKFLOWS.GENERAL },
};

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("\u0000", "\ud800", "a".repeat(30_000), "'; DROP TABLE requests; --", "%", "../"),
);
const anyJson = fc.oneof(fc.jsonValue(), anyText, fc.constant(null));

/** The object `base` broken: fields dropped, replaced with anything, unknown ones added. */
function broken(base: unknown): fc.Arbitrary<unknown> {
  if (base === null || typeof base !== "object" || Array.isArray(base)) return anyJson;
  const keys = Object.keys(base);
  return fc.oneof(
    anyJson,
    fc
      .record({
        drop: fc.subarray(keys),
        replace: fc.dictionary(fc.constantFrom(...(keys.length ? keys : ["x"])), anyJson, {
          maxKeys: 3,
        }),
        add: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), anyJson, { maxKeys: 2 }),
      })
      .map(({ drop, replace, add }) => {
        const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
        for (const key of drop) delete out[key];
        return { ...out, ...replace, ...add };
      }),
  );
}

const headers = fc.record(
  {
    "if-match": fc.oneof(fc.constantFrom('"1"', '"99"', "*", 'W/"2"', "abc", '"-1"'), anyText),
    "idempotency-key": fc.oneof(fc.uuid(), anyText),
    "content-type": fc.constantFrom(
      "application/json",
      "text/plain",
      "application/problem+json",
      "",
    ),
  },
  { requiredKeys: [] },
);

function safeHeader(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value) && value.trim() === value;
}

const entries = Object.entries(operations) as [OperationName, Operation][];

describe.each(entries)("fuzzing %s", (name, operation) => {
  it("answers every input with a documented status below 500; a refusal changes nothing", async () => {
    const sample = WELL_FORMED[name];
    const pathParam = fc.oneof(
      fc.constant(requestId),
      fc.uuid(),
      // "." and ".." are not values a path segment can carry: URLs resolve them away.
      anyText.filter((t) => t.length > 0 && t.length < 200 && t !== "." && t !== ".."),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          body:
            sample.body === undefined
              ? fc.option(anyJson, { nil: undefined })
              : broken(sample.body),
          query: fc.oneof(
            fc.constant(sample.query ?? {}),
            broken(sample.query ?? {}).map((q) =>
              q && typeof q === "object" && !Array.isArray(q)
                ? Object.fromEntries(
                    Object.entries(q).map(([k, v]) => [
                      k,
                      typeof v === "string" ? v : (JSON.stringify(v) ?? ""),
                    ]),
                  )
                : {},
            ),
          ),
          params: fc.dictionary(
            fc.constantFrom("id", "type", "version", "attachmentId", "key"),
            pathParam,
            { maxKeys: 5 },
          ),
          headers,
        }),
        async ({ body, query, params, headers: extra }) => {
          const path = operation.path.replace(/\{(\w+)\}/g, (_, p: string) =>
            // A lone surrogate has no URL form: a client sends its replacement character.
            encodeURIComponent((params[p] ?? (sample.path?.[p] || requestId)).toWellFormed()),
          );
          const search = new URLSearchParams(query as Record<string, string>).toString();
          const sent: Record<string, string> = { authorization: `Bearer ${token}` };
          for (const [key, value] of Object.entries(extra)) {
            if (typeof value === "string" && safeHeader(value)) sent[key] = value;
          }
          sent["content-type"] ??= "application/json";
          const before = await snapshot();
          const response = await apiFetch(`${BASE}${path}${search ? `?${search}` : ""}`, {
            method: operation.method.toUpperCase(),
            headers: sent,
            ...(operation.method !== "get" && body !== undefined
              ? { body: typeof body === "string" ? body : JSON.stringify(body) }
              : {}),
          });
          expect(response.status, await response.clone().text()).toBeLessThan(500);
          if (response.status >= 400) expect(await snapshot()).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
