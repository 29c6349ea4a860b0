/**
 * Real mail for a test file: a local SMTP catcher (lib/mail/catcher.ts) the app sends to, and the
 * job worker that sends it, started before the file's tests and stopped after.
 */
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll } from "vitest";
import { type CaughtMail, type MailCatcher, startMailCatcher } from "@/lib/mail/catcher";
import { startJobWorker } from "./job-worker";

export function mailAndJobsFor(ctx: { t: { db: PrismaClient; url: string } }) {
  let catcher: MailCatcher | undefined;
  let worker: Awaited<ReturnType<typeof startJobWorker>> | undefined;
  beforeAll(async () => {
    catcher = await startMailCatcher();
    process.env.SMTP_URL = catcher.smtpUrl;
    process.env.APP_URL = "https://flowgate.test";
    worker = await startJobWorker(ctx.t.db, ctx.t.url);
  });
  afterAll(async () => {
    await worker?.stop();
    await catcher?.stop();
    delete process.env.SMTP_URL;
    delete process.env.APP_URL;
  });
  return {
    catcher: () => catcher as MailCatcher,
    /** Stops the SMTP server (mail fails as if it were down) until `restartCatcher`. */
    async stopCatcher(): Promise<void> {
      await catcher?.stop();
    },
    /** Starts the SMTP server again on the port the app sends to; earlier mails are gone. */
    async restartCatcher(): Promise<void> {
      const smtpPort = Number(new URL((catcher as MailCatcher).smtpUrl).port);
      catcher = await startMailCatcher({ smtpPort });
    },
    /** The mails to `to` whose subject matches, once at least `count` arrived (10 s at most). */
    async mailsTo(to: string, subject: RegExp, count = 1): Promise<CaughtMail[]> {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = (catcher?.messages() ?? []).filter(
          (m) => m.to.includes(to) && subject.test(m.subject),
        );
        if (found.length >= count || Date.now() > deadline) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
