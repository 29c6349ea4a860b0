/**
 * `npm run bench:bundle`: the first-load JavaScript of each page, as the browser downloads it
 * (gzip) and unpacked. Reads what `next build` writes to .next/diagnostics (Next 16 no longer
 * prints sizes); run `npm run build` first. Target for /inbox and /requests/new: < 200 kB gzip.
 * Exits non-zero when a target page is over the budget.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 200 * 1024;
const TARGETS = new Set(["/inbox", "/requests/new"]);
const STATS = ".next/diagnostics/route-bundle-stats.json";

interface RouteStats {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}

let stats: RouteStats[];
try {
  stats = JSON.parse(readFileSync(STATS, "utf8"));
} catch {
  console.error(`${STATS} not found: run \`npm run build\` first.`);
  process.exit(1);
}

const gzipped = new Map<string, number>();
const gzipSize = (path: string) => {
  let size = gzipped.get(path);
  if (size === undefined) {
    size = gzipSync(readFileSync(path), { level: 9 }).length;
    gzipped.set(path, size);
  }
  return size;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

let over = false;
console.log("route".padEnd(24), "first-load JS (gzip)".padStart(22), "(unpacked)".padStart(12));
for (const route of [...stats].sort((a, b) => a.route.localeCompare(b.route))) {
  const total = route.firstLoadChunkPaths.reduce((sum, path) => sum + gzipSize(path), 0);
  const target = TARGETS.has(route.route);
  const verdict = target ? (total < BUDGET_BYTES ? "  ✓ < 200 kB" : "  ✗ over 200 kB") : "";
  if (target && total >= BUDGET_BYTES) over = true;
  console.log(
    route.route.padEnd(24),
    kb(total).padStart(22),
    kb(route.firstLoadUncompressedJsBytes).padStart(12),
    verdict,
  );
}
process.exit(over ? 1 : 0);
