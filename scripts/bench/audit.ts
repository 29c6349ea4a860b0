/**
 * npm run bench:audit — the audit explorer and its exports at scale (issue 13: p95 < 50 ms per
 * page at 1,000,000 events; 1,000,000 events export in bounded memory).
 *
 * A throw-away embedded PostgreSQL gets BENCH_REQUESTS (default 100,000) requests of ten real,
 * hash-chained events each, spread over a year, by 200 people in four departments. Then each kind
 * of search is timed as the explorer runs it (first pages and pages deep in the trail, the cursor
 * at a random point), the whole trail is exported as CSV (time, the process's peak RSS), and the
 * file is verified offline as `npm run audit:verify` would.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { verifyExportFile } from "../../lib/audit/verify-export";
import { chainEntries } from "../../lib/db/audit";
import {
  type AuditCursor,
  type AuditFilters,
  auditSearchSql,
  requestPlan,
  searchAuditEvents,
} from "../../lib/db/audit-search";
import { createDb, poolOf } from "../../lib/db/client";
import { startEmbeddedServer } from "../../lib/db/embedded-server";
import { deployMigrations } from "../../lib/db/prisma-cli";
import type { AuditEntry } from "../../lib/engine";
import { exportAudit } from "../../lib/services/export-audit";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const say = (line: string) => console.log(line);
const n = (value: number) => Math.round(value).toLocaleString("en");

const T0 = Date.parse("2025-01-01T00:00:00Z");
const MINUTE = 60_000;
const TITLES = [
  "ergonomic chairs",
  "standing desk",
  "laptop",
  "team offsite",
  "monitor arms",
  "licence renewal",
];

/** Ten events of request `r`, each of its action's shape. */
function lifeOf(r: number, users: string[]): AuditEntry[] {
  const requester = users[r % users.length] as string;
  const approver = users[(r * 7 + 3) % users.length] as string;
  const step = (role: "MANAGER" | "FINANCE" | "DIRECTOR") => ({
    nodeId: role.toLowerCase(),
    role,
    departmentId: null,
    dueAt: new Date(T0 + r * 5 * MINUTE + 86_400_000).toISOString(),
    quorum: "any",
  });
  const user = (id: string) => ({ type: "USER" as const, id });
  const system = { type: "SYSTEM" as const, onBehalfOf: null };
  const move = (fromStatus: AuditEntry["fromStatus"], toStatus: AuditEntry["toStatus"]) => ({
    fromStatus,
    toStatus,
  });
  const title = `${r % 97} ${TITLES[r % TITLES.length]} for office ${r % 13}`;
  const ending: AuditEntry =
    r % 20 === 0
      ? {
          action: "REJECTED",
          actor: user(approver),
          ...move("IN_REVIEW", "REJECTED"),
          data: { nodeId: "director", role: "DIRECTOR", reason: "Not this year" },
        }
      : r % 500 === 0
        ? {
            action: "ACTION_ABANDONED",
            actor: user(approver),
            ...move(null, null),
            data: { reason: "Vendor gone" },
          }
        : {
            action: "COMPLETED",
            actor: system,
            ...move("IN_REVIEW", "APPROVED"),
            data: { nodeId: "ok", outcome: "APPROVED" },
          };
  return [
    {
      action: "CREATED",
      actor: user(requester),
      ...move(null, "DRAFT"),
      data: { type: "PROCUREMENT", title, fields: { amount: 1_000 + r, currency: "EUR" } },
    },
    {
      action: "ENRICHED",
      actor: { type: "AI", onBehalfOf: requester },
      ...move("DRAFT", "DRAFT"),
      data: {
        type: "PROCUREMENT",
        typeConfidence: 0.9,
        confidence: 0.8,
        fields: { amount: 1_000 + r },
        warnings: [],
        provenance: { provider: "local" },
      },
    },
    {
      action: "SUBMITTED",
      actor: user(requester),
      ...move("DRAFT", "SUBMITTED"),
      data: { round: 1 },
    },
    {
      action: "STEP_STARTED",
      actor: system,
      ...move("SUBMITTED", "IN_REVIEW"),
      data: step("MANAGER"),
    },
    {
      action: "APPROVED",
      actor: user(approver),
      ...move("IN_REVIEW", "IN_REVIEW"),
      data: { nodeId: "manager", role: "MANAGER", approvals: 1, needed: 1 },
    },
    {
      action: "STEP_STARTED",
      actor: system,
      ...move("IN_REVIEW", "IN_REVIEW"),
      data: step("FINANCE"),
    },
    r % 50 === 0
      ? {
          action: "SLA_ESCALATED",
          actor: system,
          ...move("IN_REVIEW", "ESCALATED"),
          data: {
            nodeId: "finance",
            fromRole: "FINANCE",
            toRole: "DIRECTOR",
            reason: "No decision within the SLA.",
            dueAt: new Date(T0).toISOString(),
          },
        }
      : {
          action: "APPROVED",
          actor: user(approver),
          ...move("IN_REVIEW", "IN_REVIEW"),
          data: { nodeId: "finance", role: "FINANCE", approvals: 1, needed: 1 },
        },
    {
      action: "STEP_STARTED",
      actor: system,
      ...move("IN_REVIEW", "IN_REVIEW"),
      data: step("DIRECTOR"),
    },
    {
      action: "APPROVED",
      actor: user(approver),
      ...move("IN_REVIEW", "IN_REVIEW"),
      data: { nodeId: "director", role: "DIRECTOR", approvals: 1, needed: 1 },
    },
    ending,
  ];
}

function percentiles(timings: number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.floor(p * (sorted.length - 1))] ?? 0;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`;
}

async function main() {
  const root = await mkdtemp(path.join(os.tmpdir(), "flowgate-bench-audit-"));
  const server = await startEmbeddedServer({ dataDir: path.join(root, "pg"), database: "bench" });
  const db = createDb(server.url, { max: 4 });
  const pool = poolOf(db);
  try {
    say(
      `Flowgate audit explorer — ${os.cpus().length} cores, Node ${process.version}, PostgreSQL 18`,
    );
    await deployMigrations(server.url);
    const departments: string[] = [];
    for (const code of ["ENG", "OPS", "FIN", "PPL"]) {
      departments.push((await db.department.create({ data: { code, name: code } })).id);
    }
    await pool.query(
      `INSERT INTO users (id, email, name, password_hash, roles, department_id, updated_at)
       SELECT gen_random_uuid(), 'u' || g || '@bench.test', 'User ' || g, 'x', '{REQUESTER,MANAGER}',
              ($1::uuid[])[1 + g % 4], now()
       FROM generate_series(1, 200) g`,
      [departments],
    );
    const users = (
      await pool.query<{ id: string }>("SELECT id FROM users ORDER BY email")
    ).rows.map((u) => u.id);
    const auditor = await db.user.create({
      data: { email: "auditor@bench.test", name: "Auditor", passwordHash: "x", roles: ["AUDITOR"] },
    });

    const seedStarted = performance.now();
    const BATCH = 1_000;
    for (let first = 0; first < REQUESTS; first += BATCH) {
      const requests: object[] = [];
      const events: object[] = [];
      for (let r = first; r < Math.min(REQUESTS, first + BATCH); r++) {
        const id = randomUUID();
        const life = lifeOf(r, users);
        const at = T0 + r * 5 * MINUTE;
        // Chain the ten events, a minute apart.
        let head: { seq: number; hash: string } | null = null;
        for (const [k, entry] of life.entries()) {
          const [row] = chainEntries(`request:${id}`, head, [entry], new Date(at + k * MINUTE));
          if (!row) throw new Error("no row");
          head = { seq: row.seq, hash: row.hash };
          events.push({ ...row, request_id: id });
        }
        const last = life.at(-1);
        requests.push({
          id,
          number: r + 1,
          type: "PROCUREMENT",
          title: (life[0]?.data as { title?: string } | undefined)?.title ?? "",
          status: last?.toStatus ?? "APPROVED",
          requester_id: users[r % users.length],
          department_id: departments[r % 4],
          audit_seq: head?.seq,
          audit_hash: head?.hash,
          created_at: new Date(at).toISOString(),
        });
      }
      await pool.query(
        `INSERT INTO requests (id, number, type, title, description, status, requester_id, department_id,
                               audit_seq, audit_hash, created_at, updated_at)
         SELECT r.id, r.number, r.type::"RequestType", r.title, r.title || ' (bench)', r.status::"RequestStatus",
                r.requester_id, r.department_id, r.audit_seq, r.audit_hash, r.created_at, r.created_at
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, number int, type text, title text, status text,
              requester_id uuid, department_id uuid, audit_seq int, audit_hash text, created_at timestamptz)`,
        [JSON.stringify(requests)],
      );
      await pool.query(
        `INSERT INTO audit_events (stream, seq, request_id, actor_type, actor_id, on_behalf_of_id, action,
                                   from_status, to_status, data, created_at, prev_hash, hash)
         SELECT a.stream, a.seq, a.request_id, a.actor_type::"ActorType", a.actor_id, a.on_behalf_of_id, a.action,
                a.from_status::"RequestStatus", a.to_status::"RequestStatus", a.data, a.created_at, a.prev_hash, a.hash
         FROM jsonb_to_recordset($1::jsonb) AS a(stream text, seq int, request_id uuid, actor_type text,
              actor_id uuid, on_behalf_of_id uuid, action text, from_status text, to_status text, data jsonb,
              created_at timestamptz, prev_hash text, hash text)`,
        [JSON.stringify(events)],
      );
    }
    await pool.query("ANALYZE");
    const total = Number(
      (await pool.query<{ n: string }>("SELECT count(*) AS n FROM audit_events")).rows[0]?.n,
    );
    say(
      `seeded ${n(REQUESTS)} requests, ${n(total)} hash-chained events in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`,
    );

    const span = REQUESTS * 5 * MINUTE;
    const randomCursor = (): AuditCursor => ({
      at: new Date(T0 + Math.random() * span),
      stream: "request:ffffffff-ffff-ffff-ffff-ffffffffffff",
      seq: 1,
    });
    const week = 7 * 86_400_000;
    const weekFrom = T0 + span / 2;
    const cases: [string, () => AuditFilters][] = [
      ["everything", () => ({})],
      ["action = APPROVED (common)", () => ({ action: "APPROVED" })],
      ["action = ACTION_ABANDONED (rare)", () => ({ action: "ACTION_ABANDONED" })],
      [
        "actor = one of 200 people",
        () => ({ actorId: users[Math.floor(Math.random() * users.length)] }),
      ],
      ["FG number", () => ({ number: 1 + Math.floor(Math.random() * REQUESTS) })],
      ["type + status = REJECTED", () => ({ type: "PROCUREMENT", status: "REJECTED" })],
      ["department", () => ({ departmentId: departments[Math.floor(Math.random() * 4)] })],
      [
        "text (words of a few titles)",
        () => ({
          text: `${Math.floor(Math.random() * 97)} ${TITLES[Math.floor(Math.random() * TITLES.length)]}`,
        }),
      ],
      ["one week", () => ({ from: new Date(weekFrom), to: new Date(weekFrom + week) })],
      [
        "action + one week",
        () => ({ action: "REJECTED", from: new Date(weekFrom), to: new Date(weekFrom + week) }),
      ],
    ];
    say(
      `\nper page of 50, ${RUNS} runs each: first page | a page deep in the trail (cursor at a random point)`,
    );
    const worst: number[] = [];
    for (const [label, filters] of cases) {
      const first: number[] = [];
      const deep: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        let started = performance.now();
        await searchAuditEvents(db, filters(), null, 50);
        first.push(performance.now() - started);
        started = performance.now();
        await searchAuditEvents(db, filters(), randomCursor(), 50);
        deep.push(performance.now() - started);
      }
      worst.push(...first, ...deep);
      if (process.env.BENCH_EXPLAIN) {
        const chosen = filters();
        const { text, values } = auditSearchSql(
          chosen,
          randomCursor(),
          50,
          "desc",
          await requestPlan(db, chosen),
        );
        const plan = await pool.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${text}`, values);
        const started = performance.now();
        say(
          `      plan ${(await requestPlan(db, chosen)).kind} chosen in ${(performance.now() - started).toFixed(1)} ms`,
        );
        if (chosen.text) {
          const q = await pool.query(
            `EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM requests q WHERE (q.title || ' ' || q.description) ILIKE $1`,
            [`%${chosen.text}%`],
          );
          say(q.rows.map((row) => `      ${row["QUERY PLAN"]}`).join("\n"));
        }
        say(plan.rows.map((row) => `      ${row["QUERY PLAN"]}`).join("\n"));
      }
      say(`  ${label.padEnd(34)} ${percentiles(first)} | ${percentiles(deep)}`);
    }
    say(`  all searches: ${percentiles(worst)}`);

    const file = path.join(root, "export.csv");
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const baseline = peak;
    const heapBase = process.memoryUsage().heapUsed;
    let heapPeak = heapBase;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.rss);
      heapPeak = Math.max(heapPeak, usage.heapUsed);
    }, 50);
    const started = performance.now();
    const result = await exportAudit(
      db,
      { id: auditor.id, roles: ["AUDITOR"], department: null, email: auditor.email },
      {},
      "csv",
    );
    await result.body.pipeTo(Writable.toWeb(createWriteStream(file)));
    const exportSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const size = (await stat(file)).size;
    say(
      `\nexport (CSV, every event): ${n(total)} events, ${n(size / 1_048_576)} MiB in ${exportSeconds.toFixed(1)} s (${n(total / exportSeconds)} events/s); RSS ${n(baseline / 1_048_576)} MiB before, peak ${n(peak / 1_048_576)} MiB; JS heap ${n(heapBase / 1_048_576)} MiB before, peak ${n(heapPeak / 1_048_576)} MiB`,
    );
    const manifest = await db.auditExport.findUniqueOrThrow({ where: { id: result.id } });
    const { writeFile } = await import("node:fs/promises");
    await writeFile(path.join(root, "export.manifest.json"), JSON.stringify(manifest.manifest));
    global.gc?.();
    peak = process.memoryUsage().rss;
    heapPeak = process.memoryUsage().heapUsed;
    const verifySampler = setInterval(() => {
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.rss);
      heapPeak = Math.max(heapPeak, usage.heapUsed);
    }, 50);
    const verifyStarted = performance.now();
    const verdict = await verifyExportFile(file);
    clearInterval(verifySampler);
    say(
      `offline verification: ${verdict.ok ? "OK" : `FAILED (${verdict.problems.slice(0, 3).join("; ")})`}, ${n(verdict.events)} events in ${((performance.now() - verifyStarted) / 1000).toFixed(1)} s; peak RSS ${n(peak / 1_048_576)} MiB, JS heap ${n(heapPeak / 1_048_576)} MiB`,
    );
  } finally {
    await db.$disconnect();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
