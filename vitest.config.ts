import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    env: { TZ: "UTC" },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["{lib,app,components,prisma,scripts}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      // Real processes killed mid-work and thousands of rows: minutes, so only on
      // `npm run test:faults` (FLOWGATE_FAULTS=1), not in `npm test`.
      ...(process.env.FLOWGATE_FAULTS === "1"
        ? [
            {
              resolve: { alias },
              test: {
                name: "faults",
                environment: "node",
                include: ["tests/faults/**/*.fault.test.ts"],
                globalSetup: ["tests/integration/global-setup.ts"],
                testTimeout: 600_000,
                hookTimeout: 120_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["{lib,app,tests,scripts}/**/*.int.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
