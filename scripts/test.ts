/**
 * `npm test`: the whole suite, as CI runs it. Lint and format check, type check, unit and
 * integration tests (Vitest, real PostgreSQL), the same again with the clock moved one year and
 * ten years ahead (Debian's faketime, for Node and PostgreSQL alike: no test may depend on the
 * calendar), a production build, then end-to-end tests (Playwright in Debian's Chromium against
 * `npm start` on a throw-away embedded database).
 * Ends with one tally line: "tests: N passed, N failed, N skipped" (a failed check counts as one;
 * the shifted-clock reruns add their failures, not their passes, so each test counts once).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";

interface Step {
  name: string;
  command: string[];
  env?: () => Record<string, string>;
  report?: () => Promise<Tally>;
  /** A rerun of tests counted already: only its failures join the tally. */
  rerun?: boolean;
  /** A program the step needs, and how to get it. */
  needs?: { path: string; hint: string };
}
interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";
const faketime = process.env.FAKETIME_PATH ?? "/usr/bin/faketime";
const bin = (name: string) => `node_modules/.bin/${name}`;
const DAY_MS = 86_400_000;

function vitestStep(name: string, outputFile: string): Step {
  return {
    name,
    command: [
      bin("vitest"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${outputFile}`,
    ],
    env: () => ({ LOG_LEVEL: "silent" }),
    report: async () => {
      const r = JSON.parse(await readFile(outputFile, "utf8"));
      return {
        passed: r.numPassedTests,
        failed: r.numFailedTests,
        skipped: r.numPendingTests + r.numTodoTests,
      };
    },
  };
}

/**
 * Unit and integration tests again, every process (PostgreSQL too) seeing a clock `days` ahead.
 * tests/integration/global-setup.ts checks that the shift took hold in Node and in PostgreSQL.
 */
function shiftedClockStep(label: string, days: number): Step {
  const plain = vitestStep(
    `unit + integration, clock ${label}`,
    `test-results/vitest-${days}d.json`,
  );
  return {
    ...plain,
    command: [faketime, "-f", `+${days}d`, ...plain.command],
    env: () => ({
      LOG_LEVEL: "silent",
      FLOWGATE_EXPECT_CLOCK: `${Date.now()}+${days * DAY_MS}`,
    }),
    rerun: true,
    needs: { path: faketime, hint: "apt-get install -y faketime, or set FAKETIME_PATH" },
  };
}

const steps: Step[] = [
  { name: "lint", command: [bin("biome"), "ci", "."] },
  { name: "typecheck", command: ["npm", "run", "--silent", "typecheck"] },
  vitestStep("unit + integration", "test-results/vitest.json"),
  shiftedClockStep("+1 year", 365),
  shiftedClockStep("+10 years", 3_653),
  { name: "build", command: [bin("next"), "build"] },
  {
    name: "end-to-end",
    command: [bin("playwright"), "test"],
    needs: {
      path: chromium,
      hint: "apt-get install -y chromium-headless-shell, or set CHROMIUM_PATH",
    },
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
      env: { ...process.env, TZ: "UTC", ...step.env?.() },
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
    if (step.needs && !existsSync(step.needs.path)) {
      outcomes.push(`${step.name}: no ${step.needs.path} (${step.needs.hint})`);
      total.failed += 1;
      continue;
    }
    if (step.name === "end-to-end" && buildFailed) {
      outcomes.push("end-to-end: skipped, the build failed");
      total.failed += 1;
      continue;
    }
    console.log(`\n=== ${step.name} ===`);
    const started = Date.now();
    const code = await run(step);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const tally = step.report ? await step.report().catch(() => undefined) : undefined;
    if (tally) {
      total.failed += tally.failed;
      if (!step.rerun) {
        total.passed += tally.passed;
        total.skipped += tally.skipped;
      }
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
