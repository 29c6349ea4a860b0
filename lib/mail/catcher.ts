/**
 * A local mail catcher for development and tests: a real SMTP server (smtp-server, the protocol
 * side of nodemailer's project) that keeps every message it receives in memory, parsed by
 * mailparser, and a small web viewer with a JSON API:
 *   GET /                  the messages, newest first (HTML)
 *   GET /messages/:id      one message (its HTML part, or its text)
 *   GET /api/messages      all messages as JSON (what the end-to-end tests read)
 *   DELETE /api/messages   forget them
 * The launcher starts it when SMTP_URL is unset on the embedded database, so `npm run dev` sends
 * real mail over SMTP with nothing to install. Never used in production.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { escapeHtml } from "./templates";

export interface CaughtMail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  reference: string | null;
}

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  messages(): readonly CaughtMail[];
  /** SMTP connections accepted since it started (a pooled sender opens few). */
  connections(): number;
  stop(): Promise<void>;
}

/** Messages kept (newest first); older ones are forgotten. */
const KEEP = 1_000;
const MAX_SIZE = 5 * 1024 * 1024;

export async function startMailCatcher(
  options: { smtpPort?: number; webPort?: number; host?: string; keep?: number } = {},
): Promise<MailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const keep = options.keep ?? KEEP;
  const store: CaughtMail[] = [];
  let connections = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    size: MAX_SIZE,
    banner: "Flowgate mail catcher",
    logger: false,
    // Local clients only: no DNS lookup of their address. A client's pooled connections are cut
    // when the catcher stops (smtp-server would otherwise wait 30 s for them to leave).
    disableReverseLookup: true,
    closeTimeout: 100,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const reference = parsed.headers.get("x-flowgate-reference");
          store.unshift({
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            reference: typeof reference === "string" ? reference : null,
          });
          store.splice(keep);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const web = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/api/messages" && request.method === "DELETE") {
      store.length = 0;
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === "/api/messages") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(store));
      return;
    }
    const one = /^\/messages\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (one) {
      const mail = store.find((m) => m.id === one[1]);
      if (!mail) {
        response.writeHead(404, { "content-type": "text/plain" }).end("No such message.");
        return;
      }
      // The message's own HTML, sandboxed: it is shown, never run.
      response
        .writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
        })
        .end(mail.html ?? `<pre>${escapeHtml(mail.text)}</pre>`);
      return;
    }
    if (url.pathname === "/") {
      const rows = store
        .map(
          (m) =>
            `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to.join(", "))}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
        )
        .join("");
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><html lang="en"><head><title>Flowgate mail</title></head><body style="font-family:system-ui,sans-serif"><h1>Mail sent by Flowgate (${store.length})</h1><table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table></body></html>`,
        );
      return;
    }
    response.writeHead(404, { "content-type": "text/plain" }).end("Not found.");
  });
  await new Promise<void>((resolve, reject) => {
    web.once("error", reject);
    web.listen(options.webPort ?? 0, host, () => resolve());
  });
  const webPort = (web.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl: `http://localhost:${webPort}`,
    messages: () => store,
    connections: () => connections,
    async stop() {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => web.close(() => resolve())),
      ]);
    },
  };
}
