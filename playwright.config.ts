import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? PORT + 80);
// Debian's Chromium headless shell (package chromium-headless-shell): the same browser Playwright
// runs headless by default, which its own download would fetch but cannot on our machines. The
// full browser's new headless mode stalled (Chromium 156: navigations and axe runs that never
// finished) with many pages open; see docs/decisions.md, "End-to-end browser".
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // No retries: a test that needs one is flaky, and flaky is failing.
  retries: 0,
  // Budgets for a loaded two-core machine (the app, PostgreSQL, two browsers and another CPU-bound
  // process sharing it): about four times the slowest test measured under such load. Actions and
  // navigations get their own limits so a stuck step fails where it sticks, with its own message.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: BASE_URL,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Signs each demo person in once and stores the session (e2e/auth.setup.ts); specs open
    // signed-in pages from it (personPage), so they test their subject rather than sign-in.
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  // The app as users run it (`npm start`: production build) on its own throw-away embedded
  // database, wiped before each run so every run starts from the seeded demo data.
  webServer: {
    command: "rm -rf .data/e2e && tsx scripts/run.ts start",
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(PORT),
      FLOWGATE_DATA_DIR: ".data/e2e",
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      // Low enough for e2e/sign-in.spec.ts to reach the pause; every spec signs in from one address.
      SIGNIN_MAX_FAILURES_PER_ACCOUNT: "3",
      SIGNIN_MAX_FAILURES_PER_IP: "50",
      // The launcher's local mail catcher, at a known address for the specs that read mail.
      MAIL_CATCHER_WEB_PORT: String(MAIL_PORT),
      APP_URL: BASE_URL,
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
