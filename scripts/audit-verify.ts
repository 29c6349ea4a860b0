/**
 * npm run audit:verify -- <export.csv|export.jsonl> [--manifest <file>]
 * Verifies an audit export offline against its manifest (by default the .manifest.json beside
 * it): lib/audit/verify-export.ts says what is checked. Exit 0 when everything holds, 1 when
 * something does not (each problem printed), 2 on wrong usage or unreadable files.
 */
import { parseArgs } from "node:util";
import { manifestPathFor, verifyExportFile } from "../lib/audit/verify-export";

const USAGE = "usage: npm run audit:verify -- <export file> [--manifest <manifest file>]";

async function main(): Promise<number> {
  let file: string;
  let manifest: string;
  try {
    const args = parseArgs({ allowPositionals: true, options: { manifest: { type: "string" } } });
    if (args.positionals.length !== 1) throw new Error("name one export file");
    file = args.positionals[0] as string;
    manifest = args.values.manifest ?? manifestPathFor(file);
  } catch (error) {
    console.error(`flowgate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let verdict: Awaited<ReturnType<typeof verifyExportFile>>;
  try {
    verdict = await verifyExportFile(file, manifest);
  } catch (error) {
    console.error(`flowgate: cannot read ${file} or ${manifest}: ${(error as Error).message}`);
    return 2;
  }
  console.log(`${file}: ${verdict.events.toLocaleString("en")} events, sha256 ${verdict.sha256}`);
  console.log(
    verdict.signature === "unsigned"
      ? "manifest: not signed (no audit signing key was configured)"
      : `manifest: signature ${verdict.signature}, key ${verdict.keyFingerprint} (compare with your deployment's)`,
  );
  if (verdict.ok) {
    console.log("OK: every event's hash, every link in the file and every chain's last event hold");
    return 0;
  }
  console.log(`FAILED: ${verdict.problemCount} problem${verdict.problemCount === 1 ? "" : "s"}`);
  for (const problem of verdict.problems) console.log(`  ${problem}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
