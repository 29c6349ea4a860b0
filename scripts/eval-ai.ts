/**
 * npm run eval:ai [-- --provider local] [-- file.jsonl …]
 * Runs a provider over labelled request texts (default: ../shared/eval/enrichment-dev.jsonl) and
 * prints type accuracy, exact-match accuracy per field and latency percentiles.
 * Targets for `local`: type ≥ 95 %, amount/days/severity ≥ 90 % each, median < 5 ms.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { aiSettings } from "../lib/ai/config";
import { evaluate, parseExamples } from "../lib/ai/evaluate";
import { localProvider } from "../lib/ai/local";
import type { AiProvider } from "../lib/ai/provider";

const args = process.argv.slice(2);
const providerName = args.includes("--provider") ? args[args.indexOf("--provider") + 1] : "local";
const files = args.filter((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--provider");
// The shared, labelled set when it sits beside the repo; otherwise the copy in tests/fixtures.
const sharedFile = path.resolve(
  import.meta.dirname,
  "..",
  "..",
  "shared",
  "eval",
  "enrichment-dev.jsonl",
);
const defaultFile = existsSync(sharedFile)
  ? sharedFile
  : path.resolve(import.meta.dirname, "..", "tests", "fixtures", "enrichment-dev.jsonl");

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
  const targets = files.length ? files : [defaultFile];
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
    for (const miss of report.misses) {
      console.log(
        `  miss: ${JSON.stringify(miss.text)}\n        expected ${JSON.stringify(miss.expected)} got ${JSON.stringify(miss.got)}`,
      );
    }
  }
  return 0;
}

process.exitCode = await main();
