/**
 * An approver approves several inbox items at once. Each item is its own decision: checked by
 * the engine and written in its own version-guarded transaction, so one refusal (someone else
 * decided first, a step that moved on) never blocks or undoes the others. The result reports
 * every item.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError, zodIssues } from "@/lib/errors";
import { cleanText } from "@/lib/forms/text";
import { log } from "@/lib/log";
import type { ServiceActor } from "./actor";
import { decideStep } from "./decide-step";

export const MAX_BULK_ITEMS = 100;

export const BulkApproveSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            id: z.uuid("Not a request id."),
            version: z.number().int(),
            /** The hash of the action shown with the item, when it has one. */
            actionHash: z
              .string()
              .regex(/^[0-9a-f]{64}$/, "Not an action hash.")
              .optional(),
          })
          .strict(),
      )
      .min(1, "Select at least one request.")
      .max(MAX_BULK_ITEMS, `Approve at most ${MAX_BULK_ITEMS} requests at once.`),
    comment: cleanText(z.string().trim().max(2_000)).optional(),
  })
  .strict();

export type BulkItemResult =
  | { id: string; ok: true; status: string; version: number }
  | { id: string; ok: false; code: string; message: string };

export async function bulkApprove(
  db: Db,
  actor: ServiceActor,
  input: unknown,
  now?: Date,
): Promise<BulkItemResult[]> {
  const parsed = BulkApproveSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The selection is invalid.", zodIssues(parsed.error));
  }
  const unique = [...new Map(parsed.data.items.map((item) => [item.id, item])).values()];
  const results: BulkItemResult[] = [];
  for (const item of unique) {
    try {
      const applied = await decideStep(
        db,
        actor,
        item.id,
        {
          decision: "approve",
          version: item.version,
          comment: parsed.data.comment,
          ...(item.actionHash ? { actionHash: item.actionHash } : {}),
        },
        now,
      );
      results.push({ id: item.id, ok: true, status: applied.status, version: applied.version });
    } catch (error) {
      if (error instanceof AppError) {
        results.push({ id: item.id, ok: false, code: error.code, message: error.message });
        continue;
      }
      // Whatever failed, every item is reported on its own: the rest still get their decision.
      const reference = randomUUID();
      log.error({ err: error, requestId: reference, item: item.id }, "bulk approve item failed");
      results.push({
        id: item.id,
        ok: false,
        code: "INTERNAL",
        message: `Something went wrong on our side. Quote reference ${reference.slice(0, 8)} when reporting it.`,
      });
    }
  }
  return results;
}
