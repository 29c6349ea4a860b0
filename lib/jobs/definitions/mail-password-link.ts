/** Mails a set-password link (an invitation or a reset); enqueued with its audit event. */
import { z } from "zod";
import { defineJob } from "../job";

export const mailPasswordLinkJob = defineJob({
  id: "mail:password-link",
  title: "Mail a set-password link",
  schema: z
    .object({
      userId: z.uuid(),
      purpose: z.enum(["invite", "reset"]),
      expiresAt: z.iso.datetime(),
    })
    .strict(),
  maxAttempts: 10,
  async run(payload) {
    const { db } = await import("@/lib/db/client");
    const { mailPasswordLink } = await import("@/lib/services/mail-password-link");
    await mailPasswordLink(db(), payload, new Date());
  },
});
