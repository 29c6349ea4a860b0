/**
 * The approver inbox as the page and the JSON API serve it: the steps the user may decide now
 * (lib/db/inbox.ts does the query), as plain JSON with the actions each row offers.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { delegatorsOf } from "@/lib/db/delegations";
import { type InboxCursor, inboxPage } from "@/lib/db/inbox";
import { RequestTypeSchema } from "@/lib/engine/fields";
import { ActionSchema } from "@/lib/engine/model";
import { permittedActions, type RequestAction } from "@/lib/engine/permitted";
import { AppError, zodIssues } from "@/lib/errors";
import { type ActionView, actionView } from "./action-view";
import { engineActor, type ServiceActor } from "./actor";

export interface InboxEntry {
  id: string;
  number: number;
  type: string;
  title: string;
  status: string;
  stepRole: string;
  stepStartedAt: string | null;
  stepDueAt: string;
  escalated: boolean;
  fields: Record<string, unknown>;
  version: number;
  requesterName: string;
  departmentName: string | null;
  summary: string | null;
  confidence: number | null;
  warnings: string[];
  /** The text says more than the confirmed fields (lib/services/routing-check.ts). */
  routingWarnings: string[];
  /** The action that runs once approved: what the approver approves with it. */
  approvedAction: ActionView | null;
  /** The absent approver whose step this is, when the user stands in for them. */
  onBehalfOf: string | null;
  actions: RequestAction[];
}

export interface InboxResult {
  items: InboxEntry[];
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
}

export const InboxQuerySchema = z
  .object({
    type: RequestTypeSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
    /** Words of the title or a request number ("FG-12"). */
    q: z.string().trim().max(100).optional(),
    /** "1": only steps overdue or escalated. */
    urgent: z.enum(["1"]).optional(),
  })
  .strict();

export function encodeCursor(cursor: InboxCursor): string {
  return Buffer.from(`${cursor.dueAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string): InboxCursor {
  const [due, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const dueAt = new Date(due ?? "");
  // Within years 1–9999: JavaScript dates reach ±275,760, further than PostgreSQL's timestamps.
  const year = dueAt.getUTCFullYear();
  if (Number.isNaN(dueAt.getTime()) || year < 1 || year > 9999 || !z.uuid().safeParse(id).success) {
    throw new AppError("VALIDATION_FAILED", "The cursor is invalid.", [
      { field: "cursor", message: "Use the nextCursor of a previous page." },
    ]);
  }
  return { dueAt, id: id as string };
}

export async function inboxFor(
  db: Db,
  user: ServiceActor,
  input: unknown,
  now = new Date(),
): Promise<InboxResult> {
  const parsed = InboxQuerySchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "The inbox query is invalid.", zodIssues(parsed.error));
  }
  const { type, limit, cursor, q, urgent } = parsed.data;
  // Read with the session or the token when the user came from one.
  const standingInFor = user.standingInFor ?? (await delegatorsOf(db, user.id, now));
  const page = await inboxPage(
    db,
    { id: user.id, roles: user.roles, departmentId: user.department?.id ?? null, standingInFor },
    {
      type: type ?? null,
      limit,
      cursor: cursor ? decodeCursor(cursor) : null,
      q: q || null,
      urgentAt: urgent ? now : null,
    },
  );
  const self = engineActor(user);
  const principals = new Map(standingInFor.map((p) => [p.id, p]));
  return {
    items: page.items.map((item) => ({
      id: item.id,
      number: item.number,
      type: item.type,
      title: item.title,
      status: item.status,
      stepRole: item.stepRole,
      stepStartedAt: item.stepStartedAt?.toISOString() ?? null,
      stepDueAt: item.stepDueAt.toISOString(),
      escalated: item.escalated,
      fields: (item.fields ?? {}) as Record<string, unknown>,
      version: item.version,
      requesterName: item.requesterName,
      departmentName: item.departmentName,
      summary: item.summary,
      confidence: item.confidence,
      warnings: item.warnings,
      routingWarnings: item.routingWarnings,
      approvedAction: actionView(
        item.action ? (ActionSchema.safeParse(item.action).data ?? null) : null,
      ),
      onBehalfOf: item.onBehalfOf?.name ?? null,
      // By the engine's rules, as the person (or the absent approver they stand in for).
      actions: permittedActions(
        {
          status: item.status,
          requesterId: item.requesterId,
          step: {
            role: item.stepRole,
            departmentId: item.stepDepartmentId,
            approvals: item.stepApprovals,
            escalatedAt: item.escalatedAt,
          },
        },
        item.onBehalfOf ? { ...self, onBehalfOf: principals.get(item.onBehalfOf.id) } : self,
      ),
    })),
    nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
  };
}
