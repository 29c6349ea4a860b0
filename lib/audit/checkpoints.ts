/**
 * Signed checkpoints of the audit chains, kept outside the database.
 *
 * Every few minutes (`audit:checkpoint`, AUDIT_CHECKPOINT_CRON) the heads of the chains that moved
 * since the last checkpoint (request id, seq, hash) are written as one line to
 * AUDIT_CHECKPOINT_FILE: a JSON object with the time, the SHA-256 of the previous line (the lines
 * form a chain of their own) and the heads, signed with Ed25519 (AUDIT_SIGNING_KEY, a PKCS#8 PEM,
 * or AUDIT_SIGNING_KEY_FILE; never stored in the database). Verification then holds each request's
 * chain to its checkpoints: the event at a checkpointed seq must still have the checkpointed
 * hash. Whoever owns the database can rewrite a chain and re-hash it with our own function, but
 * cannot sign a checkpoint or rewrite the file: history older than the last checkpoint cannot be
 * changed unseen. The file belongs on storage the database's administrators cannot write (another
 * machine, an append-only bucket, a WORM mount); with several worker machines, a shared one.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, readFile, stat } from "node:fs/promises";
import { type Db, poolOf } from "@/lib/db/client";
import { canonicalJson } from "@/lib/engine/canonical-json";
import { log } from "@/lib/log";

export interface CheckpointSettings {
  file: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** The settings from the environment, or null when checkpoints are off (no file or no key). */
export async function checkpointSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CheckpointSettings | null> {
  const file = env.AUDIT_CHECKPOINT_FILE;
  const pem =
    env.AUDIT_SIGNING_KEY ??
    (env.AUDIT_SIGNING_KEY_FILE ? await readFile(env.AUDIT_SIGNING_KEY_FILE, "utf8") : undefined);
  if (!file || !pem) return null;
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error("AUDIT_SIGNING_KEY must be an Ed25519 private key (PKCS#8 PEM)");
  }
  return { file, privateKey, publicKey: createPublicKey(privateKey) };
}

/** A chain's head: a request's by its id, a person's or department's by its stream ("user:<id>"). */
export type Head = [requestIdOrStream: string, seq: number, hash: string];

interface CheckpointBody {
  v: 1;
  at: string;
  /** SHA-256 (hex) of the previous line, or null for the first. */
  prev: string | null;
  heads: Head[];
}

interface CheckpointLine extends CheckpointBody {
  /** Ed25519 signature (base64) over the canonical JSON of the other members. */
  sig: string;
}

const lineHash = (line: string) => createHash("sha256").update(line).digest("hex");
const signedText = (body: CheckpointBody) => canonicalJson(body as never) ?? "";

/** How far back a checkpoint looks before the previous one's time (commits land late). */
const OVERLAP_MS = 2 * 60 * 1000;

/**
 * Writes one checkpoint of the heads that moved since the last one (all heads the first time).
 * Returns how many heads it holds (0: nothing moved, nothing written).
 */
export async function writeCheckpoint(
  db: Db,
  settings: CheckpointSettings,
  now: Date,
): Promise<number> {
  const last = await lastLine(settings.file);
  const since = last ? new Date(Date.parse(last.body.at) - OVERLAP_MS) : new Date(0);
  const rows = await db.request.findMany({
    where: { updatedAt: { gte: since }, auditSeq: { gt: 0 } },
    select: { id: true, auditSeq: true, auditHash: true },
    orderBy: { id: "asc" },
  });
  const moved: Head[] = rows
    .filter((row) => row.auditHash !== null)
    .map((row) => [row.id, row.auditSeq, row.auditHash as string]);
  // People's and departments' streams (no row holds their head): named by stream.
  moved.push(...(await movedPeopleHeads(db, since)));
  // A chain that no longer holds its last checkpointed event was rewritten: signing its new head
  // would launder the rewrite (the next verification would hold it to the forged hash). It is
  // left out, and stays detectable against the checkpoint it broke.
  const broken = await rewrittenSinceCheckpoint(db, moved, await readCheckpoints(settings));
  if (broken.length) {
    log.error(
      { chains: broken },
      "audit chains no longer hold their checkpointed events: not re-signed",
    );
  }
  const heads = moved.filter(([key]) => !broken.includes(key));
  if (heads.length === 0) return 0;
  const body: CheckpointBody = {
    v: 1,
    at: now.toISOString(),
    prev: last ? lineHash(last.text) : null,
    heads,
  };
  const sig = sign(null, Buffer.from(signedText(body)), settings.privateKey).toString("base64");
  await appendFile(
    settings.file,
    `${JSON.stringify({ ...body, sig } satisfies CheckpointLine)}\n`,
    {
      mode: 0o600,
    },
  );
  return heads.length;
}

/** The chains among `heads` whose event at their last checkpointed seq is gone or changed. */
async function rewrittenSinceCheckpoint(
  db: Db,
  heads: readonly Head[],
  index: CheckpointIndex,
): Promise<string[]> {
  const checks = heads.flatMap(([key, seq]) => {
    const known = index.heads.get(key);
    if (!known) return [];
    const stream = key.includes(":") ? key : `request:${key}`;
    return [{ key, stream, seq: known.seq, hash: known.hash, shorter: seq < known.seq }];
  });
  if (checks.length === 0) return [];
  const { rows } = await poolOf(db).query<{ stream: string; seq: number; hash: string }>(
    `SELECT a.stream, a.seq, a.hash FROM unnest($1::text[], $2::int[]) AS c(stream, seq)
     JOIN audit_events a ON a.stream = c.stream AND a.seq = c.seq`,
    [checks.map((c) => c.stream), checks.map((c) => c.seq)],
  );
  const found = new Map(rows.map((row) => [`${row.stream}#${row.seq}`, row.hash]));
  return checks
    .filter((c) => c.shorter || found.get(`${c.stream}#${c.seq}`) !== c.hash)
    .map((c) => c.key);
}

async function movedPeopleHeads(db: Db, since: Date): Promise<Head[]> {
  const { rows } = await poolOf(db).query<{ stream: string; seq: number; hash: string }>(
    `SELECT DISTINCT ON (stream) stream, seq, hash FROM audit_events
     WHERE created_at >= $1 AND (stream LIKE 'user:%' OR stream LIKE 'department:%')
     ORDER BY stream, seq DESC`,
    [since],
  );
  return rows.map((row) => [row.stream, row.seq, row.hash]);
}

async function lastLine(file: string): Promise<{ text: string; body: CheckpointBody } | null> {
  if (!existsSync(file)) return null;
  const lines = (await readFile(file, "utf8")).split("\n").filter(Boolean);
  const text = lines.at(-1);
  return text ? { text, body: JSON.parse(text) as CheckpointBody } : null;
}

export interface CheckpointIndex {
  /** Per request, the highest checkpointed seq and its hash. */
  heads: Map<string, { seq: number; hash: string; at: string }>;
  lines: number;
  /** The first line that fails its signature or its link to the previous line, if any. */
  broken: { line: number; reason: string } | null;
}

let cached: { file: string; mtimeMs: number; size: number; index: CheckpointIndex } | null = null;

/** Reads and checks the checkpoint file (cached until it changes). */
export async function readCheckpoints(settings: CheckpointSettings): Promise<CheckpointIndex> {
  if (!existsSync(settings.file)) return { heads: new Map(), lines: 0, broken: null };
  const info = await stat(settings.file);
  if (
    cached &&
    cached.file === settings.file &&
    cached.mtimeMs === info.mtimeMs &&
    cached.size === info.size
  ) {
    return cached.index;
  }
  const index: CheckpointIndex = { heads: new Map(), lines: 0, broken: null };
  let prev: string | null = null;
  const lines = (await readFile(settings.file, "utf8")).split("\n").filter(Boolean);
  for (const [i, text] of lines.entries()) {
    index.lines += 1;
    let line: CheckpointLine;
    try {
      line = JSON.parse(text) as CheckpointLine;
    } catch {
      index.broken = { line: i + 1, reason: "not JSON" };
      break;
    }
    const { sig, ...body } = line;
    const signed = verify(
      null,
      Buffer.from(signedText(body)),
      settings.publicKey,
      Buffer.from(String(sig), "base64"),
    );
    if (!signed) {
      index.broken = { line: i + 1, reason: "signature does not match" };
      break;
    }
    if (body.prev !== prev) {
      index.broken = { line: i + 1, reason: "does not follow the previous line" };
      break;
    }
    for (const [id, seq, hash] of body.heads) {
      const known = index.heads.get(id);
      // A later line never replaces what an earlier one signed for the same event (the first
      // signature of an event is the one a rewrite must match).
      if (!known || seq > known.seq) index.heads.set(id, { seq, hash, at: body.at });
    }
    prev = lineHash(text);
  }
  cached = { file: settings.file, mtimeMs: info.mtimeMs, size: info.size, index };
  return index;
}
