/**
 * Verifies an audit export offline (`npm run audit:verify -- <file> [--manifest <file>]`): needs
 * the file and its manifest, nothing of Flowgate's database. Streams the file (bounded memory:
 * one head per chain), and reports:
 * - the file's SHA-256 and event count against the manifest's (the file is the one exported);
 * - each event's hash, recomputed (no event was changed after it was written);
 * - each link between consecutive events of a chain, wherever both are in the file;
 * - the last event of each chain against the manifest's heads (none removed from the end);
 * - the manifest's Ed25519 signature, and the key's fingerprint to compare with the deployment's.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import {
  ExportChecker,
  type ExportedEvent,
  fromCsvRecord,
  keyFingerprint,
  type Manifest,
  manifestSignatureValid,
} from "./export-format";

export interface ExportVerdict {
  ok: boolean;
  events: number;
  sha256: string;
  /** "valid", "invalid" or "unsigned", and the signing key's fingerprint when signed. */
  signature: "valid" | "invalid" | "unsigned";
  keyFingerprint: string | null;
  problems: string[];
  problemCount: number;
}

export const manifestPathFor = (file: string) =>
  `${file.replace(/\.(csv|jsonl)$/, "")}.manifest.json`;

export async function verifyExportFile(
  file: string,
  manifestFile = manifestPathFor(file),
): Promise<ExportVerdict> {
  const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
  const problems: string[] = [];
  const sha = createHash("sha256");
  for await (const chunk of createReadStream(file)) sha.update(chunk as Buffer);
  const sha256 = sha.digest("hex");
  if (sha256 !== manifest.sha256) {
    problems.push(
      `the file's SHA-256 is ${sha256}, the manifest says ${manifest.sha256}: not the file exported, or changed since`,
    );
  }
  const checker = new ExportChecker();
  const format = manifest.format ?? (file.endsWith(".csv") ? "csv" : "jsonl");
  try {
    if (format === "csv") {
      const parser = createReadStream(file).pipe(parse({ columns: true }));
      let line = 1;
      for await (const record of parser) {
        line += 1;
        checker.add(fromCsvRecord(record as Record<string, string>), `record ${line - 1}`);
      }
    } else {
      const lines = createInterface({
        input: createReadStream(file),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      let n = 0;
      for await (const text of lines) {
        n += 1;
        if (!text) continue;
        checker.add(JSON.parse(text) as ExportedEvent, `line ${n}`);
      }
    }
  } catch (error) {
    problems.push(`the file cannot be read as ${format}: ${(error as Error).message}`);
  }
  const result = checker.result;
  if (result.events !== manifest.events) {
    problems.push(`the file holds ${result.events} events, the manifest says ${manifest.events}`);
  }
  for (const [stream, seq, hash] of manifest.heads) {
    const head = result.heads.get(stream);
    if (!head) problems.push(`${stream}: in the manifest, not in the file`);
    else if (head.seq !== seq || head.hash !== hash) {
      problems.push(
        `${stream}: the file ends at #${head.seq}, the manifest at #${seq} (${hash.slice(0, 12)}…)`,
      );
    }
  }
  if (result.heads.size !== manifest.heads.length) {
    problems.push(
      `the file has ${result.heads.size} chains, the manifest ${manifest.heads.length}`,
    );
  }
  const valid = manifestSignatureValid(manifest);
  if (valid === false)
    problems.push("the manifest's signature does not hold: the manifest was changed");
  const all = [...problems, ...result.problems];
  return {
    ok: all.length === 0,
    events: result.events,
    sha256,
    signature: valid === null ? "unsigned" : valid ? "valid" : "invalid",
    keyFingerprint: manifest.signature ? keyFingerprint(manifest.signature.publicKey) : null,
    problems: all,
    problemCount: problems.length + result.problemCount,
  };
}
