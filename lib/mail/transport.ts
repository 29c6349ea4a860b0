/**
 * Outgoing mail over SMTP (nodemailer). One transport per process, pooled connections. Sending
 * throws when the server refuses or cannot be reached: the job that sends retries with backoff,
 * so a mail server that is down for a minute delays mail and loses none.
 */
import net from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
// The file, not the folder: Node's ES module loader (Playwright's, for one) does not resolve folders.
import { parseConnectionUrl } from "nodemailer/lib/shared/index.js";
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

/** Connections kept open and reused (as many as the job worker sends at once), and time limits. */
const POOL_OPTIONS = {
  pool: true,
  maxConnections: 4,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
} as const;

/**
 * Opens a pooled connection with Nagle's algorithm off. nodemailer writes a message in several
 * pieces and then waits for the reply; with Nagle on, the last piece waited for the server's
 * delayed ACK, 40 ms a mail on any network (48 → 5 ms a mail against the local catcher). TLS
 * (smtps://, STARTTLS) is then set up over this socket by nodemailer as over its own.
 */
function openSocket(
  options: SMTPPool.Options,
  callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void,
): void {
  const socket = net.connect({
    host: options.host ?? "localhost",
    port: options.port ?? (options.secure ? 465 : 587),
    noDelay: true,
    keepAlive: true,
    // POOL_OPTIONS lies under every transport, so a time limit is always set.
    timeout: options.connectionTimeout,
  });
  const failed = (error: Error) => {
    socket.off("connect", connected);
    socket.destroy();
    callback(error);
  };
  const timedOut = () => failed(new Error("Connection to the mail server timed out"));
  const connected = () => {
    socket.off("error", failed).off("timeout", timedOut).setTimeout(0);
    callback(null, { connection: socket });
  };
  socket.once("connect", connected).once("error", failed).once("timeout", timedOut);
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
    // A changed SMTP_URL (tests set their own catcher) lets go of the old server's connections.
    holder[TRANSPORT]?.transport.close();
    holder[TRANSPORT] = {
      url,
      // The URL parsed here, not passed as `url`: nodemailer then ignores every other option, and
      // each mail opened (and closed) a connection of its own — 150 ms a mail against the local
      // catcher, whose server waits 100 ms before its greeting; a TLS handshake with a relay.
      // The URL's own parameters (?pool=false, ?tls.rejectUnauthorized=false) still win.
      transport: nodemailer.createTransport({
        ...POOL_OPTIONS,
        getSocket: openSocket,
        ...parseConnectionUrl(url),
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

/** Closes the pooled connections (a process that stops sending: the worker, a test). */
export function closeMailTransport(): void {
  holder[TRANSPORT]?.transport.close();
  delete holder[TRANSPORT];
}
