/** send_email: a mail through Flowgate's SMTP, with the run's key as a header. */
import { z } from "zod";
import { TOOL_FORMS } from "@/lib/forms/action";
import { cleanText } from "@/lib/forms/text";
import { escapeHtml } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/transport";
import { defineTool } from "./tool";

export const sendEmailTool = defineTool({
  name: "send_email",
  label: TOOL_FORMS.send_email.label,
  schema: z
    .object({
      to: z.email("Enter the recipient's email address."),
      subject: cleanText(z.string().trim().min(1, "Give the email a subject.").max(200)),
      body: cleanText(z.string().trim().min(1, "Write the email's text.").max(10_000)),
    })
    .strict(),
  describe: (p) => [`To: ${p.to}`, `Subject: ${p.subject}`, p.body],
  async execute(params, context) {
    const messageId = await sendMail({
      to: params.to,
      subject: params.subject,
      text: params.body,
      html: `<div style="white-space:pre-wrap;font-family:system-ui,sans-serif">${escapeHtml(params.body)}</div>`,
      reference: context.idempotencyKey,
    });
    return { messageId, to: params.to };
  },
});
