/**
 * Verifying every audit chain, as a job (`audit:verify-all`): asked for by someone who may read
 * the audit trail, or nightly. Its progress and findings are kept in `audit_verifications`, so the
 * audit page shows a run while it goes and every run after. One runs at a time.
 */
import { randomUUID } from "node:crypto";
import { checkpointSettings, readCheckpoints } from "@/lib/audit/checkpoints";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { poolOf } from "@/lib/db/client";
import { peopleStreams } from "@/lib/db/people-audit";
import { AppError } from "@/lib/errors";
import { jobRequest } from "@/lib/jobs/catalog";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import type { ServiceActor } from "./actor";
import { verifyAllAuditTrails } from "./verify-audit-trail";

/** Findings kept per run; the count is kept whole. */
const KEPT = 1_000;
/** A run that has said nothing for this long is taken for dead (its worker was killed). */
const STALE_MS = 10 * 60 * 1000;

export interface VerificationView {
  id: string;
  requestedBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  status: "RUNNING" | "DONE" | "FAILED";
  totalChains: number;
  chainsChecked: number;
  eventsChecked: number;
  brokenCount: number;
  /** Each broken chain's first break: a request's (with its number) or a person's stream. */
  broken: {
    stream: string;
    requestId: string | null;
    number: number | null;
    seq: number;
    reason: string;
  }[];
  checkpoints: string;
  error: string | null;
}

/** Starts a verification (a job); refused while one is running. */
export async function startVerification(
  db: Db,
  actor: ServiceActor | null,
  now = new Date(),
): Promise<string> {
  if (actor && !can(actor, "audit:read")) {
    throw new AppError("FORBIDDEN", "Your roles do not allow this.");
  }
  if (await isRunning(db, now)) {
    throw new AppError(
      "ALREADY_RUNNING",
      "A verification is already running: its progress is shown below.",
    );
  }
  const id = randomUUID();
  await db.auditVerification.create({
    data: { id, requestedBy: actor?.id ?? null, startedAt: now, status: "RUNNING" },
  });
  await enqueueJobs(poolOf(db), [jobRequest("audit:verify-all", { verificationId: id })]);
  return id;
}

/** The job: verifies every chain, writing progress after each batch. */
export async function runVerification(db: Db, verificationId: string | null, now = new Date()) {
  const id = verificationId ?? (await startNightly(db, now));
  if (!id) return;
  try {
    const settings = await checkpointSettings();
    const index = settings ? await readCheckpoints(settings) : null;
    await db.auditVerification.update({
      where: { id },
      data: {
        totalChains: BigInt((await db.request.count()) + (await peopleStreams(db)).length),
        checkpoints: !index
          ? "off"
          : index.broken
            ? `the checkpoint file is damaged (line ${index.broken.line}: ${index.broken.reason})`
            : "used",
      },
    });
    const progress = async (
      report: Awaited<ReturnType<typeof verifyAllAuditTrails>>,
      done: boolean,
    ) => {
      const numbers = await db.request.findMany({
        where: {
          id: {
            in: report.broken.slice(0, KEPT).flatMap((b) => (b.requestId ? [b.requestId] : [])),
          },
        },
        select: { id: true, number: true },
      });
      const numberOf = new Map(numbers.map((n) => [n.id, n.number]));
      await db.auditVerification.update({
        where: { id },
        data: {
          chainsChecked: BigInt(report.requests),
          eventsChecked: BigInt(report.events),
          brokenCount: BigInt(report.broken.length),
          broken: report.broken.slice(0, KEPT).map((b) => ({
            ...b,
            number: b.requestId ? (numberOf.get(b.requestId) ?? null) : null,
          })),
          ...(done ? { status: "DONE", finishedAt: new Date() } : {}),
        },
      });
    };
    const report = await verifyAllAuditTrails(db, {
      checkpoints: index && !index.broken ? index : undefined,
      onBatch: (so) => progress(so, false),
    });
    await progress(report, true);
  } catch (error) {
    await db.auditVerification.update({
      where: { id },
      data: {
        status: "FAILED",
        finishedAt: new Date(),
        error: (error as Error).message.slice(0, 500),
      },
    });
    throw error;
  }
}

/** Whether a run is going (one silent for STALE_MS is taken for dead). */
async function isRunning(db: Db, now: Date): Promise<boolean> {
  const running = await db.auditVerification.findFirst({
    where: { status: "RUNNING", startedAt: { gt: new Date(now.getTime() - STALE_MS) } },
    select: { id: true },
  });
  return running !== null;
}

/** The nightly run's own row (none when a run is going already). */
async function startNightly(db: Db, now: Date): Promise<string | null> {
  try {
    if (await isRunning(db, now)) return null;
    const id = randomUUID();
    await db.auditVerification.create({ data: { id, startedAt: now, status: "RUNNING" } });
    return id;
  } catch {
    return null;
  }
}

export async function recentVerifications(db: Db, limit = 10): Promise<VerificationView[]> {
  const rows = await db.auditVerification.findMany({
    orderBy: { startedAt: "desc" },
    take: limit,
    include: { requester: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    requestedBy: row.requester?.name ?? null,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    status: row.status as VerificationView["status"],
    totalChains: Number(row.totalChains),
    chainsChecked: Number(row.chainsChecked),
    eventsChecked: Number(row.eventsChecked),
    brokenCount: Number(row.brokenCount),
    // Runs kept from before people's streams were verified name requests only.
    broken: (row.broken as Partial<VerificationView["broken"][number]>[]).map((b) => ({
      stream: b.stream ?? `request:${b.requestId}`,
      requestId: b.requestId ?? null,
      number: b.number ?? null,
      seq: b.seq ?? 0,
      reason: b.reason ?? "",
    })),
    checkpoints: row.checkpoints,
    error: row.error,
  }));
}
