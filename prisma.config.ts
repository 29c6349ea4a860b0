// Prisma CLI configuration. The CLI runs fully offline: `engine: "js"` selects the WebAssembly
// schema engine, which talks to PostgreSQL through our driver adapter (lib/db/migrate-adapter.ts).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapterFactory } from "./lib/db/migrate-adapter";

// `prisma generate` must resolve the datasource url to read `engineType = "client"`; without one it
// falls back to downloading a native engine. Generation never connects, so any URL will do.
process.env.DATABASE_URL ??= "postgresql://flowgate@localhost:5432/flowgate";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => migrationAdapterFactory(requireDatabaseUrl()),
});

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}
