/**
 * Runs through API v1 (issue 15), every answer checked against the OpenAPI document: start a
 * code review (202 at once), follow its events as they happen and resume them with
 * Last-Event-ID, read the finished run; publish a graph workflow (every problem listed, or the
 * next version); the tool registry; someone else's run is 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_REVIEW } from "@/lib/graph/demos";
import type { ServiceActor } from "@/lib/services/actor";
import { createApiToken } from "@/lib/services/create-api-token";
import { startJobWorker } from "../job-worker";
import { createUserAs, setupWorld } from "../world";
import { apiFetch, BASE, client, useDatabase } from "./harness";

const ctx = setupWorld();
const restore: (() => void)[] = [];
let worker: Awaited<ReturnType<typeof startJobWorker>>;
beforeAll(async () => {
  restore.push(useDatabase(ctx.t));
  worker = await startJobWorker(ctx.t.db, ctx.t.url, { concurrency: 4 });
});
afterAll(async () => {
  await worker?.stop();
  for (const undo of restore) undo();
});

async function tokenFor(
  user: ServiceActor,
  scopes: ("read" | "write" | "admin")[] = ["read", "write"],
) {
  return (
    await createApiToken(ctx.t.db, user, { name: "runs", scopes, expiresIn: "30" }, new Date())
  ).token;
}

interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** Reads a server-sent event stream to its end. */
async function readEvents(response: Response): Promise<SseEvent[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((block) => block.trim() && !block.startsWith(":") && !block.startsWith("retry:"))
    .map((block) => {
      const event: SseEvent = { event: "message", data: "" };
      for (const line of block.split("\n")) {
        const [field, ...rest] = line.split(": ");
        const value = rest.join(": ");
        if (field === "id") event.id = value;
        if (field === "event") event.event = value;
        if (field === "data") event.data = value;
      }
      return event;
    });
}

describe("runs through the API", () => {
  it("starts a review at once, streams its log live to the end, and resumes after Last-Event-ID", async () => {
    const token = await tokenFor(ctx.w.requester);
    const api = client(token);
    const started = await api.POST("/runs", {
      body: {
        workflow: "code-review",
        input: { code: "function f(a, b) { // TODO: b\n  return a;\n}", threshold: 100 },
      },
    });
    expect(started.response.status).toBe(202);
    const run = started.data;
    if (!run) throw new Error("no run");
    expect(run.status).toBe("QUEUED");
    expect(started.response.headers.get("location")).toBe(`/api/v1/runs/${run.id}`);

    const stream = await apiFetch(`${BASE}/runs/${run.id}/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const events = await readEvents(stream);
    const end = events.at(-1);
    expect(end).toMatchObject({ event: "end", data: JSON.stringify({ status: "SUCCEEDED" }) });
    const lines = events.filter((e) => e.event === "log").map((e) => JSON.parse(e.data));
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(events.filter((e) => e.event === "log").map((e) => Number(e.id))).toEqual(
      lines.map((l) => l.seq),
    );
    expect(lines[0].kind).toBe("run_queued");
    expect(lines.at(-1).kind).toBe("run_succeeded");
    expect(lines.some((l) => l.kind === "state_changed" && "quality_score" in l.data.changes)).toBe(
      true,
    );

    // Resumed after line 5: exactly the rest.
    const resumed = await readEvents(
      await apiFetch(`${BASE}/runs/${run.id}/events`, {
        headers: { authorization: `Bearer ${token}`, "last-event-id": "5" },
      }),
    );
    expect(resumed.filter((e) => e.event === "log").map((e) => Number(e.id))).toEqual(
      lines.slice(5).map((l) => l.seq),
    );

    const finished = await api.GET("/runs/{id}", { params: { path: { id: run.id } } });
    expect(finished.data?.status).toBe("SUCCEEDED");
    // The log it gives is the one its state is as of: up to its logSeq, where a reader follows on.
    expect(finished.data?.log.at(-1)?.seq).toBe(finished.data?.logSeq);
    expect(finished.data?.state.remaining_issues).toBe(0);
    expect(finished.data?.visits.find((v) => v.nodeId === "extract")?.writtenKeys).toContain(
      "functions",
    );
    const listed = await api.GET("/runs", { params: { query: { limit: 5 } } });
    expect(listed.data?.items.map((r) => r.id)).toContain(run.id);

    // Someone else's run does not exist for them.
    const other = client(await tokenFor(ctx.w.managerEng));
    const hidden = await other.GET("/runs/{id}", { params: { path: { id: run.id } } });
    expect(hidden.response.status).toBe(404);
  });

  it("refuses an input that does not fit, naming the key", async () => {
    const api = client(await tokenFor(ctx.w.requester));
    const refused = await api.POST("/runs", {
      body: { workflow: "code-review", input: { code: 1 } },
    });
    expect(refused.response.status).toBe(422);
    expect(refused.error?.errors?.map((e) => e.field)).toEqual(["input.code"]);
    // An unknown field, as a careless client sends it.
    const unknown = await api.POST("/runs", {
      body: { workflow: "code-review", input: {}, priority: "high" } as never,
    });
    expect(unknown.response.status).toBe(400);
  });

  it("publishes graph workflows: every problem listed, or the next version", async () => {
    const admin = await createUserAs(ctx.t.db, "admin@api-runs.test", ["ADMIN"], null);
    const api = client(await tokenFor(admin, ["read", "write", "admin"]));
    const broken = await api.POST("/graphs", {
      body: {
        ...CODE_REVIEW,
        key: "my-review",
        edges: [
          ...CODE_REVIEW.edges.slice(0, 6),
          { from: "suggest", to: "ai", when: "threshold" },
          { from: "ai", to: "done" },
        ],
      } as never,
    });
    expect(broken.response.status).toBe(422);
    expect(broken.error?.errors?.map((e) => e.field)).toEqual(["edges[6].when", "nodes[5]"]);
    const first = await api.POST("/graphs", {
      body: { ...CODE_REVIEW, key: "my-review" } as never,
    });
    const second = await api.POST("/graphs", {
      body: { ...CODE_REVIEW, key: "my-review" } as never,
    });
    expect([first.data?.version, second.data?.version]).toEqual([1, 2]);
    expect(first.response.headers.get("location")).toBe("/api/v1/graphs/my-review");
    const requester = client(await tokenFor(ctx.w.requester));
    const denied = await requester.POST("/graphs", {
      body: { ...CODE_REVIEW, key: "mine" } as never,
    });
    expect(denied.response.status).toBe(403);

    const tools = await api.GET("/tools");
    expect(tools.data?.items.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "extract_functions",
        "check_complexity",
        "detect_issues",
        "suggest_improvements",
      ]),
    );
  });
});
