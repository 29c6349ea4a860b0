/**
 * The database of the app under test (the launcher's embedded server under .data/e2e), for specs
 * that seed their own requests through the real services.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db/client";

export function e2eDb() {
  const dataDir = path.resolve(".data/e2e/pg");
  // postmaster.pid: line 4 is the port; the socket lives in the data directory.
  const port = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]?.trim();
  return createDb(
    `postgresql://flowgate:flowgate@127.0.0.1:${port}/flowgate?host=${encodeURIComponent(dataDir)}`,
    { max: 2 },
  );
}
