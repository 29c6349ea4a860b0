/**
 * npm run bench:session — what checking the session costs each request (issue 12: sessions end
 * at once, so every read of the session asks the database). Against a throw-away embedded
 * PostgreSQL with BENCH_SESSIONS (default 10,000) open sessions: the check alone, sequentially
 * and with 8 at a time (as concurrent requests would), in microseconds per check.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb } from "../../lib/db/client";
import { startEmbeddedServer } from "../../lib/db/embedded-server";
import { deployMigrations } from "../../lib/db/prisma-cli";
import { liveSession } from "../../lib/db/sessions";

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 10_000);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 20_000);
const say = (line: string) => console.log(line);

async function main() {
  const root = await mkdtemp(path.join(os.tmpdir(), "flowgate-bench-session-"));
  const server = await startEmbeddedServer({ dataDir: path.join(root, "pg"), database: "bench" });
  const db = createDb(server.url, { max: 8 });
  try {
    say(
      `Flowgate session check — ${os.cpus().length} cores, Node ${process.version}, PostgreSQL 18`,
    );
    await deployMigrations(server.url);
    const department = await db.department.create({ data: { code: "ENG", name: "Engineering" } });
    const now = new Date();
    await db.$executeRaw`
      INSERT INTO users (id, email, name, password_hash, roles, department_id, updated_at)
      SELECT gen_random_uuid(), 'u' || g || '@bench.test', 'User ' || g, 'x', '{REQUESTER,MANAGER}',
             ${department.id}::uuid, now()
      FROM generate_series(1, ${SESSIONS}) g`;
    await db.$executeRaw`
      INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at)
      SELECT gen_random_uuid(), id, ${now}, ${now}::timestamptz + interval '8 hours', ${now}
      FROM users`;
    const ids = (await db.session.findMany({ select: { id: true } })).map((s) => s.id);
    // Warm up the connections and the prepared statements.
    for (let i = 0; i < 200; i++) await liveSession(db, ids[i % ids.length] as string, now);

    const timings: number[] = [];
    for (let i = 0; i < CHECKS; i++) {
      const started = performance.now();
      const live = await liveSession(db, ids[i % ids.length] as string, now);
      timings.push(performance.now() - started);
      if (!live) throw new Error("a live session was not found");
    }
    timings.sort((a, b) => a - b);
    const at = (p: number) => (timings[Math.floor(p * (timings.length - 1))] ?? 0) * 1000;
    say(
      `sequential: ${CHECKS.toLocaleString("en")} checks over ${SESSIONS.toLocaleString("en")} sessions — p50 ${at(0.5).toFixed(0)} µs, p95 ${at(0.95).toFixed(0)} µs, p99 ${at(0.99).toFixed(0)} µs`,
    );

    const began = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < CHECKS) {
          const i = next++;
          await liveSession(db, ids[i % ids.length] as string, now);
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    say(`8 at a time: ${Math.round(CHECKS / seconds).toLocaleString("en")} checks/s`);
  } finally {
    await db.$disconnect();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
