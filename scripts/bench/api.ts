/**
 * npm run bench:api — the HTTP API under load (autocannon, BENCH_CONNECTIONS = 32 connections, each
 * figure over BENCH_SECONDS = 10 s after a 2 s warm-up, the median of BENCH_ROUNDS = 3), each figure
 * next to what Next.js itself allows on this machine, measured in turns with it (inTurns below):
 * - a bare Next.js app built here (.bench/bare: a route handler returning JSON and a dynamic page,
 *   both of the same Next.js), run with `next start`;
 * - Flowgate as users run it (`npm start`: the production build on its own embedded database with
 *   the demo data, under .data/bench-api), built first when .next is missing (BENCH_BUILD=1 forces).
 * Figures: GET /api/v1/inbox with a token (target ≥ 60 % of the bare handler, p99 within 2×), the
 * /inbox page with a session (≥ 60 % of the bare page), decisions through the API (≥ 40 % of the
 * bare handler: BENCH_DECISIONS requests made first, each approved once), and the server's RSS
 * after 10,000 API calls against the bare server's after as many, both fresh (target ≤ 1.2×; the
 * RSS of both after every figure is printed at the end).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import { mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { EMBEDDED_PASSWORD, EMBEDDED_USER } from "../../lib/db/embedded-server";
import { DEMO_PASSWORD } from "../../prisma/demo-data";
import { demoToken } from "../../prisma/demo-tokens";

const require = createRequire(import.meta.url);
const NEXT_BIN = require.resolve("next/dist/bin/next");
const ROOT = process.cwd();
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 3_000);
const RSS_CALLS = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 3410);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3420);
/** BENCH_ONLY=inbox,page,rss,decisions: measure only these (the bare figures always). */
const ONLY = new Set((process.env.BENCH_ONLY ?? "health,inbox,page,rss,decisions").split(","));
const say = (line: string) => console.log(line);
/** The web server's process under `npm start` (scripts/run.ts compiles scripts/server.ts so). */
const SERVER_PROCESS = "flowgate-server.mjs";

interface Figure {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function measure(
  url: string,
  options: { headers?: Record<string, string>; seconds?: number } = {},
): Promise<Figure> {
  const run = (duration: number) =>
    autocannon({ url, connections: CONNECTIONS, duration, headers: options.headers });
  await run(2); // warm-up: compiled code paths, pools, caches
  const result = await run(options.seconds ?? SECONDS);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

/** Starts a server in its own process group, its output in `log`. */
function start(
  command: string[],
  env: Record<string, string>,
  log: string,
  cwd = ROOT,
): ChildProcess {
  const out = openSync(log, "w");
  const child = spawn(process.execPath, command, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", out, out],
    detached: true,
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {}
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {}
}

/** Refuses to start when something already answers on `port`: it would be measured instead. */
async function portFree(port: number): Promise<void> {
  const answered = await fetch(`http://localhost:${port}/`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`port ${port} is in use: stop what runs there first`);
}

async function waitFor(url: string, child: ChildProcess, seconds = 180): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited (${child.exitCode}): see .bench/*.log`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** RSS in MiB of the process whose command line contains `marker`, under `root` (or root itself). */
async function rssOf(root: number, marker: string | null): Promise<number> {
  const pids = await descendants(root);
  for (const pid of [root, ...pids]) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (marker === null ? pid === root : cmdline.includes(marker)) {
      const status = await readFile(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    }
  }
  throw new Error(`no process ${marker} under ${root}`);
}

/** CPU seconds (user + system) used so far by the processes under `root` whose command line has `marker`. */
async function cpuSeconds(root: number, marker: string): Promise<number> {
  let ticks = 0;
  for (const pid of [root, ...(await descendants(root))]) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (!cmdline.includes(marker)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / 100;
}

/** Runs `work` and says how the CPU time it took was shared between the server and PostgreSQL. */
async function withCpu<T>(root: number, seconds: () => number, work: () => Promise<T>): Promise<T> {
  // The server (web), the launcher (job worker and mail catcher) and PostgreSQL.
  const markers = [SERVER_PROCESS, "scripts/run.ts", "postgres"];
  const sample = () => Promise.all(markers.map((marker) => cpuSeconds(root, marker)));
  const before = await sample();
  const result = await work();
  const after = await sample();
  const wall = seconds();
  const [server, launcher, postgres] = after.map((value, i) =>
    (value - (before[i] ?? 0)).toFixed(1),
  );
  say(
    `${"".padEnd(34)} CPU over ${wall.toFixed(1)} s: server ${server} s, worker + mail ${launcher} s, PostgreSQL ${postgres} s (2 cores: ${(2 * wall).toFixed(1)} s)`,
  );
  return result;
}

async function descendants(pid: number): Promise<number[]> {
  const all: number[] = [];
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => []);
  for (const task of tasks) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "");
    for (const child of children.split(" ").filter(Boolean).map(Number)) {
      all.push(child, ...(await descendants(child)));
    }
  }
  return all;
}

async function calls(url: string, amount: number, headers?: Record<string, string>) {
  const result = await autocannon({ url, connections: CONNECTIONS, amount, headers });
  if (result.non2xx + result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx`);
}

// ------------------------------------------------------------------------------------------------

async function bareApp(): Promise<string> {
  const dir = path.join(ROOT, ".bench/bare");
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "app/api/bare"), { recursive: true });
  await mkdir(path.join(dir, "app/page-bare"), { recursive: true });
  await symlink(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  await writeFile(
    path.join(dir, "package.json"),
    JSON.stringify({ private: true, type: "module" }),
  );
  await writeFile(path.join(dir, "next.config.mjs"), "export default {};\n");
  await writeFile(
    path.join(dir, "app/layout.js"),
    'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  );
  await writeFile(
    path.join(dir, "app/api/bare/route.js"),
    `export const dynamic = "force-dynamic";
export function GET() {
  return Response.json({ items: [{ id: crypto.randomUUID(), title: "Twelve chairs", amount: 14280 }], nextCursor: null });
}
`,
  );
  await writeFile(
    path.join(dir, "app/page-bare/page.js"),
    `export const dynamic = "force-dynamic";
export default async function Page() {
  return <main><h1>Inbox</h1><p>{new Date().toISOString()}</p></main>;
}
`,
  );
  const build = spawn(process.execPath, [NEXT_BIN, "build"], { cwd: dir, stdio: "ignore" });
  const code = await new Promise((resolve) => build.once("exit", resolve));
  if (code !== 0) throw new Error("the bare Next.js app did not build");
  return dir;
}

async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] as string)
    .find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`could not sign in as ${email} (HTTP ${response.status})`);
  return session;
}

/** Requests waiting for the manager's approval, made through the API by the requester. */
async function pendingRequests(base: string, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        next++;
        const response = await fetch(`${base}/api/v1/requests`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            text: "A standing desk for the new colleague in Berlin, EUR 640.",
            type: "GENERAL",
            fields: {},
            action: null,
            submit: true,
          }),
        });
        const body = (await response.json()) as { request: { id: string; status: string } };
        if (response.status !== 201 || body.request.status !== "IN_REVIEW") {
          throw new Error(`could not make a request: ${JSON.stringify(body)}`);
        }
        ids.push(body.request.id);
      }
    }),
  );
  return ids;
}

/**
 * Waits until the job queue is empty: the decisions are measured with their own jobs, not with
 * the backlog the 3,000 submissions before them left (a `notify:step` mail each).
 */
async function jobsDrained(dataDir: string, seconds = 600): Promise<void> {
  const port = (await readFile(path.join(dataDir, "db-port"), "utf8")).trim();
  const client = new pg.Client({
    connectionString: `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/flowgate`,
  });
  await client.connect();
  try {
    const deadline = Date.now() + seconds * 1000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE attempts < max_attempts AND run_at <= now()",
      );
      if ((rows[0]?.n ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`the job queue did not drain within ${seconds} s`);
  } finally {
    await client.end();
  }
}

async function decisions(base: string, token: string, ids: string[]): Promise<Figure> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    amount: ids.length,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({
          ...request,
          path: `/api/v1/requests/${ids[next++]}/decisions`,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ decision: "approve" }),
        }),
      },
    ],
  });
  return {
    // Counted over the run's exact duration: autocannon's average is over whole seconds, and the
    // 3,000 decisions take 6–8 s, so it could only say 3,000 / 6, / 7 or / 8 (500, 429, 375).
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

// ------------------------------------------------------------------------------------------------

const pct = (value: number, of: number) => `${Math.round((100 * value) / of)} %`;
const line = (name: string, f: Figure, bare?: Figure, target?: number) =>
  say(
    `${name.padEnd(34)} ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms` +
      (bare
        ? `  ${pct(f.rps, bare.rps).padStart(5)} of bare${target ? ` (target ≥ ${target} %)` : ""}`
        : "") +
      (f.non2xx ? `  [${f.non2xx} non-2xx]` : ""),
  );

/** The median of a few figures taken in turn (by requests per second; its latencies with it). */
function median(figures: Figure[]): Figure {
  const sorted = [...figures].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)] as Figure;
}

/**
 * Measures `mine` and the bare `theirs` in turns, ROUNDS times, and gives the median of each: this
 * machine's speed drifts by a third over minutes (other tenants), so a bare figure taken once, at
 * another moment, made a ratio swing from one run to the next. Both servers are up; only the one
 * being measured is under load.
 */
async function inTurns(
  mine: () => Promise<Figure>,
  theirs: () => Promise<Figure>,
): Promise<[Figure, Figure]> {
  const own: Figure[] = [];
  const bare: Figure[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await theirs());
    own.push(await mine());
  }
  return [median(own), median(bare)];
}

async function main() {
  say(
    `Flowgate API bench — ${os.cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s per figure, each the median of ${ROUNDS} taken in turn with the bare app's`,
  );
  if (process.env.BENCH_BUILD === "1" || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    say("building Flowgate (next build)…");
    const build = spawn(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: "ignore" });
    if ((await new Promise((resolve) => build.once("exit", resolve))) !== 0) {
      throw new Error("next build failed");
    }
  }

  await portFree(BARE_PORT);
  await portFree(APP_PORT);
  say("building the bare Next.js app…");
  const bareDir = await bareApp();
  const bare = start(
    [NEXT_BIN, "start", "-p", String(BARE_PORT)],
    { NODE_ENV: "production" },
    path.join(ROOT, ".bench/bare.log"),
    bareDir,
  );
  const dataDir = path.join(ROOT, ".data/bench-api");
  await rm(dataDir, { recursive: true, force: true });
  const app = start(
    ["--import", "tsx", "scripts/run.ts", "start"],
    {
      PORT: String(APP_PORT),
      FLOWGATE_DATA_DIR: dataDir,
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      APP_URL: `http://localhost:${APP_PORT}`,
      // The bench measures the work, not the limiter's refusals.
      API_RATE_LIMIT_PER_MINUTE: "1000000",
    },
    path.join(ROOT, ".bench/flowgate.log"),
  );
  try {
    const bareBase = `http://localhost:${BARE_PORT}`;
    const base = `http://localhost:${APP_PORT}`;
    await waitFor(`${bareBase}/api/bare`, bare);
    await waitFor(`${base}/api/health`, app);
    const bareRoute = () => measure(`${bareBase}/api/bare`);
    const barePage = () => measure(`${bareBase}/page-bare`);
    const manager = { authorization: `Bearer ${demoToken("manager.eng@example.com").token}` };
    const session = { cookie: await signIn(base, "manager.eng@example.com") };

    // The memory figure first, on both servers fresh from their start: each gets the same load,
    // 10,000 API calls, and nothing else yet (the page and decision figures below allocate far
    // more; the end of the run says where both stand after them too).
    if (ONLY.has("rss")) {
      await calls(`${bareBase}/api/bare`, RSS_CALLS);
      const bareRss = await rssOf(bare.pid as number, null);
      await calls(`${base}/api/v1/inbox`, RSS_CALLS, manager);
      const appRss = await rssOf(app.pid as number, SERVER_PROCESS);
      say(
        `RSS after ${RSS_CALLS.toLocaleString("en")} API calls: Flowgate ${appRss.toFixed(0)} MiB, bare ${bareRss.toFixed(0)} MiB — ${(appRss / bareRss).toFixed(2)}× (target ≤ 1.2×)`,
      );
    }
    if (ONLY.has("health")) {
      const [health, route] = await inTurns(() => measure(`${base}/api/health`), bareRoute);
      line("bare route handler (JSON)", route);
      line("Flowgate /api/health", health, route);
    }
    if (ONLY.has("inbox")) {
      const [inbox, route] = await inTurns(
        () => measure(`${base}/api/v1/inbox`, { headers: manager }),
        bareRoute,
      );
      line("bare route handler (JSON)", route);
      line("Flowgate GET /api/v1/inbox (token)", inbox, route, 60);
      say(
        `${"".padEnd(34)} p99 ${(inbox.p99 / Math.max(1, route.p99)).toFixed(1)}× bare's (target ≤ 2×)`,
      );
      const [legacy, again] = await inTurns(
        () => measure(`${base}/api/inbox`, { headers: session }),
        bareRoute,
      );
      line("Flowgate GET /api/inbox (session)", legacy, again);
    }
    if (ONLY.has("page")) {
      const [page, pageBare] = await inTurns(
        () => measure(`${base}/inbox`, { headers: session }),
        barePage,
      );
      line("bare dynamic page", pageBare);
      line("Flowgate /inbox page (session)", page, pageBare, 60);
    }
    if (ONLY.has("decisions")) {
      say(`making ${DECISIONS.toLocaleString("en")} requests for the decisions…`);
      const requester = demoToken("requester@example.com").token;
      const ids = await pendingRequests(base, requester, DECISIONS);
      await jobsDrained(dataDir);
      // The decisions can be taken once (each request is approved once): the bare handler is
      // measured just before and just after, and the decisions compared with the mean of both.
      const before = await bareRoute();
      const started = performance.now();
      const decided = await withCpu(
        app.pid as number,
        () => (performance.now() - started) / 1000,
        () => decisions(base, demoToken("manager.eng@example.com").token, ids),
      );
      const after = await bareRoute();
      const route = { ...before, rps: (before.rps + after.rps) / 2 };
      line("bare route handler (JSON), around", route);
      line("Flowgate POST decisions (token)", decided, route, 40);
    }
    const [appRss, bareRss] = [
      await rssOf(app.pid as number, SERVER_PROCESS),
      await rssOf(bare.pid as number, null),
    ];
    say(
      `RSS at the end, after every figure: Flowgate ${appRss.toFixed(0)} MiB, bare ${bareRss.toFixed(0)} MiB — ${(appRss / bareRss).toFixed(2)}×`,
    );
  } finally {
    await stop(app);
    await stop(bare);
  }
}

await main();
