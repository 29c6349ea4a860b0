/**
 * Outgoing mail over a real SMTP server (the local catcher): connections are pooled and reused,
 * the URL's own parameters still apply, and a server that went away is reconnected to.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MailCatcher, startMailCatcher } from "./catcher";
import { closeMailTransport, sendMail } from "./transport";

let catcher: MailCatcher;

beforeEach(async () => {
  catcher = await startMailCatcher();
  process.env.SMTP_URL = catcher.smtpUrl;
});

afterEach(async () => {
  closeMailTransport();
  await catcher.stop();
  delete process.env.SMTP_URL;
});

const mail = (n: number) => ({
  to: `person${n}@example.com`,
  subject: `Mail ${n}`,
  text: `Mail number ${n}.`,
  html: `<p>Mail number ${n}.</p>`,
  reference: `test:${n}`,
});

describe("sendMail", () => {
  it("sends mail after mail over one kept connection", async () => {
    for (let n = 1; n <= 5; n++) await sendMail(mail(n));
    expect(catcher.messages().map((m) => m.subject)).toEqual([
      "Mail 5",
      "Mail 4",
      "Mail 3",
      "Mail 2",
      "Mail 1",
    ]);
    expect(catcher.messages()[0]).toMatchObject({
      to: ["person5@example.com"],
      text: "Mail number 5.",
      reference: "test:5",
    });
    expect(catcher.connections()).toBe(1);
  });

  it("sends mails that go at once over at most four connections", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, n) => sendMail(mail(n))));
    expect(catcher.messages()).toHaveLength(20);
    expect(catcher.connections()).toBeGreaterThanOrEqual(1);
    expect(catcher.connections()).toBeLessThanOrEqual(4);
  });

  it("keeps the URL's own parameters: ?pool=false opens a connection per mail", async () => {
    process.env.SMTP_URL = `${catcher.smtpUrl}?pool=false`;
    for (let n = 1; n <= 3; n++) await sendMail(mail(n));
    expect(catcher.messages()).toHaveLength(3);
    expect(catcher.connections()).toBe(3);
  });

  it("connects again when the server went away between mails", async () => {
    await sendMail(mail(1));
    const port = Number(new URL(catcher.smtpUrl).port);
    await catcher.stop();
    catcher = await startMailCatcher({ smtpPort: port });
    await sendMail(mail(2));
    expect(catcher.messages().map((m) => m.subject)).toEqual(["Mail 2"]);
  });

  it.each([
    ["smtps://", true],
    ["smtp:// with STARTTLS", false],
  ])("speaks TLS over the sockets it opens itself: %s", async (_name, implicit) => {
    // smtp-server's own test certificate, hence rejectUnauthorized=false.
    const secured: boolean[] = [];
    const server = new SMTPServer({
      secure: implicit,
      authOptional: true,
      logger: false,
      disableReverseLookup: true,
      closeTimeout: 100,
      onData(stream, session, callback) {
        secured.push(session.secure);
        stream.resume();
        stream.on("end", () => callback());
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    try {
      const { port } = server.server.address() as AddressInfo;
      process.env.SMTP_URL = `${implicit ? "smtps" : "smtp"}://127.0.0.1:${port}?tls.rejectUnauthorized=false`;
      await sendMail(mail(1));
      await sendMail(mail(2));
      expect(secured).toEqual([true, true]);
    } finally {
      closeMailTransport();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("fails, without hanging, when nothing listens", async () => {
    const port = Number(new URL(catcher.smtpUrl).port);
    await catcher.stop();
    await expect(sendMail(mail(1))).rejects.toThrow();
    catcher = await startMailCatcher({ smtpPort: port });
  });
});
