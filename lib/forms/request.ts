/**
 * The request forms' schemas, shared by the browser (checks as you type) and the server (the real
 * check, whatever the browser sent). Client-safe: imports only zod and the field definitions, not
 * the engine, so the forms' JavaScript stays small.
 */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import {
  FIELD_LABELS,
  type FieldName,
  MAX_DESCRIPTION_LENGTH,
  missingFields,
  type RequestFields,
  RequestFieldsSchema,
  type RequestType,
  RequestTypeSchema,
} from "@/lib/engine/fields";
import { ActionInputSchema } from "./action";
import { cleanText } from "./text";

export const TYPE_LABELS: Readonly<Record<RequestType, string>> = {
  PROCUREMENT: "Procurement",
  LEAVE: "Leave",
  SUPPORT: "Support",
  GENERAL: "General",
};

/** Which fields the form shows for each type (required ones first). */
export const FORM_FIELDS: Readonly<Record<RequestType, readonly FieldName[]>> = {
  PROCUREMENT: ["amount", "currency"],
  LEAVE: ["days", "startDate", "endDate"],
  SUPPORT: ["severity"],
  GENERAL: [],
};

export const RequestTextSchema = cleanText(
  z
    .string()
    .trim()
    .min(10, "Describe what you need in a sentence or two.")
    .max(
      MAX_DESCRIPTION_LENGTH,
      `Keep the description under ${MAX_DESCRIPTION_LENGTH.toLocaleString("en")} characters.`,
    ),
);

export const TitleSchema = cleanText(
  z
    .string()
    .trim()
    .min(3, "Give the request a short title (3+ characters).")
    .max(140, "Keep the title under 140 characters."),
);

export const IntentSchema = z.enum(["save", "submit"], { error: "Choose save or submit." });

/** Adds an issue at `fields.<name>` for each field `type` needs that is missing. */
function requireFields(
  value: { type: RequestType; fields: RequestFields },
  ctx: z.RefinementCtx,
): void {
  for (const name of missingFields(value.type, value.fields)) {
    ctx.addIssue({
      code: "custom",
      path: ["fields", name],
      message: `${FIELD_LABELS[name]} is required for a ${TYPE_LABELS[value.type].toLowerCase()} request.`,
    });
  }
}

/** A new request from the "New request" page: the text, then the confirmed type and fields. */
export const NewRequestSchema = z
  .object({
    text: RequestTextSchema,
    title: TitleSchema.optional(),
    type: RequestTypeSchema,
    fields: RequestFieldsSchema,
    intent: IntentSchema,
    /**
     * The action to run once approved, as the requester confirmed or edited it; null for none.
     * Absent: the assistant's recommendation (read again on the server) goes with the request.
     */
    action: ActionInputSchema.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.intent === "submit") requireFields(value, ctx);
  });
export type NewRequestInput = z.infer<typeof NewRequestSchema>;

/** Editing a draft, or a request sent back for changes, then saving or (re)submitting it. */
export const EditRequestSchema = z
  .object({
    type: RequestTypeSchema,
    fields: RequestFieldsSchema,
    version: z.number().int().nonnegative(),
    intent: IntentSchema,
    /** The action as edited; null removes it; absent leaves it as it is. */
    action: ActionInputSchema.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.intent === "submit") requireFields(value, ctx);
  });
export type EditRequestInput = z.infer<typeof EditRequestSchema>;

const optionalText = (value: FormDataEntryValue | null) =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/** A number typed by a person ("14,280", " 3 "); what is not a number stays text for zod to refuse. */
function optionalNumber(value: FormDataEntryValue | null): number | string | undefined {
  const text = optionalText(value);
  if (text === undefined) return undefined;
  const normalized = text.replace(/[\s,_]/g, "");
  const number = Number(normalized);
  return normalized !== "" && Number.isFinite(number) ? number : text;
}

/** The `fields.*` inputs of a form, as the object RequestFieldsSchema checks. */
export function fieldsFromForm(form: FormData, type: unknown): Record<string, unknown> {
  const known = RequestTypeSchema.safeParse(type);
  const shown = new Set<string>(known.success ? FORM_FIELDS[known.data] : []);
  const raw: Record<string, unknown> = {
    amount: optionalNumber(form.get("fields.amount")),
    currency: optionalText(form.get("fields.currency"))?.toUpperCase(),
    days: optionalNumber(form.get("fields.days")),
    startDate: optionalText(form.get("fields.startDate")),
    endDate: optionalText(form.get("fields.endDate")),
    severity: optionalNumber(form.get("fields.severity")),
  };
  // Fields the type does not use are dropped, so a type change does not carry stale values along.
  return Object.fromEntries(
    Object.entries(raw).filter(([name, value]) => value !== undefined && shown.has(name)),
  );
}

export function typeFromForm(form: FormData): unknown {
  return optionalText(form.get("type"));
}
