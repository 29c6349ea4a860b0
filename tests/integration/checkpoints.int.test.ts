/**
 * Signed checkpoints outside the database: a chain re-hashed by the database's owner with our own
 * hash function (and the request row made to match) passes every check inside the database, and
 * fails against its checkpoint. The checkpoint file itself cannot be edited unseen either.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CheckpointSettings,
  checkpointSettings,
  readCheckpoints,
  writeCheckpoint,
} from "@/lib/audit/checkpoints";
import { readStream } from "@/lib/db/audit";
import { userStream } from "@/lib/db/people-audit";
import { hashEvent } from "@/lib/engine";
import { createDraft } from "@/lib/services/create-draft";
import { decideStep } from "@/lib/services/decide-step";
import { setPersonActive } from "@/lib/services/set-person-active";
import { submitRequest } from "@/lib/services/submit-request";
import { verifyAllAuditTrails, verifyRequestAuditTrail } from "@/lib/services/verify-audit-trail";
import { forgeChain } from "../support/forge-chain";
import { createUserAs, setupWorld } from "./world";

const ctx = setupWorld();
let dir: string;
let settings: CheckpointSettings;
const T0 = new Date("2031-02-03T10:00:00Z");

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "flowgate-checkpoints-"));
  const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" });
  const found = await checkpointSettings({
    AUDIT_CHECKPOINT_FILE: path.join(dir, "checkpoints.jsonl"),
    AUDIT_SIGNING_KEY: pem.toString(),
  });
  if (!found) throw new Error("no settings");
  settings = found;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function request(now: Date): Promise<string> {
  const draft = await createDraft(
    ctx.t.db,
    ctx.w.requester,
    {
      type: "PROCUREMENT",
      title: "12 ergonomic chairs for Berlin",
      description: "12 ergonomic chairs for Berlin, EUR 14,280",
      fields: { amount: 14_280, currency: "EUR" },
    },
    now,
  );
  await submitRequest(ctx.t.db, ctx.w.requester, draft.id, { now });
  return draft.id;
}

describe("signed checkpoints", () => {
  it("catch a chain re-hashed after its checkpoint, which nothing inside the database can", async () => {
    const id = await request(T0);
    expect(
      await writeCheckpoint(ctx.t.db, settings, new Date(T0.getTime() + 60_000)),
    ).toBeGreaterThan(0);
    await forgeChain(ctx.t.db, id, { amount: 9, currency: "EUR" });
    // Inside the database everything agrees…
    expect(await verifyRequestAuditTrail(ctx.t.db, id)).toMatchObject({ ok: true });
    // …the checkpoint does not.
    const checkpoints = await readCheckpoints(settings);
    expect(checkpoints.broken).toBeNull();
    expect(await verifyRequestAuditTrail(ctx.t.db, id, { checkpoints })).toMatchObject({
      ok: false,
      reason: "the chain no longer holds its checkpointed event",
    });
    // The next checkpoint (the schedule's, a minute later, whose window still holds the request)
    // does not sign the forged head: the rewrite stays caught.
    const before = (await readCheckpoints(settings)).lines;
    await writeCheckpoint(ctx.t.db, settings, new Date(T0.getTime() + 120_000));
    const after = await readCheckpoints(settings);
    expect(after.lines).toBeGreaterThanOrEqual(before);
    expect(after.heads.get(id)?.hash).toBe(checkpoints.heads.get(id)?.hash);
    expect(await verifyRequestAuditTrail(ctx.t.db, id, { checkpoints: after })).toMatchObject({
      ok: false,
      reason: "the chain no longer holds its checkpointed event",
    });
  });

  it("cover people's streams too: a deactivation re-hashed into something else is caught", async () => {
    const admin = await createUserAs(
      ctx.t.db,
      "ada@checkpoints.test",
      ["REQUESTER", "ADMIN"],
      null,
    );
    const person = await createUserAs(ctx.t.db, "pat@checkpoints.test", ["REQUESTER"], null);
    const at = new Date(T0.getTime() + 120_000);
    await setPersonActive(ctx.t.db, admin, person.id, false, { reason: "Left" }, at);
    await writeCheckpoint(ctx.t.db, settings, new Date(at.getTime() + 60_000));
    const stream = userStream(person.id);
    expect((await readCheckpoints(settings)).heads.get(stream)).toMatchObject({ seq: 1 });
    // The owner rewrites the event and re-hashes it with our own function: the chain holds…
    const [event] = await readStream(ctx.t.db, stream);
    if (!event) throw new Error("no event");
    const forged = { ...event, data: { reason: "Promoted" } };
    const hash = hashEvent(forged);
    await ctx.t.db.$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER USER");
    await ctx.t.db.$executeRawUnsafe(
      "UPDATE audit_events SET data = $2::jsonb, hash = $3 WHERE stream = $1 AND seq = 1",
      stream,
      JSON.stringify(forged.data),
      hash,
    );
    await ctx.t.db.$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER USER");
    expect((await verifyAllAuditTrails(ctx.t.db)).broken.map((b) => b.stream)).not.toContain(
      stream,
    );
    // …the checkpoint does not.
    const report = await verifyAllAuditTrails(ctx.t.db, {
      checkpoints: await readCheckpoints(settings),
    });
    expect(report.broken).toContainEqual({
      stream,
      requestId: null,
      seq: 1,
      reason: "the chain no longer holds its checkpointed event",
    });
  });

  it("hold a chain that only grew since: new events after the checkpoint are fine", async () => {
    const id = await request(new Date(T0.getTime() + 120_000));
    await writeCheckpoint(ctx.t.db, settings, new Date(T0.getTime() + 180_000));
    await decideStep(
      ctx.t.db,
      ctx.w.managerEng,
      id,
      { decision: "approve" },
      new Date(T0.getTime() + 240_000),
    );
    const checkpoints = await readCheckpoints(settings);
    expect(checkpoints.heads.get(id)?.seq).toBeGreaterThan(0);
    expect(await verifyRequestAuditTrail(ctx.t.db, id, { checkpoints })).toMatchObject({
      ok: true,
    });
    // The next checkpoint takes the moved head (and only the heads that moved since the last).
    const written = await writeCheckpoint(ctx.t.db, settings, new Date(T0.getTime() + 600_000));
    expect(written).toBeGreaterThan(0);
    const later = await readCheckpoints(settings);
    const head = await ctx.t.db.request.findUniqueOrThrow({
      where: { id },
      select: { auditSeq: true },
    });
    expect(later.heads.get(id)?.seq).toBe(head.auditSeq);
    expect(later.lines).toBe(checkpoints.lines + 1);
  });

  it("write nothing when nothing moved", async () => {
    const lines = (await readCheckpoints(settings)).lines;
    expect(await writeCheckpoint(ctx.t.db, settings, new Date(T0.getTime() + 3_600_000))).toBe(0);
    expect((await readCheckpoints(settings)).lines).toBe(lines);
  });

  it("cannot be edited, reordered or forged without it showing", async () => {
    const original = await readFile(settings.file, "utf8");
    const lines = original.split("\n").filter(Boolean);
    const edit = async (text: string) => {
      await writeFile(settings.file, text);
      return (await readCheckpoints(settings)).broken;
    };
    try {
      const first = JSON.parse(lines[0] as string);
      first.heads[0][1] = 99;
      expect(await edit([JSON.stringify(first), ...lines.slice(1)].join("\n"))).toEqual({
        line: 1,
        reason: "signature does not match",
      });
      expect(await edit([lines[1], lines[0], ...lines.slice(2)].join("\n"))).toMatchObject({
        line: 1,
      });
      expect(await edit(lines.slice(1).join("\n"))).toEqual({
        line: 1,
        reason: "does not follow the previous line",
      });
      // Signed with another key: refused.
      const other = await checkpointSettings({
        AUDIT_CHECKPOINT_FILE: settings.file,
        AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519")
          .privateKey.export({ type: "pkcs8", format: "pem" })
          .toString(),
      });
      await writeFile(settings.file, original);
      expect((await readCheckpoints(other as CheckpointSettings)).broken).toMatchObject({
        reason: "signature does not match",
      });
    } finally {
      await writeFile(settings.file, original);
    }
    expect((await readCheckpoints(settings)).broken).toBeNull();
  });

  it("refuse a key that is not Ed25519, and are off without a file or a key", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    await expect(
      checkpointSettings({ AUDIT_CHECKPOINT_FILE: "/tmp/x", AUDIT_SIGNING_KEY: rsa }),
    ).rejects.toThrow("Ed25519");
    expect(await checkpointSettings({ AUDIT_CHECKPOINT_FILE: "/tmp/x" })).toBeNull();
    expect(await checkpointSettings({ AUDIT_SIGNING_KEY: rsa })).toBeNull();
  });
});
