/**
 * What a database owner who has our code can do to a request's audit trail: rewrite its first
 * event's fields, re-hash every event after it with our own hash function, and move the request
 * row's head and fields to match. Nothing inside the database can tell; the signed checkpoints
 * outside it can (lib/audit/checkpoints.ts). Used by the checkpoint tests and the end-to-end
 * tamper spec. Relative imports: Playwright loads this too.
 */
import type { PrismaClient } from "@prisma/client";
import { readStream, requestStream } from "../../lib/db/audit";
import { hashEvent, type JsonValue } from "../../lib/engine";

export async function forgeChain(
  db: PrismaClient,
  requestId: string,
  fields: Record<string, JsonValue>,
): Promise<void> {
  const sql = (text: string, ...values: unknown[]) => db.$executeRawUnsafe(text, ...values);
  const events = await readStream(db, requestStream(requestId));
  await sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete");
  try {
    let prev: string | null = null;
    for (const event of events) {
      const data = event.seq === 1 ? { ...(event.data as object), fields } : event.data;
      const hash = hashEvent({ ...event, data: data as JsonValue, prevHash: prev });
      await sql(
        "UPDATE audit_events SET data = $1::jsonb, prev_hash = $2, hash = $3 WHERE stream = $4 AND seq = $5",
        JSON.stringify(data),
        prev,
        hash,
        event.stream,
        event.seq,
      );
      prev = hash;
    }
    await sql(
      "UPDATE requests SET audit_hash = $1, fields = $2::jsonb WHERE id = $3::uuid",
      prev,
      JSON.stringify(fields),
      requestId,
    );
  } finally {
    await sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete");
  }
}
