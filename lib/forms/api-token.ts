/** The API token and service account forms (Settings → API tokens, Admin → Service accounts). Client-safe. */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import { ScopeSchema } from "@/lib/api/scopes";
import { ROLES } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";
import { cleanText } from "./text";

/** How long a token lives: a person's tokens at most a year; "never" only for service accounts. */
export const TOKEN_LIFETIMES = ["7", "30", "90", "365", "never"] as const;
export const TOKEN_LIFETIME_LABELS: Readonly<Record<(typeof TOKEN_LIFETIMES)[number], string>> = {
  "7": "7 days",
  "30": "30 days",
  "90": "90 days",
  "365": "1 year",
  never: "No expiry (service accounts only)",
};

export const ApiTokenSchema = z
  .object({
    name: cleanText(
      z.string().trim().min(3, "Name the token (3+ characters).").max(80, "At most 80 characters."),
    ),
    scopes: z
      .array(ScopeSchema, "Choose scopes from the list.")
      .min(1, "Choose at least one scope.")
      .max(4),
    expiresIn: z.enum(TOKEN_LIFETIMES, "Choose how long the token lives."),
    /** A service account's id, when an administrator makes the token for one. */
    userId: z.string().refine(isUuid, "Choose a service account from the list.").optional(),
  })
  .strict();
export type ApiTokenInput = z.input<typeof ApiTokenSchema>;

export const ServiceAccountSchema = z
  .object({
    name: cleanText(
      z.string().trim().min(2, "Name the integration.").max(120, "At most 120 characters."),
    ),
    roles: z
      .array(z.enum(ROLES, "Choose roles from the list."))
      .min(1, "Choose at least one role.")
      .max(ROLES.length),
    departmentId: z
      .string()
      .refine((value) => value === "" || isUuid(value), "Choose a department from the list.")
      .transform((value) => (value === "" ? null : value)),
  })
  .strict();
export type ServiceAccountInput = z.input<typeof ServiceAccountSchema>;
