/**
 * The launcher behind `npm run dev`, `npm start` and `npm run worker`.
 *
 * Without DATABASE_URL: starts the embedded PostgreSQL (data under .data/), applies migrations,
 * seeds the demo data once, generates a local AUTH_SECRET once, and without SMTP_URL starts a
 * local mail catcher (lib/mail/catcher.ts) whose address it prints. With DATABASE_URL: checks
 * that the database answers (a one-line error otherwise) and applies pending migrations unless
 * MIGRATE_ON_START=false. Then it runs Next.js (dev, start) and the job worker in this process
 * (WORKERS=false leaves jobs to `npm run worker` processes); `worker` runs only the worker. On
 * SIGINT/SIGTERM it stops Next.js, lets running jobs finish, then stops the database.
 */

import { spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { parseTrustedProxies } from "../lib/auth/client-address";
import { grantAppRole, urlAs } from "../lib/db/app-role";
import { createDb } from "../lib/db/client";
import { deployMigrations } from "../lib/db/prisma-cli";
import { EnvSchema } from "../lib/env";
import { migrateJobQueue, startWorker, workerPool } from "../lib/jobs/runtime";
import { type JobSettings, jobSettings } from "../lib/jobs/settings";
import { startMailCatcher } from "../lib/mail/catcher";
import { ensureDefaultWorkflows } from "../lib/services/seed-workflows";
import { isSeeded, seedDemoData } from "../prisma/seed";
import { dataDir, LaunchError, openDatabase } from "./lib/database";

type Mode = "dev" | "start" | "worker";
const mode = process.argv[2] as Mode;
const require = createRequire(import.meta.url);
const say = (line: string) => console.log(`[flowgate] ${line}`);

async function main(): Promise<number> {
  if (mode !== "dev" && mode !== "start" && mode !== "worker") {
    console.error("usage: tsx scripts/run.ts dev|start|worker");
    return 2;
  }
  try {
    parseTrustedProxies(process.env.TRUSTED_PROXIES);
  } catch (error) {
    throw new LaunchError((error as Error).message);
  }
  const database = await openDatabase(process.env.FLOWGATE_DB_LOG === "1" ? say : undefined);
  // What to stop on the way out, in order: the worker (running jobs finish), the mail catcher,
  // then the database.
  const stops: (() => Promise<void>)[] = [() => database.stop()];
  const stopAll = once(async () => {
    for (const stop of stops) await stop();
  });
  try {
    say(
      database.embedded
        ? `embedded PostgreSQL ready at ${redact(database.url)}`
        : "database reachable",
    );
    // Migrations (and the demo data) as the tables' owner; the app itself as a role that owns
    // nothing (lib/db/app-role.ts): the embedded set-up's own, or DATABASE_URL's user when
    // DATABASE_OWNER_URL names the owner.
    const ownerUrl = database.embedded
      ? database.url
      : (process.env.DATABASE_OWNER_URL ?? database.url);
    if (database.embedded || process.env.MIGRATE_ON_START !== "false") {
      await deployMigrations(ownerUrl);
      await migrateJobQueue(ownerUrl);
      say("migrations applied");
    }
    const appUrl = await appRoleUrl(database, ownerUrl);
    if (mode !== "worker") await prepareData(ownerUrl, database.embedded);

    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: appUrl };
    if (!env.SMTP_URL && database.embedded) {
      const catcher = await startMailCatcher({
        smtpPort: optionalPort(process.env.MAIL_CATCHER_SMTP_PORT),
        webPort: optionalPort(process.env.MAIL_CATCHER_WEB_PORT),
      });
      stops.unshift(() => catcher.stop());
      env.SMTP_URL = catcher.smtpUrl;
      say(`mail goes to a local catcher: read it at ${catcher.webUrl}`);
    }
    if (!env.AUTH_SECRET) {
      if (!database.embedded && mode !== "dev") {
        throw new LaunchError(
          "AUTH_SECRET is not set. Generate one with `openssl rand -base64 33`.",
        );
      }
      env.AUTH_SECRET = await localAuthSecret();
    }
    if (!env.WEBHOOK_SECRET && database.embedded) env.WEBHOOK_SECRET = await localWebhookSecret();
    // The embedded set-up runs on one machine with its receivers (examples, tests): outbound
    // webhooks may go to local addresses there (lib/webhooks/target.ts); elsewhere only if set.
    if (database.embedded && env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS === undefined) {
      env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "true";
    }
    // Signed audit checkpoints: for the embedded set-up a key and a file beside the data (in
    // production both belong elsewhere: README).
    if (database.embedded && !env.AUDIT_SIGNING_KEY && !env.AUDIT_SIGNING_KEY_FILE) {
      await localSecret("audit-signing-key.pem", () =>
        generateKeyPairSync("ed25519")
          .privateKey.export({ type: "pkcs8", format: "pem" })
          .toString()
          .trim(),
      );
      env.AUDIT_SIGNING_KEY_FILE = path.join(dataDir(), "audit-signing-key.pem");
    }
    if (database.embedded && !env.AUDIT_CHECKPOINT_FILE) {
      env.AUDIT_CHECKPOINT_FILE = path.join(dataDir(), "audit-checkpoints.jsonl");
    }
    // This process runs jobs too (unless told not to), with the same settings as the app.
    Object.assign(process.env, {
      DATABASE_URL: env.DATABASE_URL,
      SMTP_URL: env.SMTP_URL,
      AUTH_SECRET: env.AUTH_SECRET,
      ...(env.WEBHOOK_SECRET ? { WEBHOOK_SECRET: env.WEBHOOK_SECRET } : {}),
      ...(env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS
        ? { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS }
        : {}),
      ...(env.AUDIT_SIGNING_KEY_FILE ? { AUDIT_SIGNING_KEY_FILE: env.AUDIT_SIGNING_KEY_FILE } : {}),
      ...(env.AUDIT_CHECKPOINT_FILE ? { AUDIT_CHECKPOINT_FILE: env.AUDIT_CHECKPOINT_FILE } : {}),
    });
    // The app's own settings, checked before anything serves: a bad value is named here and the
    // launch stops, rather than every request failing later.
    const settings = EnvSchema.safeParse(process.env);
    if (!settings.success) {
      const issue = settings.error.issues[0];
      throw new LaunchError(`${issue?.path.join(".")} is invalid: ${issue?.message}`);
    }
    let jobs: JobSettings;
    try {
      jobs = jobSettings();
    } catch (error) {
      throw new LaunchError((error as Error).message);
    }
    if (mode === "worker" || jobs.WORKERS === "true") {
      stops.unshift(await startJobs(appUrl, jobs));
    }
    if (mode === "worker") {
      say("worker running; Ctrl-C stops it");
      await untilSignal();
      return 0;
    }
    // An approval system should not phone home by default; set it to 0 to share Next's telemetry.
    env.NEXT_TELEMETRY_DISABLED ??= "1";
    // Auth.js refuses unknown hosts unless told otherwise; the embedded setup is a local app.
    if (database.embedded) env.AUTH_TRUST_HOST ??= "true";

    if (mode === "start" && !existsSync(path.join(".next", "BUILD_ID"))) {
      say("no production build found: running `next build` first");
      const built = await runNext(["build"], env);
      if (built !== 0) return built;
    }
    return await runServer(mode, env, stopAll);
  } finally {
    await stopAll();
  }
}

/** The URL the app connects with: as a role that owns nothing, once it has its grants. */
async function appRoleUrl(database: { url: string; embedded: boolean }, ownerUrl: string) {
  if (database.embedded) {
    const password = await localSecret("db-app-password", () =>
      randomBytes(24).toString("base64url"),
    );
    await grantAppRole(ownerUrl, EMBEDDED_APP_ROLE, { createWithPassword: password });
    return urlAs(database.url, EMBEDDED_APP_ROLE, password);
  }
  if (!process.env.DATABASE_OWNER_URL) {
    say(
      "warning: the app connects as the owner of its tables; set DATABASE_OWNER_URL to the owner and DATABASE_URL to a role of its own (README, Production)",
    );
    return database.url;
  }
  try {
    await grantAppRole(ownerUrl, decodeURIComponent(new URL(database.url).username));
  } catch (error) {
    throw new LaunchError(`cannot grant the app's role its rights: ${(error as Error).message}`);
  }
  return database.url;
}

const EMBEDDED_APP_ROLE = "flowgate_app";

/** The job worker in this process, on its own small pool; returns how to stop it. */
async function startJobs(url: string, settings: JobSettings): Promise<() => Promise<void>> {
  const pool = workerPool(url, settings.WORKER_CONCURRENCY);
  const worker = await startWorker({
    pool,
    concurrency: settings.WORKER_CONCURRENCY,
    crontab: settings.crontab,
    shutdownTimeoutMs: settings.JOB_SHUTDOWN_TIMEOUT_MS,
    presumedDeadMs: settings.WORKER_PRESUMED_DEAD_MS,
  });
  say(`job worker running (${settings.WORKER_CONCURRENCY} at a time)`);
  return async () => {
    await worker.stop();
    await pool.end();
  };
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      say(`${signal}: stopping (running jobs finish first)`);
      resolve();
    };
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}

function optionalPort(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new LaunchError(`${value} is not a port number`);
  }
  return port;
}

/** Default workflows on every database (new types get version 1); demo users on the embedded one. */
async function prepareData(url: string, demo: boolean): Promise<void> {
  const db = createDb(url);
  try {
    const published = await ensureDefaultWorkflows(db);
    if (published > 0) say(`published ${published} default workflow${published === 1 ? "" : "s"}`);
    if (demo && !(await isSeeded(db))) {
      const { users, requests } = await seedDemoData(db);
      say(`seeded demo data (${users} users, ${requests} requests; see the sign-in page)`);
    }
  } finally {
    await db.$disconnect();
  }
}

// Development-only secrets, created once and kept with the embedded data so sessions (and
// webhook receivers) survive restarts. Production sets AUTH_SECRET and WEBHOOK_SECRET explicitly.
async function localSecret(name: string, make: () => string): Promise<string> {
  const file = path.join(dataDir(), name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = make();
  await mkdir(dataDir(), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const localAuthSecret = () => localSecret("auth-secret", () => randomBytes(33).toString("base64"));
/** Standard Webhooks' format: "whsec_" and 24–64 random bytes in base64. */
const localWebhookSecret = () =>
  localSecret("webhook-secret", () => `whsec_${randomBytes(32).toString("base64")}`);

/** Runs the Next.js CLI (`next build`) to its end. */
function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const next = require.resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [next, ...args], { env, stdio: "inherit" });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

/**
 * `npm start` runs scripts/server.ts compiled to plain JavaScript (esbuild: our few modules in one
 * file, packages left to Node), not through tsx: tsx's module hooks run in a thread of their own,
 * which held ~55 MiB of the server's memory for nothing a production server needs (measured with
 * `npm run bench:api`). Compiled at every start (~50 ms), so it is never older than the source;
 * written beside the build and renamed into place, so two launches never read half a file.
 */
async function compiledServer(): Promise<string[]> {
  const { build } = await import("esbuild");
  const outfile = path.join(".next", "flowgate-server.mjs");
  const temporary = `${outfile}.${process.pid}.tmp`;
  await build({
    entryPoints: ["scripts/server.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    packages: "external",
    outfile: temporary,
    logLevel: "error",
  });
  await rename(temporary, outfile);
  return [outfile];
}

/**
 * Runs the app's HTTP server (scripts/server.ts) in a child process. On SIGINT/SIGTERM/SIGHUP it
 * stops the server first, then runs `beforeExit` (the worker, the database) and resolves 0. If the
 * server dies on its own (a crash, the kernel's OOM killer), it says so, stops the rest and
 * resolves non-zero, so that a supervisor (systemd, a container runtime) restarts the whole app.
 */
/**
 * V8 lets a busy server's heap grow to about four times what is live before it collects the old
 * generation; the production server holds it to twice (`--heap-growing-percent=100`, a V8 flag
 * NODE_OPTIONS does not pass on). After 10,000 API calls the server's RSS went from ~485 to
 * ~385 MiB with its throughput unchanged within the runs' spread (`npm run bench:api`; the live
 * heap is ~70 MB, so the collections this adds are short and mostly concurrent). Not in
 * development, where compiling is what allocates.
 */
const SERVER_NODE_FLAGS = ["--heap-growing-percent=100"];

async function runServer(
  mode: "dev" | "start",
  env: NodeJS.ProcessEnv,
  beforeExit: () => Promise<void>,
): Promise<number> {
  const entry =
    mode === "start"
      ? [...SERVER_NODE_FLAGS, ...(await compiledServer())]
      : ["--import", "tsx", "scripts/server.ts"];
  const child = spawn(process.execPath, [...entry, mode], {
    env: { ...env, NODE_ENV: mode === "dev" ? "development" : "production" },
    stdio: "inherit",
  });
  let asked: NodeJS.Signals | null = null;
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null) child.kill(signal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    say(`${signal}: stopping`);
    asked ??= signal;
    forward(signal === "SIGHUP" ? "SIGTERM" : signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
  return new Promise<number>((resolve) => {
    child.once("exit", async (code, signal) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      process.off("SIGHUP", onSignal);
      if (!asked) {
        say(
          `the app server stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}): stopping the rest and exiting with an error`,
        );
      }
      await beforeExit();
      resolve(asked ? 0 : code || 1);
    });
  });
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= fn();
    return running;
  };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof LaunchError) {
    console.error(`flowgate: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
