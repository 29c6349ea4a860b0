/**
 * A hosted AI model reads a request off the request path: the request is saved at once with the
 * local provider's reading, and the model's reading replaces it when the `ai:enrich` job lands.
 * The model is a local stand-in speaking the Responses API to the real openai SDK.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiSettings } from "@/lib/ai/config";
import { createRequest } from "@/lib/services/create-request";
import { enrichLater } from "@/lib/services/enrich-later";
import { resetDefaultAiSettings } from "@/lib/services/suggest";
import { verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { type FakeOpenAI, startFakeOpenAI } from "./fake-openai";
import { startJobWorker } from "./job-worker";
import { setupWorld } from "./world";

const ctx = setupWorld();
let api: FakeOpenAI;

const TEXT = "12 ergonomic chairs for the Berlin office, EUR 14,280";
const modelAnswer = {
  type: "PROCUREMENT",
  typeConfidence: 0.95,
  fields: {
    amount: { value: 14280, evidence: "EUR 14,280" },
    currency: { value: "EUR", evidence: "EUR" },
    days: null,
    startDate: null,
    endDate: null,
    severity: null,
  },
  summary: "Twelve ergonomic chairs for the Berlin office, EUR 14,280 in total.",
  confidence: 0.92,
  recommendedAction: null,
  warnings: [],
};

let worker: Awaited<ReturnType<typeof startJobWorker>>;

beforeAll(async () => {
  api = await startFakeOpenAI();
  Object.assign(process.env, {
    AI_PROVIDER: "compatible",
    OPENAI_BASE_URL: api.baseURL,
    AI_MAX_RETRIES: "0",
    AI_TIMEOUT_MS: "2000",
  });
  resetDefaultAiSettings();
  worker = await startJobWorker(ctx.t.db, ctx.t.url);
});

afterAll(async () => {
  await worker?.stop();
  await api?.close();
  for (const name of ["AI_PROVIDER", "OPENAI_BASE_URL", "AI_MAX_RETRIES", "AI_TIMEOUT_MS"]) {
    delete process.env[name];
  }
  resetDefaultAiSettings();
});

async function provenanceOf(id: string): Promise<string | undefined> {
  const row = await ctx.t.db.request.findUniqueOrThrow({
    where: { id },
    select: { enrichment: true },
  });
  return (row.enrichment as { provenance?: { provider?: string } } | null)?.provenance?.provider;
}

describe("a hosted model's reading", () => {
  it("comes later: the request is saved with the local reading, then the model's replaces it", async () => {
    // The model answers only when the test lets it: saving must not wait for it.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    api.script({ kind: "json", body: modelAnswer, after: answered });
    const { id, submitted } = await createRequest(ctx.t.db, ctx.w.requester, {
      text: TEXT,
      type: "PROCUREMENT",
      fields: { amount: 14_280, currency: "EUR" },
      intent: "submit",
    });
    expect(submitted).toBe(true);
    // Saved with the local reading and no error: no model call was made (and timed out) inline.
    const saved = await ctx.t.db.request.findUniqueOrThrow({ where: { id } });
    expect(await provenanceOf(id)).toBe("local");
    expect(saved.enrichmentError).toBeNull();
    answer();
    const deadline = Date.now() + 10_000;
    while ((await provenanceOf(id)) !== "compatible" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await provenanceOf(id)).toBe("compatible");
    const readings = await ctx.t.db.auditEvent.findMany({
      where: { requestId: id, action: "ENRICHED" },
      orderBy: { seq: "asc" },
    });
    expect(
      readings.map((e) => (e.data as { provenance: { provider: string } }).provenance.provider),
    ).toEqual(["local", "compatible"]);
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
  });

  it("that fails on its last attempt is recorded, and the local reading stays", async () => {
    api.script({ kind: "status", status: 503, message: "overloaded" });
    const { id } = await createRequest(
      ctx.t.db,
      ctx.w.requester,
      {
        text: TEXT,
        type: "PROCUREMENT",
        fields: { amount: 14_280, currency: "EUR" },
        intent: "save",
      },
      { ai: aiSettings({ AI_PROVIDER: "local" }) }, // saved with the local reading only
    );
    const settings = aiSettings({
      AI_PROVIDER: "compatible",
      OPENAI_BASE_URL: api.baseURL,
      AI_MAX_RETRIES: "0",
    });
    await expect(enrichLater(ctx.t.db, id, { attempt: 4, maxAttempts: 4 }, settings)).resolves.toBe(
      "failed",
    );
    expect(await provenanceOf(id)).toBe("local");
    const failed = await ctx.t.db.auditEvent.findFirstOrThrow({
      where: { requestId: id, action: "ENRICHMENT_FAILED" },
    });
    expect(failed).toMatchObject({ actorType: "AI", data: { provider: "compatible" } });
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
  });

  it("that fails on an earlier attempt is left to the job runtime to retry", async () => {
    api.script({ kind: "status", status: 503, message: "overloaded" });
    const { id } = await createRequest(
      ctx.t.db,
      ctx.w.requester,
      {
        text: TEXT,
        type: "PROCUREMENT",
        fields: { amount: 14_280, currency: "EUR" },
        intent: "save",
      },
      { ai: aiSettings({ AI_PROVIDER: "local" }) },
    );
    const settings = aiSettings({
      AI_PROVIDER: "compatible",
      OPENAI_BASE_URL: api.baseURL,
      AI_MAX_RETRIES: "0",
    });
    await expect(
      enrichLater(ctx.t.db, id, { attempt: 1, maxAttempts: 4 }, settings),
    ).rejects.toThrow();
    expect(
      await ctx.t.db.auditEvent.count({ where: { requestId: id, action: "ENRICHMENT_FAILED" } }),
    ).toBe(0);
  });
});
