/**
 * npm run eval:ai [-- --provider local] [-- file.jsonl …]
 * Runs a provider over labelled request texts (default: every file in ../shared/eval, else the
 * copies in tests/fixtures) and prints type accuracy, exact-match accuracy per field, latency
 * percentiles and `tier downgrades: N`: texts whose extraction routes through a shorter chain of
 * the default workflows than their labels. Exits 1 when any file has a tier downgrade.
 * Targets for `local`: type ≥ 97 %, amount/days/severity ≥ 95 % each, p95 < 10 ms, 0 downgrades.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { aiSettings } from "../lib/ai/config";
import { evaluate, parseExamples } from "../lib/ai/evaluate";
import { localProvider } from "../lib/ai/local";
import type { AiProvider } from "../lib/ai/provider";

const args = process.argv.slice(2);
const providerName = args.includes("--provider") ? args[args.indexOf("--provider") + 1] : "local";
const files = args.filter((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--provider");
// The shared, labelled sets when they sit beside the repo; otherwise the copies in tests/fixtures.
const sharedDir = path.resolve(import.meta.dirname, "..", "..", "shared", "eval");
const fixturesDir = path.resolve(import.meta.dirname, "..", "tests", "fixtures");

async function defaultFiles(): Promise<string[]> {
  const dir = existsSync(sharedDir) ? sharedDir : fixturesDir;
  return (await readdir(dir))
    .filter((name) => name.startsWith("enrichment-") && name.endsWith(".jsonl"))
    .sort()
    .map((name) => path.join(dir, name));
}

/** `local`, or a hosted provider configured from the environment (see README, "AI"). */
function providerFor(name: string): AiProvider {
  if (name === "local") return localProvider;
  return aiSettings({ ...process.env, AI_PROVIDER: name }).provider;
}

async function main(): Promise<number> {
  let provider: AiProvider;
  try {
    provider = providerFor(providerName ?? "local");
  } catch (error) {
    console.error(`Cannot use provider "${providerName}": ${(error as Error).message}`);
    return 2;
  }
  const targets = files.length ? files : await defaultFiles();
  let downgrades = 0;
  for (const file of targets) {
    if (!existsSync(file)) {
      console.error(`No such file: ${file}`);
      return 2;
    }
    const examples = parseExamples(await readFile(file, "utf8"));
    // Warm up over the set once: a running server is warm; module loading and JIT are not latency.
    await evaluate(provider, examples);
    const report = await evaluate(provider, examples, {
      latencyRounds: provider.name === "local" ? 10 : 1,
    });
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `\n${path.relative(process.cwd(), file)} — provider ${provider.name} (${provider.model}), ${report.examples} examples`,
    );
    console.log(`  type accuracy      ${pct(report.typeAccuracy)}`);
    for (const [name, f] of Object.entries(report.fields)) {
      if (f.labelled)
        console.log(`  ${name.padEnd(18)} ${pct(f.accuracy)} exact (${f.exact}/${f.labelled})`);
    }
    console.log(
      `  latency (${report.latencySamples} calls) p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms, p99 ${report.latencyMs.p99} ms`,
    );
    console.log(`  tier downgrades: ${report.tierDowngrades.length}`);
    downgrades += report.tierDowngrades.length;
    for (const d of report.tierDowngrades) {
      console.log(
        `  downgrade: ${JSON.stringify(d.text)}\n        expected ${d.expected.join(" → ")}, got ${d.got.join(" → ") || "no step"}`,
      );
    }
    for (const miss of report.misses) {
      console.log(
        `  miss: ${JSON.stringify(miss.text)}\n        expected ${JSON.stringify(miss.expected)} got ${JSON.stringify(miss.got)}`,
      );
    }
  }
  return downgrades > 0 ? 1 : 0;
}

process.exitCode = await main();
