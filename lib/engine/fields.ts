/**
 * Request types and their fields: one set of zod schemas shared by the engine, the services, the
 * AI layer and the forms. Which fields a type needs before it can be submitted is part of the
 * routing contract: a PROCUREMENT without an amount must never fall through to the lowest tier.
 */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";

/** The longest request text accepted (the AI layer reads all of it). */
export const MAX_DESCRIPTION_LENGTH = 10_000;

export const REQUEST_TYPES = ["PROCUREMENT", "LEAVE", "SUPPORT", "GENERAL"] as const;
export const RequestTypeSchema = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof RequestTypeSchema>;

const isoDate = z.iso.date("Use a date like 2026-12-24.");

export const RequestFieldsSchema = z
  .object({
    amount: z
      .number({ error: "Enter the amount as a number." })
      .finite()
      .nonnegative("The amount cannot be negative.")
      .max(1e12)
      .optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as EUR.")
      .optional(),
    days: z
      .number({ error: "Enter the number of days." })
      .finite()
      .positive("Days must be more than 0.")
      .max(366, "At most 366 days.")
      .optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    severity: z
      .number({ error: "Choose a severity from 1 to 5." })
      .int("Severity is a whole number.")
      .min(1, "Severity is 1 (lowest) to 5 (highest).")
      .max(5, "Severity is 1 (lowest) to 5 (highest).")
      .optional(),
  })
  .strict()
  .refine((f) => !f.startDate || !f.endDate || f.startDate <= f.endDate, {
    message: "The end date is before the start date.",
    path: ["endDate"],
  });

export type RequestFields = z.infer<typeof RequestFieldsSchema>;
export type FieldName = keyof RequestFields;

/** Fields a request of each type must have before it is submitted. */
export const REQUIRED_FIELDS: Readonly<Record<RequestType, readonly FieldName[]>> = {
  PROCUREMENT: ["amount", "currency"],
  LEAVE: ["days"],
  SUPPORT: ["severity"],
  GENERAL: [],
};

export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  amount: "Amount",
  currency: "Currency",
  days: "Days",
  startDate: "Start date",
  endDate: "End date",
  severity: "Severity",
};

export function missingFields(type: RequestType, fields: RequestFields): FieldName[] {
  return REQUIRED_FIELDS[type].filter((name) => fields[name] === undefined);
}
