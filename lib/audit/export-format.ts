/**
 * The audit export's format, shared by the export (lib/services/export-audit.ts) and its offline
 * verifier (`npm run audit:verify -- <file>`, scripts/audit-verify.ts).
 *
 * A file holds events oldest first, one per CSV record (csv-stringify, RFC 4180 quoting; a header
 * row) or per JSON line. Each carries every member its hash is of, `data` as canonical JSON text in
 * CSV, so anyone can recompute each event's hash without Flowgate. Beside it, a manifest: the
 * file's SHA-256 and event count, the filters, and the last event of each chain in the file,
 * signed with Ed25519 when the deployment has an audit signing key (AUDIT_SIGNING_KEY).
 */
import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { type ChainedEvent, hashEvent } from "@/lib/engine/audit-chain";
import { canonicalJson } from "@/lib/engine/canonical-json";
import type { JsonValue } from "@/lib/engine/lifecycle";

export const EXPORT_COLUMNS = [
  "stream",
  "seq",
  "created_at",
  "actor_type",
  "actor_id",
  "actor_name",
  "on_behalf_of_id",
  "action",
  "from_status",
  "to_status",
  "request_number",
  "data",
  "prev_hash",
  "hash",
] as const;

export interface ExportedEvent {
  stream: string;
  seq: number;
  created_at: string;
  actor_type: "USER" | "SYSTEM" | "AI";
  actor_id: string | null;
  /** Informational (not hashed): the actor's name at export time. */
  actor_name: string | null;
  on_behalf_of_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  /** Informational (not hashed). */
  request_number: number | null;
  data: JsonValue;
  prev_hash: string | null;
  hash: string;
}

export type ExportFormat = "csv" | "jsonl";

export interface ManifestBody {
  v: 1;
  exportId: string;
  format: ExportFormat;
  file: string;
  exportedAt: string;
  exportedBy: string;
  filters: Record<string, string>;
  events: number;
  sha256: string;
  /** The last event of each chain in the file: [stream, seq, hash], sorted by stream. */
  heads: [string, number, string][];
}

export interface Manifest extends ManifestBody {
  /** Ed25519 over the canonical JSON of the body, and the key's SPKI PEM; absent when unsigned. */
  signature?: { alg: "Ed25519"; publicKey: string; sig: string };
}

/** A CSV record's values in EXPORT_COLUMNS order (data as canonical JSON text). */
export function csvRecord(event: ExportedEvent): (string | number | null)[] {
  return EXPORT_COLUMNS.map((column) =>
    column === "data" ? (canonicalJson(event.data) ?? "null") : event[column],
  );
}

/** Reads a CSV record (by header name) back into an event. */
export function fromCsvRecord(record: Record<string, string>): ExportedEvent {
  const nullable = (value: string | undefined) =>
    value === undefined || value === "" ? null : value;
  return {
    stream: record.stream ?? "",
    seq: Number(record.seq),
    created_at: record.created_at ?? "",
    actor_type: record.actor_type as ExportedEvent["actor_type"],
    actor_id: nullable(record.actor_id),
    actor_name: nullable(record.actor_name),
    on_behalf_of_id: nullable(record.on_behalf_of_id),
    action: record.action ?? "",
    from_status: nullable(record.from_status),
    to_status: nullable(record.to_status),
    request_number: record.request_number ? Number(record.request_number) : null,
    data: JSON.parse(record.data ?? "null") as JsonValue,
    prev_hash: nullable(record.prev_hash),
    hash: record.hash ?? "",
  };
}

export function hashOfExported(event: ExportedEvent): string {
  const chained: ChainedEvent = {
    stream: event.stream,
    seq: event.seq,
    actorType: event.actor_type,
    actorId: event.actor_id,
    onBehalfOfId: event.on_behalf_of_id,
    action: event.action,
    fromStatus: event.from_status,
    toStatus: event.to_status,
    data: event.data,
    createdAt: new Date(event.created_at),
    prevHash: event.prev_hash,
  };
  return hashEvent(chained);
}

const signedText = (body: ManifestBody) => canonicalJson(body as unknown as JsonValue) ?? "";

export function signManifest(
  body: ManifestBody,
  key: { privateKey: KeyObject; publicKey: KeyObject } | null,
): Manifest {
  if (!key) return body;
  return {
    ...body,
    signature: {
      alg: "Ed25519",
      publicKey: key.publicKey.export({ type: "spki", format: "pem" }).toString(),
      sig: sign(null, Buffer.from(signedText(body)), key.privateKey).toString("base64"),
    },
  };
}

/** Whether the manifest's signature holds (null: unsigned). */
export function manifestSignatureValid(manifest: Manifest): boolean | null {
  if (!manifest.signature) return null;
  const { signature, ...body } = manifest;
  try {
    return verify(
      null,
      Buffer.from(signedText(body)),
      createPublicKey(signature.publicKey),
      Buffer.from(signature.sig, "base64"),
    );
  } catch {
    return false;
  }
}

/** SHA-256 of the key (hex, first 16 characters): a short name people compare with the deployment's. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

export interface ExportCheck {
  events: number;
  /** Each problem found, the first 100 kept (with the count of all). */
  problems: string[];
  problemCount: number;
  /** The last event of each chain, as the file has them. */
  heads: Map<string, { seq: number; hash: string }>;
}

/**
 * Checks events in file order: each hash recomputed, and within a chain each event that follows
 * its predecessor in the file (seq n after n−1) linked to it. A filtered export may skip events of
 * a chain; the link is checked wherever both ends are present.
 */
export class ExportChecker {
  readonly result: ExportCheck = { events: 0, problems: [], problemCount: 0, heads: new Map() };

  add(event: ExportedEvent, where: string): void {
    this.result.events += 1;
    const problem = (text: string) => {
      this.result.problemCount += 1;
      if (this.result.problems.length < 100) this.result.problems.push(`${where}: ${text}`);
    };
    if (!Number.isInteger(event.seq) || event.seq < 1) problem(`seq ${event.seq} is not a number`);
    else if (hashOfExported(event) !== event.hash) {
      problem(
        `${event.stream} #${event.seq}: hash mismatch (the event differs from what was hashed)`,
      );
    }
    const previous = this.result.heads.get(event.stream);
    if (previous && event.seq <= previous.seq) {
      problem(`${event.stream} #${event.seq}: out of order (after #${previous.seq})`);
    } else if (previous && event.seq === previous.seq + 1 && event.prev_hash !== previous.hash) {
      problem(`${event.stream} #${event.seq}: previous hash does not match #${previous.seq}`);
    } else if (event.seq === 1 && event.prev_hash !== null) {
      problem(`${event.stream} #1: the first event of a chain has a previous hash`);
    }
    this.result.heads.set(event.stream, { seq: event.seq, hash: event.hash });
  }
}
