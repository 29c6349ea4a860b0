/**
 * The audit check a request's page shows to those who may read the audit trail: the chain, the
 * row against its events and, when checkpoints are configured, against the newest signed
 * checkpoint (lib/audit/checkpoints.ts).
 */
import { checkpointSettings, readCheckpoints } from "@/lib/audit/checkpoints";
import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import type { ServiceActor } from "./actor";
import { type RequestAuditVerdict, verifyRequestAuditTrail } from "./verify-audit-trail";

export interface AuditCheck {
  verdict: RequestAuditVerdict;
  /** The newest checkpoint of this chain, when there is one. */
  checkpoint: { seq: number; at: string } | null;
  /** Why checkpoints could not be used ("off", or the checkpoint file's own break). */
  checkpoints: "used" | "off" | { broken: string };
  /** When this check ran (every view of the page runs it afresh). */
  checkedAt: Date;
}

export async function auditCheckFor(
  db: Db,
  user: ServiceActor,
  requestId: string,
): Promise<AuditCheck | null> {
  if (!can(user, "audit:read")) return null;
  let settings = null;
  try {
    settings = await checkpointSettings();
  } catch (error) {
    log.error({ err: error }, "audit checkpoint settings are unusable");
  }
  const index = settings ? await readCheckpoints(settings) : null;
  const verdict = await verifyRequestAuditTrail(db, requestId, {
    checkpoints: index && !index.broken ? index : undefined,
  });
  const head = index?.heads.get(requestId);
  return {
    verdict,
    checkedAt: new Date(),
    checkpoint: head ? { seq: head.seq, at: head.at } : null,
    checkpoints: !index
      ? "off"
      : index.broken
        ? { broken: `line ${index.broken.line}: ${index.broken.reason}` }
        : "used",
  };
}
