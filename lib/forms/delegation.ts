/** The out-of-office form (Settings). Client-safe. */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import { cleanText } from "./text";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give a date as YYYY-MM-DD.");

/** Dates are whole days in UTC: from the start of `from` to the end of `to`. */
export const DelegationSchema = z
  .object({
    delegateEmail: z.email("Enter your delegate's email address.").max(254),
    from: day,
    to: day,
    note: cleanText(z.string().trim().max(500, "At most 500 characters.")).optional(),
  })
  .strict()
  .refine((value) => value.from <= value.to, {
    path: ["to"],
    message: "The last day is before the first.",
  });
export type DelegationInput = z.input<typeof DelegationSchema>;
