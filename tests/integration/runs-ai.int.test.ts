/**
 * The code review with a hosted AI model configured (a stand-in speaking the OpenAI Responses API
 * to the real SDK): the model's suggestions are added after the deterministic ones, with the
 * findings it should not repeat in its input; a model that fails leaves the review complete,
 * with a note.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "@/lib/db/client";
import { readRun } from "@/lib/db/runs";
import { startRun } from "@/lib/services/runs/start-run";
import { type FakeOpenAI, startFakeOpenAI } from "./fake-openai";
import { startJobWorker } from "./job-worker";
import { setupWorld } from "./world";

const ctx = setupWorld();
const VARIABLES = { AI_PROVIDER: "compatible", AI_TIMEOUT_MS: "3000", AI_MAX_RETRIES: "0" };
let api: FakeOpenAI;
let worker: Awaited<ReturnType<typeof startJobWorker>>;
beforeAll(async () => {
  api = await startFakeOpenAI();
  Object.assign(process.env, VARIABLES, { OPENAI_BASE_URL: api.baseURL });
  worker = await startJobWorker(ctx.t.db, ctx.t.url);
});
afterAll(async () => {
  await worker?.stop();
  await api?.close();
  for (const name of [...Object.keys(VARIABLES), "OPENAI_BASE_URL"]) delete process.env[name];
});

const CODE = "function total(items, rate) {\n  // TODO: currency\n  return items.length;\n}\n";

async function review() {
  const { id } = await startRun(ctx.t.db, ctx.w.requester, {
    workflow: "code-review",
    input: { code: CODE },
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const run = await readRun(poolOf(ctx.t.db), id);
    if (run && run.status !== "QUEUED" && run.status !== "RUNNING") return run;
    if (Date.now() > deadline) throw new Error("the review did not finish");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("the code review with a hosted model", () => {
  it("adds the model's suggestions, having told it the findings not to repeat", async () => {
    api.script({
      kind: "json",
      body: {
        suggestions: [
          { function: "total", text: "It returns a count, not a total: sum the prices." },
        ],
      },
    });
    const run = await review();
    expect(run.status).toBe("SUCCEEDED");
    expect(run.state).toMatchObject({
      ai_suggestions: [
        { function: "total", text: "It returns a count, not a total: sum the prices." },
      ],
      ai_model: "gpt-4.1-mini-2026-04-14",
      ai_note: "",
    });
    const sent = api.requests.at(-1)?.body as { input: string; instructions: string };
    expect(sent.input).toContain('- total never uses its parameter "rate".');
    expect(sent.input).toContain("Open note: TODO: currency");
    expect(sent.input).toContain(CODE.trim());
    expect(sent.instructions).toContain("do not repeat them");
  });

  it("keeps the deterministic review when the model fails, and says so", async () => {
    api.script({ kind: "status", status: 500, message: "overloaded" });
    const run = await review();
    expect(run.status).toBe("SUCCEEDED");
    expect(run.state.ai_suggestions).toEqual([]);
    expect(run.state.ai_note).toMatch(/did not answer; the review above is complete without it/);
    expect((run.state.suggestions as unknown[]).length).toBeGreaterThan(0);
  });
});
