/**
 * Runs the Prisma CLI (migrate deploy/dev/reset…) in a child process against a given database.
 * The preload lets the WebAssembly engine's process exit as soon as it is done (see the file).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

export interface PrismaCliResult {
  code: number;
  output: string;
}

export function runPrismaCli(
  args: string[],
  databaseUrl: string,
  options: { inherit?: boolean } = {},
): Promise<PrismaCliResult> {
  const cli = require.resolve("prisma/build/index.js", { paths: [ROOT] });
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--require", path.join(ROOT, "scripts", "prisma-preload.cjs"), cli, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
        stdio: options.inherit ? "inherit" : "pipe",
      },
    );
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Applies pending migrations (`prisma migrate deploy`); throws with the CLI's output on failure. */
export async function deployMigrations(databaseUrl: string): Promise<void> {
  const result = await runPrismaCli(["migrate", "deploy"], databaseUrl);
  if (result.code !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.output.trim()}`);
  }
}
