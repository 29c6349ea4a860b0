/** The personal settings form, checked the same way in the browser and on the server. */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";

export const SettingsSchema = z
  .object({
    emailNotifications: z.boolean({ error: "Choose whether to receive email." }),
  })
  .strict();

export type SettingsInput = z.infer<typeof SettingsSchema>;
