/**
 * `npm test`: the whole suite, as CI runs it. Lint and format check, type check, unit and
 * integration tests (Vitest, real PostgreSQL), a production build, then end-to-end tests
 * (Playwright in Debian's Chromium against `npm start` on a throw-away embedded database).
 * Ends with one tally line: "tests: N passed, N failed, N skipped" (a failed check counts as one).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  report?: () => Promise<Tally>;
}
interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const bin = (name: string) => `node_modules/.bin/${name}`;

const steps: Step[] = [
  { name: "lint", command: [bin("biome"), "ci", "."] },
  { name: "typecheck", command: ["npm", "run", "--silent", "typecheck"] },
  {
    name: "unit + integration",
    command: [
      bin("vitest"),
      "run",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-results/vitest.json",
    ],
    env: { LOG_LEVEL: "silent" },
    report: async () => {
      const r = JSON.parse(await readFile("test-results/vitest.json", "utf8"));
      return {
        passed: r.numPassedTests,
        failed: r.numFailedTests,
        skipped: r.numPendingTests + r.numTodoTests,
      };
    },
  },
  { name: "build", command: [bin("next"), "build"] },
  {
    name: "end-to-end",
    command: [bin("playwright"), "test"],
    report: async () => {
      const { stats } = JSON.parse(await readFile("test-results/playwright.json", "utf8"));
      return {
        passed: stats.expected + stats.flaky,
        failed: stats.unexpected,
        skipped: stats.skipped,
      };
    },
  },
];

function run(step: Step): Promise<number> {
  const [command, ...args] = step.command as [string, ...string[]];
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: "inherit",
      env: { ...process.env, TZ: "UTC", ...step.env },
    });
    child.on("error", () => resolve(127));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  await rm("test-results", { recursive: true, force: true });
  await mkdir("test-results", { recursive: true });
  const total: Tally = { passed: 0, failed: 0, skipped: 0 };
  const outcomes: string[] = [];
  let buildFailed = false;

  for (const step of steps) {
    if (step.name === "end-to-end") {
      if (!existsSync(chromium)) {
        outcomes.push(
          `end-to-end: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
        );
        total.failed += 1;
        continue;
      }
      if (buildFailed) {
        outcomes.push("end-to-end: skipped, the build failed");
        total.failed += 1;
        continue;
      }
    }
    console.log(`\n=== ${step.name} ===`);
    const started = Date.now();
    const code = await run(step);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const tally = step.report ? await step.report().catch(() => undefined) : undefined;
    if (tally) {
      total.passed += tally.passed;
      total.failed += tally.failed;
      total.skipped += tally.skipped;
    }
    if (code !== 0 && (!tally || tally.failed === 0)) total.failed += 1; // a failed check, or a crash
    if (code !== 0 && step.name === "build") buildFailed = true;
    const detail = tally ? ` (${tally.passed} passed, ${tally.failed} failed)` : "";
    outcomes.push(
      `${step.name}: ${code === 0 ? "ok" : `FAILED (exit ${code})`}${detail} in ${seconds}s`,
    );
  }

  console.log("\n=== summary ===");
  for (const line of outcomes) console.log(`  ${line}`);
  console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed === 0 ? 0 : 1;
}

process.exitCode = await main();
