/** Verifies a request's audit hash chain and reports the first broken link. */
import { readStream, requestStream } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { verifyChain } from "@/lib/engine";

export async function verifyRequestAuditTrail(db: Db, requestId: string) {
  return verifyChain(await readStream(db, requestStream(requestId)));
}
