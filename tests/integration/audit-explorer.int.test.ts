/**
 * The audit explorer and its exports, as an auditor uses them: filters that narrow (and bad
 * filters named at their field), keyset pages that cover every event once, an event's detail,
 * and exports that verify offline — and stop verifying when the file, an event or the manifest
 * is changed.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "@/lib/audit/export-format";
import { verifyExportFile } from "@/lib/audit/verify-export";
import { COMMON_ACTIONS } from "@/lib/db/audit-search";
import { AUDIT_ACTIONS } from "@/lib/engine/audit-events";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { exportAudit, exportManifest } from "@/lib/services/export-audit";
import { auditEvent, searchAudit } from "@/lib/services/search-audit";
import { setPersonActive } from "@/lib/services/set-person-active";
import { submitRequest } from "@/lib/services/submit-request";
import { createUserAs, errorOf, setupWorld } from "./world";

const ctx = setupWorld();
let dir: string;
let auditor: Awaited<ReturnType<typeof createUserAs>> & { email: string };
const ids: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "flowgate-export-"));
  auditor = {
    ...(await createUserAs(ctx.t.db, "avery@audit.test", ["AUDITOR"], null)),
    email: "avery@audit.test",
  };
  for (const [title, amount] of [
    ["Twelve ergonomic chairs", 14_280],
    ["A standing desk", 900],
    ["Monitor arms", 450],
  ] as const) {
    const draft = await createDraft(ctx.t.db, ctx.w.requester, {
      type: "PROCUREMENT",
      title,
      description: `${title} for the Berlin office`,
      fields: { amount, currency: "EUR" },
    });
    await submitRequest(ctx.t.db, ctx.w.requester, draft.id);
    ids.push(draft.id);
  }
  await decideStep(ctx.t.db, ctx.w.managerEng, ids[1] as string, {
    decision: "reject",
    reason: "Not this quarter",
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const search = (values: Record<string, string>, limit = 50) =>
  searchAudit(ctx.t.db, auditor, values, limit);

async function all(values: Record<string, string>) {
  const result = await search(values);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.events;
}

describe("the audit explorer", () => {
  it("narrows by request, action, actor, text, type, status and date", async () => {
    const chairs = await ctx.t.db.request.findUniqueOrThrow({ where: { id: ids[0] as string } });
    const ofChairs = await all({ number: `FG-${chairs.number}` });
    expect(ofChairs.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ofChairs.map((e) => e.stream))).toEqual(new Set([`request:${chairs.id}`]));
    // Newest first.
    expect(ofChairs.map((e) => e.seq)).toEqual(
      [...ofChairs.map((e) => e.seq)].sort((a, b) => b - a),
    );

    const rejections = await all({ action: "REJECTED" });
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ requestId: ids[1], actorName: "manager.eng" });

    expect((await all({ actor: "MANAGER.ENG@w.test" })).map((e) => e.action)).toEqual(["REJECTED"]);
    expect(new Set((await all({ q: "ergonomic" })).map((e) => e.requestId))).toEqual(
      new Set([ids[0]]),
    );
    // LIKE's wildcards are matched as written.
    expect(await all({ q: "%" })).toEqual([]);
    expect(
      new Set((await all({ status: "REJECTED", type: "PROCUREMENT" })).map((e) => e.requestId)),
    ).toEqual(new Set([ids[1]]));
    expect(await all({ type: "LEAVE" })).toEqual([]);
    expect(await all({ from: "2999-01-01" })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await all({ from: today, to: today })).length).toBeGreaterThan(0);
  });

  it("finds people's own events by their name or email", async () => {
    const admin = await createUserAs(ctx.t.db, "root@audit.test", ["ADMIN"], null);
    const zed = await createUserAs(ctx.t.db, "zed.zimmer@audit.test", ["REQUESTER"], null);
    await setPersonActive(ctx.t.db, admin, zed.id, false, { reason: "Left" });
    const found = await all({ q: "zed.zimmer" });
    expect(found.map((e) => [e.stream, e.action, e.subject])).toEqual([
      [`user:${zed.id}`, "USER_DEACTIVATED", "zed.zimmer"],
    ]);
    expect((await all({ user: zed.id })).map((e) => e.action)).toEqual(["USER_DEACTIVATED"]);
  });

  it("finds the same events whichever way request filters are planned", async () => {
    const { auditSearchSql, requestPlan } = await import("@/lib/db/audit-search");
    const { poolOf } = await import("@/lib/db/client");
    for (const filters of [
      { type: "PROCUREMENT" as const },
      { status: "REJECTED" as const },
      { text: "desk" },
    ]) {
      const plan = await requestPlan(ctx.t.db, filters);
      expect(plan.kind).toBe("streams"); // few requests here: each other plan is forced below
      const streams = plan.kind === "streams" ? plan.streams : [];
      const ids = streams.filter((s) => s.startsWith("request:")).map((s) => s.slice(8));
      const run = async (forced: Parameters<typeof auditSearchSql>[4]) => {
        const { text, values } = auditSearchSql(filters, null, 50, "desc", forced);
        const { rows } = await poolOf(ctx.t.db).query<{ stream: string; seq: number }>(
          text,
          values,
        );
        return rows.map((row) => `${row.stream}#${row.seq}`);
      };
      const byStreams = await run(plan);
      expect(byStreams.length).toBeGreaterThan(0);
      if (!filters.text) expect(await run({ kind: "ids", ids })).toEqual(byStreams);
      expect(await run({ kind: "scan" })).toEqual(byStreams);
    }
  });

  it("leaves exactly COMMON_ACTIONS out of the partial action index", async () => {
    const [row] = await ctx.t.db.$queryRawUnsafe<{ indexdef: string }[]>(
      "SELECT indexdef FROM pg_indexes WHERE indexname = 'audit_events_action_idx'",
    );
    for (const action of AUDIT_ACTIONS) {
      expect(row?.indexdef.includes(`'${action}'::text`), action).toBe(
        COMMON_ACTIONS.includes(action),
      );
    }
  });

  it("names each bad filter at its field and runs nothing", async () => {
    const result = await search({
      from: "2026-02-30",
      to: "yesterday",
      action: "DROP TABLE",
      number: "FG-x",
      department: "not-a-uuid",
      actor: "nobody@nowhere.test",
      q: "a\u0000b",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field).sort()).toEqual(
      ["action", "department", "from", "number", "q", "to"].sort(),
    );
    const unknownActor = await search({ actor: "nobody@nowhere.test" });
    expect(unknownActor).toEqual({
      ok: false,
      issues: [{ field: "actor", message: "Nobody has this email address." }],
    });
    const backwards = await search({ from: "2026-11-02", to: "2026-11-01" });
    expect(backwards.ok ? [] : backwards.issues.map((i) => i.field)).toEqual(["to"]);
    expect((await search({ after: "garbage" })).ok).toBe(false);
    const noMonth = await search({ from: "2026-13-45" });
    expect(noMonth.ok ? [] : noMonth.issues).toEqual([
      { field: "from", message: "This date does not exist." },
    ]);
  });

  it("pages by keyset through every event exactly once", async () => {
    const everything = await all({});
    const seen: string[] = [];
    let after: string | undefined;
    const { encodeCursor } = await import("@/lib/forms/audit-filters");
    for (;;) {
      const page = await search(after ? { after } : {}, 4);
      if (!page.ok) throw new Error("page refused");
      seen.push(...page.events.map((e) => `${e.stream}#${e.seq}`));
      if (!page.next) break;
      after = encodeCursor(page.next);
    }
    expect(seen).toEqual(everything.map((e) => `${e.stream}#${e.seq}`));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("shows an event with its hash and previous hash; refuses those who may not read the trail", async () => {
    const found = await auditEvent(ctx.t.db, auditor, `request:${ids[0]}`, 2);
    const first = await auditEvent(ctx.t.db, auditor, `request:${ids[0]}`, 1);
    expect(found?.previousHash).toBe(first?.event.hash);
    expect(found?.event.prevHash).toBe(first?.event.hash);
    expect(await auditEvent(ctx.t.db, auditor, "request:' OR 1=1 --", 1)).toBeNull();
    expect((await errorOf(auditEvent(ctx.t.db, ctx.w.finance, `request:${ids[0]}`, 1))).code).toBe(
      "FORBIDDEN",
    );
    expect((await errorOf(searchAudit(ctx.t.db, ctx.w.requester, {}))).code).toBe("FORBIDDEN");
  });
});

async function download(
  format: "csv" | "jsonl",
  values: Record<string, string> = {},
  pageSize = 3,
) {
  const result = await exportAudit(ctx.t.db, auditor, values, format, new Date(), pageSize);
  const text = await new Response(result.body).text();
  const file = path.join(dir, result.filename);
  await writeFile(file, text);
  const manifest = await exportManifest(ctx.t.db, auditor, result.id);
  if (!manifest) throw new Error("no manifest");
  await writeFile(file.replace(/\.(csv|jsonl)$/, ".manifest.json"), JSON.stringify(manifest));
  return { file, text, manifest, id: result.id };
}

describe("audit exports", () => {
  it("exports every event as CSV and as JSON Lines, each verifying offline against its manifest", async () => {
    const total = (await all({})).length;
    for (const format of ["csv", "jsonl"] as const) {
      const { file, manifest, text } = await download(format);
      expect(manifest.events).toBe(total);
      expect(manifest.exportedBy).toBe("avery@audit.test");
      expect(new Set(manifest.heads.map(([stream]) => stream)).size).toBe(manifest.heads.length);
      const verdict = await verifyExportFile(file);
      expect(verdict).toMatchObject({ ok: true, events: total, problems: [] });
      if (format === "csv") expect(text.split("\n")[0]).toMatch(/^stream,seq,created_at,/);
    }
    const row = await ctx.t.db.auditExport.findFirstOrThrow({ orderBy: { startedAt: "desc" } });
    expect(row).toMatchObject({ status: "DONE", requestedBy: auditor.id });
  });

  it("exports the explorer's filters, and the filtered export still verifies", async () => {
    const { file, manifest } = await download("csv", { action: "REJECTED" });
    expect(manifest).toMatchObject({ events: 1, filters: { action: "REJECTED" } });
    expect((await verifyExportFile(file)).ok).toBe(true);
  });

  it("fails verification when an event, the file or the manifest was changed", async () => {
    const { file, text, manifest } = await download("jsonl");
    // An event's reason edited, the file's hash left alone in the manifest.
    await writeFile(file, text.replace("Not this quarter", "Approved after all"));
    const edited = await verifyExportFile(file);
    expect(edited.ok).toBe(false);
    expect(edited.problems.join("\n")).toMatch(/SHA-256/);
    expect(edited.problems.join("\n")).toMatch(/hash mismatch/);

    // The last event of a chain removed, and the manifest's hash "fixed" to match the new file.
    const lines = text.trimEnd().split("\n");
    const shortened = `${lines.slice(0, -1).join("\n")}\n`;
    await writeFile(file, shortened);
    const { createHash } = await import("node:crypto");
    const forged: Manifest = {
      ...manifest,
      sha256: createHash("sha256").update(shortened).digest("hex"),
      events: manifest.events - 1,
    };
    const manifestFile = file.replace(/\.jsonl$/, ".manifest.json");
    await writeFile(manifestFile, JSON.stringify(forged));
    const truncated = await verifyExportFile(file);
    expect(truncated.ok).toBe(false);
    expect(truncated.problems.join("\n")).toMatch(
      /the file ends at #|in the manifest, not in the file/,
    );
    expect(JSON.parse(await readFile(manifestFile, "utf8")).events).toBe(manifest.events - 1);
  });

  it("refuses a wrong format or bad filters with the field at fault, and those who may not read", async () => {
    const wrong = await errorOf(exportAudit(ctx.t.db, auditor, {}, "xlsx"));
    expect(wrong).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ field: "format" }] });
    const bad = await errorOf(exportAudit(ctx.t.db, auditor, { from: "soon" }, "csv"));
    expect(bad).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ field: "from" }] });
    const before = await ctx.t.db.auditExport.count();
    expect(
      (await errorOf(exportAudit(ctx.t.db, { ...ctx.w.finance, email: "f" }, {}, "csv"))).code,
    ).toBe("FORBIDDEN");
    expect(await ctx.t.db.auditExport.count()).toBe(before);
  });

  it("keeps a download cut off as ABORTED", async () => {
    const result = await exportAudit(ctx.t.db, auditor, {}, "csv", new Date(), 1);
    const reader = result.body.getReader();
    await reader.read();
    await reader.cancel();
    const row = await ctx.t.db.auditExport.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.status).toBe("ABORTED");
    expect(await exportManifest(ctx.t.db, auditor, result.id)).toBeNull();
  });
});
