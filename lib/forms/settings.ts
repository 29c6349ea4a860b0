/** The personal settings form, checked the same way in the browser and on the server. */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import { isTimeZone } from "@/lib/format";

/** An IANA time zone name the runtime knows ("Europe/Berlin"). */
export const TimeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .refine(isTimeZone, { error: "Choose a time zone from the list (for example Europe/Berlin)." });

export const SettingsSchema = z
  .object({
    emailNotifications: z.boolean({ error: "Choose whether to receive email." }),
    /** Null: not chosen yet (the browser's zone is taken on the next visit). */
    timeZone: TimeZoneSchema.nullable(),
  })
  .strict();

export type SettingsInput = z.infer<typeof SettingsSchema>;
