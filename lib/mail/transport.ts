/**
 * Outgoing mail over SMTP (nodemailer). One transport per process, pooled connections. Sending
 * throws when the server refuses or cannot be reached: the job that sends retries with backoff,
 * so a mail server that is down for a minute delays mail and loses none.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { mailSettings } from "./settings";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id of what this mail is about, as a header: a resend is recognisable. */
  reference?: string;
}

export class MailNotConfigured extends Error {
  constructor() {
    super("SMTP_URL is not set: mail cannot be sent");
  }
}

const TRANSPORT = Symbol.for("flowgate.mail.transport");
const holder = globalThis as unknown as { [TRANSPORT]?: { url: string; transport: Transporter } };

function smtpUrl(): string | undefined {
  return mailSettings().SMTP_URL;
}

/** Whether mail can be sent at all (SMTP_URL is set). */
export function mailConfigured(): boolean {
  return Boolean(smtpUrl());
}

function transport(): Transporter {
  const url = smtpUrl();
  if (!url) throw new MailNotConfigured();
  if (holder[TRANSPORT]?.url !== url) {
    holder[TRANSPORT] = {
      url,
      transport: nodemailer.createTransport({
        url,
        pool: true,
        maxConnections: 4,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as SMTPPool.Options),
    };
  }
  return holder[TRANSPORT].transport;
}

/** Sends one mail; resolves with the server's message id. */
export async function sendMail(mail: Mail): Promise<string> {
  const info = await transport().sendMail({
    from: mailSettings().MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.reference ? { "X-Flowgate-Reference": mail.reference } : undefined,
  });
  return String(info.messageId ?? "");
}
