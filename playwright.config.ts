import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
// Debian's Chromium; Playwright's own browser download cannot run on our machines.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: BASE_URL,
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
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
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
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
