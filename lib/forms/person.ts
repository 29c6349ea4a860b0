/**
 * The people pages' forms, checked the same on the server (and readable by the client for its
 * messages). Client-safe.
 */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";
import { cleanText } from "./text";

/** The shortest password accepted (OWASP ASVS: at least 12). */
export const MIN_PASSWORD_LENGTH = 12;

const Name = cleanText(
  z.string().trim().min(2, "Give the person's name.").max(120, "At most 120 characters."),
);
const Roles = z
  .array(z.enum(ROLES, "Choose roles from the list."))
  .max(ROLES.length, "Too many roles.");
const DepartmentId = z
  .string()
  .refine((value) => value === "" || isUuid(value), "Choose a department from the list.")
  .transform((value) => (value === "" ? null : value));

export const InvitePersonSchema = z
  .object({
    email: z.email("Enter a valid email address.").max(254, "At most 254 characters."),
    name: Name,
    roles: Roles,
    departmentId: DepartmentId,
  })
  .strict();
export type InvitePersonInput = z.input<typeof InvitePersonSchema>;

export const UpdatePersonSchema = z
  .object({
    name: Name,
    roles: Roles,
    departmentId: DepartmentId,
    /** The person's version as the form showed it (updated_at, ISO): a stale form is refused. */
    seen: z.iso.datetime("This form is out of date: reload the page."),
  })
  .strict();
export type UpdatePersonInput = z.input<typeof UpdatePersonSchema>;

export const DeactivateSchema = z
  .object({
    reason: cleanText(z.string().trim().max(500, "At most 500 characters.")).optional(),
  })
  .strict();

export const SetPasswordSchema = z
  .object({
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters.`)
      .max(1024, "At most 1,024 characters."),
    confirm: z.string(),
  })
  .strict()
  .refine((value) => value.password === value.confirm, {
    path: ["confirm"],
    message: "The two passwords differ.",
  });

export const DepartmentSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z][A-Z0-9_-]{1,19}$/, "2 to 20 letters, digits, - or _, starting with a letter."),
    name: cleanText(
      z.string().trim().min(2, "Give the department's name.").max(120, "At most 120 characters."),
    ),
  })
  .strict();

export const RenameDepartmentSchema = z
  .object({
    name: cleanText(
      z.string().trim().min(2, "Give the department's name.").max(120, "At most 120 characters."),
    ),
  })
  .strict();
