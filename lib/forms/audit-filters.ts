/**
 * The audit explorer's filters as they travel in the URL (?from=2026-11-01&action=APPROVED&…), so
 * a search can be bookmarked, shared and exported as it is. Dates are whole days in UTC: `to` is
 * inclusive (events before the next midnight). The actor is named by email and looked up by the
 * service. A value that does not parse is reported at its field and the search does not run.
 */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/engine/audit-events";
import { RequestTypeSchema } from "@/lib/engine/fields";
import { REQUEST_STATUSES } from "@/lib/engine/model";
import type { FieldIssue } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { cleanText } from "./text";

const DAY_MS = 86_400_000;

const day = z.string().superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    ctx.addIssue({ code: "custom", message: "Give a date as YYYY-MM-DD." });
    return;
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    ctx.addIssue({ code: "custom", message: "This date does not exist." });
  }
});

export const AuditQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    actor: cleanText(
      z.string().trim().max(320, "An email address is at most 320 characters."),
    ).optional(),
    action: z
      .enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]], "Choose an action from the list.")
      .optional(),
    type: RequestTypeSchema.optional(),
    status: z.enum(REQUEST_STATUSES, "Choose a status from the list.").optional(),
    department: z.string().refine(isUuid, "Choose a department from the list.").optional(),
    number: z
      .string()
      .trim()
      .regex(/^(FG-?)?\d{1,9}$/i, "Give a request number, such as FG-42.")
      .transform((value) => Number(value.replace(/^FG-?/i, "")))
      .optional(),
    user: z.string().refine(isUuid, "Not a user id.").optional(),
    q: cleanText(z.string().trim().max(200, "Search for at most 200 characters.")).optional(),
    after: z.string().max(300).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  });

export type AuditQuery = z.infer<typeof AuditQuerySchema>;
export const AUDIT_QUERY_KEYS = [
  "from",
  "to",
  "actor",
  "action",
  "type",
  "status",
  "department",
  "number",
  "user",
  "q",
] as const;

/** The URL's values (the first of each; empty means unset), as the form shows them again. */
export function auditQueryValues(
  params: Record<string, string | string[] | undefined>,
): Partial<Record<(typeof AUDIT_QUERY_KEYS)[number] | "after", string>> {
  const values: Partial<Record<(typeof AUDIT_QUERY_KEYS)[number] | "after", string>> = {};
  for (const key of [...AUDIT_QUERY_KEYS, "after"] as const) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== "") values[key] = value;
  }
  return values;
}

export type ParsedAuditQuery =
  | { ok: true; query: AuditQuery; from?: Date; to?: Date }
  | { ok: false; issues: FieldIssue[] };

export function parseAuditQuery(values: Record<string, string | undefined>): ParsedAuditQuery {
  const parsed = AuditQuerySchema.safeParse(values);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        field: issue.path.join(".") || "query",
        message: issue.message,
      })),
    };
  }
  const query = parsed.data;
  return {
    ok: true,
    query,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) : undefined,
  };
}

/** The cursor in the URL: `<ISO time>~<stream>~<seq>`. */
export function encodeCursor(cursor: { at: Date; stream: string; seq: number }): string {
  return `${cursor.at.toISOString()}~${cursor.stream}~${cursor.seq}`;
}

export function decodeCursor(text: string): { at: Date; stream: string; seq: number } | null {
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)~([a-z]+:[0-9a-f-]{36})~(\d{1,9})$/.exec(text);
  if (!match) return null;
  const at = new Date(match[1] as string);
  return Number.isNaN(at.getTime())
    ? null
    : { at, stream: match[2] as string, seq: Number(match[3]) };
}
