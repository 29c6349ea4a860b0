/**
 * The admin side as administrators, auditors and approvers use it: a person invited by mail sets
 * their password and signs in, loses a role (their session ends) and is deactivated (sign-in
 * refused); an auditor searches the trail, opens an event, and exports a file that verifies
 * offline; an approver away names a delegate who decides on their behalf.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { verifyExportFile } from "../lib/audit/verify-export";
import { expect, MORE_USERS, personPage, signIn, signInAs, tag, test, USERS } from "./fixtures";
import { seedRequest, seedUser } from "./seed";

const MAIL_API = `http://localhost:${Number(process.env.E2E_MAIL_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 80)}/api/messages`;

async function linkMailedTo(email: string): Promise<string | null> {
  const all = (await (await fetch(MAIL_API)).json()) as { to: string[]; text: string }[];
  const mail = all.find((m) => m.to.includes(email));
  return mail?.text.match(/Set your password: (\S+)/)?.[1] ?? null;
}

test("an invited person sets a password by mail; losing a role ends their session; deactivated, they cannot sign in", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const name = tag("Ivy Invited");
  const email = `${name.toLowerCase().replaceAll(" ", ".")}@example.com`;
  const admin = await personPage(browser, USERS.admin);
  await admin
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Users" })
    .click();
  await admin.getByText("Add a person").click();
  const invite = admin.getByRole("form", { name: "Add a person" });
  await invite.getByRole("button", { name: "Add and invite" }).click();
  await expect(invite.getByText("Give the person's name.")).toBeVisible();
  await invite.getByLabel("Name").fill(name);
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("checkbox", { name: "Finance" }).check();
  await invite.getByLabel("Department").selectOption({ label: "Engineering" });
  await invite.getByRole("button", { name: "Add and invite" }).click();
  await expect(invite.getByText(`${email} was added and invited by mail.`)).toBeVisible();

  await expect.poll(() => linkMailedTo(email), { timeout: 20_000 }).not.toBeNull();
  const link = (await linkMailedTo(email)) as string;
  const person = await (await browser.newContext()).newPage();
  await person.goto(link);
  await expect(person.getByRole("heading", { name: "Welcome to Flowgate" })).toBeVisible();
  await person.getByLabel(/^Password/).fill("ivy's own long password");
  await person.getByLabel("The same again").fill("ivy's own long password");
  await person.getByRole("button", { name: "Set password" }).click();
  await expect(person.getByText("Your password is set: sign in with it.")).toBeVisible();
  await signIn(person, email, "ivy's own long password");
  await expect(person.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(
    person.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }),
  ).toBeVisible();
  // The link worked once.
  await person.goto(link);
  await expect(person.getByText(/used already/)).toBeVisible();

  // The admin takes the Finance role away: the person's session ends.
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name }).click();
  await admin.getByRole("checkbox", { name: "Finance" }).uncheck();
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("Saved. Their sessions ended")).toBeVisible();
  await person.goto("/inbox");
  await expect(person).toHaveURL(/\/sign-in/);

  // Deactivated: sign-in refused; the account's history says what happened.
  await admin.getByLabel("Reason (kept in the audit trail)").fill("Left the company");
  await admin.getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.getByText("Deactivated: their sessions have ended.")).toBeVisible();
  await signIn(person, email, "ivy's own long password");
  await expect(person.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await admin.reload();
  const history = admin.getByTestId("audit-events");
  for (const verb of [
    "created the account",
    "set the password",
    "changed the account",
    "deactivated the account",
  ]) {
    await expect(history.getByText(verb)).toBeVisible();
  }
  await expect(history.getByText("“Left the company”")).toBeVisible();
});

test("an auditor searches the trail, opens an event, and exports a file that verifies offline", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const title = tag("Audited chairs");
  const { number } = await seedRequest(USERS.requester, {
    title,
    text: "Twelve ergonomic chairs for Berlin, EUR 14,280",
    type: "PROCUREMENT",
    fields: { amount: 14_280, currency: "EUR" },
  });
  const auditor = await personPage(browser, MORE_USERS.auditor);
  await auditor
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Audit" })
    .click();
  // A request number that is not one: named at its field, nothing searched.
  await auditor.getByRole("textbox", { name: "Request" }).fill("FG-chairs");
  await auditor.getByRole("button", { name: "Search" }).click();
  await expect(auditor.getByText("Give a request number, such as FG-42.")).toBeVisible();
  await expect(auditor.getByTestId("audit-events")).toHaveCount(0);

  await auditor.getByRole("textbox", { name: "Request" }).fill("");
  await auditor.getByLabel("Text", { exact: true }).fill(title);
  await auditor.getByRole("button", { name: "Search" }).click();
  await expect(auditor).toHaveURL(/q=Audited/);
  const rows = auditor.getByTestId("audit-events").locator("tbody tr");
  await expect(rows.filter({ hasText: "created the request" })).toHaveCount(1);
  await expect(rows.first()).toContainText(`FG-${number}`);
  // An auditor decides nothing: no inbox.
  await expect(
    auditor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }),
  ).toHaveCount(0);

  await rows.filter({ hasText: "created the request" }).getByRole("link", { name: /^#1 / }).click();
  await expect(
    auditor.getByRole("heading", { name: "Event #1: created the request" }),
  ).toBeVisible();
  await expect(auditor.getByTestId("hash-check")).toContainText("matches");
  await expect(auditor.getByTestId("link-check")).toContainText("the chain starts here");
  await expect(auditor.getByTestId("canonical-json")).toContainText(title);

  // Export what the search found, as CSV, and verify it offline with its manifest.
  await auditor.goBack();
  const download = auditor.waitForEvent("download");
  await auditor.getByRole("link", { name: "CSV", exact: true }).click();
  const file = await download;
  const dir = await mkdtemp(path.join(os.tmpdir(), "flowgate-e2e-export-"));
  const csv = path.join(dir, file.suggestedFilename());
  await file.saveAs(csv);
  await auditor.reload();
  const exportRow = auditor.getByTestId("audit-exports").getByRole("listitem").first();
  await expect(exportRow).toContainText("Done");
  const manifestHref = (await exportRow
    .getByRole("link", { name: "manifest" })
    .getAttribute("href")) as string;
  const manifest = await auditor.request.get(manifestHref);
  expect(manifest.status()).toBe(200);
  await writeFile(csv.replace(/\.csv$/, ".manifest.json"), await manifest.body());
  const verdict = await verifyExportFile(csv);
  expect(verdict.problems).toEqual([]);
  expect(verdict.ok).toBe(true);
  expect(verdict.events).toBeGreaterThanOrEqual(3);
  // The export refuses a bad filter with the field at fault (problem+json).
  const refused = await auditor.request.get("/admin/audit/export?format=csv&from=soon");
  expect(refused.status()).toBe(422);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect(JSON.stringify(await refused.json())).toContain('"from"');
});

test("an approver away names a delegate, who decides on their behalf", async ({ browser }) => {
  test.setTimeout(90_000);
  const suffix = tag("d").toLowerCase();
  const away = `away.${suffix}@example.com`;
  const deputy = `deputy.${suffix}@example.com`;
  // Without mail: the mail spec counts who gets mail about the department's steps.
  await seedUser(away, ["REQUESTER", "MANAGER"], "ENG", { emailNotifications: false });
  await seedUser(deputy, ["REQUESTER", "SUPPORT_L2"], "OPS", { emailNotifications: false });
  const title = tag("Delegated desk");
  await seedRequest(USERS.requester, {
    title,
    text: "A desk lamp for the Berlin office, EUR 120",
    type: "PROCUREMENT",
    fields: { amount: 120, currency: "EUR" },
  });

  const awayPage = await (await browser.newContext()).newPage();
  await signInAs(awayPage, away);
  await awayPage.goto("/settings");
  const today = new Date().toISOString().slice(0, 10);
  await awayPage.getByLabel("Delegate's email").fill(away);
  await awayPage.getByLabel("First day away (UTC)").fill(today);
  await awayPage.getByLabel("Last day away (UTC)").fill(today);
  await awayPage.getByRole("button", { name: "Name delegate" }).click();
  await expect(awayPage.getByText("Name someone other than yourself.")).toBeVisible();
  await awayPage.getByLabel("Delegate's email").fill(deputy);
  await awayPage.getByRole("button", { name: "Name delegate" }).click();
  await expect(awayPage.getByText("Saved: your delegate sees your steps")).toBeVisible();
  await expect(awayPage.getByTestId("delegations-given")).toContainText(deputy);

  const deputyPage = await (await browser.newContext()).newPage();
  await signInAs(deputyPage, deputy);
  await deputyPage.goto("/inbox");
  const item = deputyPage.getByRole("listitem").filter({ hasText: title });
  await expect(item.getByTestId("on-behalf-of")).toContainText(`For ${away.split("@")[0]}`);
  await item.getByRole("link", { name: new RegExp(title) }).click();
  // The request's own page (the inbox's preview heading names the title too).
  await expect(deputyPage).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(deputyPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(deputyPage.getByTestId("on-behalf-of")).toContainText(
    `on behalf of ${away.split("@")[0]}`,
  );
  await deputyPage.getByRole("button", { name: "Approve", exact: true }).click();
  const timeline = deputyPage.getByTestId("timeline");
  await expect(timeline).toContainText(
    `${deputy.split("@")[0]} on behalf of ${away.split("@")[0]}`,
  );

  // Back early: the delegation ends.
  await awayPage.reload();
  await awayPage.getByRole("button", { name: "End now" }).click();
  await expect(awayPage.getByTestId("delegations-given")).toHaveCount(0);
});
