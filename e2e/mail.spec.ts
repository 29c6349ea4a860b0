/**
 * Flowgate mails people on its own: the launcher's local catcher receives what the job worker
 * sends over SMTP, and each person chooses in Settings whether to get mail.
 */
import { expect, personPage, tag, test, USERS } from "./fixtures";
import { seedRequest } from "./seed";

const MAIL_API = `http://localhost:${Number(process.env.E2E_MAIL_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 80)}/api/messages`;

interface Mail {
  to: string[];
  subject: string;
  text: string;
}

async function mailsAbout(title: string): Promise<Mail[]> {
  const response = await fetch(MAIL_API);
  const all = (await response.json()) as Mail[];
  return all.filter((mail) => mail.subject.includes(title));
}

test.describe.configure({ mode: "serial" });

test("the approver gets a mail when a step waits for them, and its link opens the request", async ({
  browser,
}) => {
  const title = tag("Projector");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "A projector for the Berlin meeting room, EUR 900",
    type: "PROCUREMENT",
    fields: { amount: 900, currency: "EUR" },
  });
  // Every manager of the requester's department (other specs may add one), nobody else.
  await expect
    .poll(async () => (await mailsAbout(title)).flatMap((m) => m.to), { timeout: 15_000 })
    .toContain(USERS.managerEng);
  const recipients = (await mailsAbout(title)).flatMap((m) => m.to);
  expect(recipients.every((to) => /^manager\d*\.eng@example\.com$/.test(to))).toBe(true);
  const mail = (await mailsAbout(title)).find((m) => m.to.includes(USERS.managerEng));
  expect(mail?.subject).toMatch(/^FG-\d+ waits for your approval/);
  expect(mail?.text).toContain("€900.00");
  const link = mail?.text.match(/Open the request: (\S+)/)?.[1] ?? "";
  expect(link).toContain(`/requests/${id}`);

  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto(link);
  await expect(manager.getByRole("heading", { name: title })).toBeVisible();
  await expect(manager.getByRole("heading", { name: "Your decision" })).toBeVisible();
});

test("a person turns email off and on in Settings", async ({ browser }) => {
  const page = await personPage(browser, USERS.finance);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  const toggle = page.getByLabel(/Email me when a step waits/);
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/Email me when a step waits/)).not.toBeChecked();
  await page.getByLabel(/Email me when a step waits/).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/Email me when a step waits/)).toBeChecked();
});

test("the approver approves from the mail: the link opens a confirmation, and works once", async ({
  browser,
}) => {
  const title = tag("Tripod");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "A camera tripod for the video room, EUR 180",
    type: "PROCUREMENT",
    fields: { amount: 180, currency: "EUR" },
  });
  await expect
    .poll(async () => (await mailsAbout(title)).flatMap((m) => m.to), { timeout: 15_000 })
    .toContain(USERS.managerEng);
  const mail = (await mailsAbout(title)).find((m) => m.to.includes(USERS.managerEng));
  const link = mail?.text.match(/Approve…: (\S+)/)?.[1] ?? "";
  expect(link).toContain("/decide/");

  // A browser with no session, as a phone's mail app would open it.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: /^Approve FG-\d+\?$/ })).toBeVisible();
  await expect(page.getByText("You are deciding as Max Manager")).toBeVisible();
  await page.getByRole("button", { name: /^Approve FG-\d+$/ }).click();
  await expect(page.getByText(/FG-\d+ approved\./)).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  const requester = await personPage(browser, USERS.requester);
  await requester.goto(`/requests/${id}`);
  await expect(requester.getByTestId("status").first()).toHaveText("Approved");
  await context.close();
});
