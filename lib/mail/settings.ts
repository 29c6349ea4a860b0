/**
 * Mail settings, read from the environment on first use and checked. Separate from lib/env.ts so
 * that a worker or a test can send mail without the web app's whole configuration.
 */
import { z } from "zod";

const MailEnvSchema = z.object({
  /**
   * Outgoing mail: an smtp:// or smtps:// URL (credentials in it). Unset with the embedded
   * database: the launcher starts a local catcher and sets it. Unset otherwise: no mail is sent.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Flowgate <flowgate@localhost>"),
  /** The app's public address, for links in mail (AUTH_URL when set, else the local port). */
  APP_URL: z.url("APP_URL must be a URL such as https://flowgate.example.com").optional(),
  AUTH_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
});

export type MailSettings = z.infer<typeof MailEnvSchema> & { appUrl: string };

/** The settings as the environment says now (cheap; read at each use, so tests can change them). */
export function mailSettings(): MailSettings {
  const parsed = MailEnvSchema.parse({
    SMTP_URL: process.env.SMTP_URL || undefined,
    MAIL_FROM: process.env.MAIL_FROM || undefined,
    APP_URL: process.env.APP_URL || undefined,
    AUTH_URL: process.env.AUTH_URL || undefined,
    PORT: process.env.PORT || undefined,
  });
  const base = parsed.APP_URL ?? parsed.AUTH_URL ?? `http://localhost:${parsed.PORT}`;
  return { ...parsed, appUrl: base.replace(/\/+$/, "") };
}

/** Where people reach the app, for links in mail. */
export function appUrl(): string {
  return mailSettings().appUrl;
}
