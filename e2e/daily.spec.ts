/**
 * The daily screens (issue 14): decisions that confirm and say what happens next, a chain that
 * says who decided what, honest HTTP statuses for missing and forbidden pages.
 */
import { randomUUID } from "node:crypto";
import { e2eDb } from "./database";
import {
  expect,
  MORE_USERS,
  personPage,
  seriousViolations,
  signInAs,
  tag,
  test,
  USERS,
} from "./fixtures";
import { seedRequest, seedUser } from "./seed";

test("a missing request answers 404 and a page beyond the role 403, each with its own page", async ({
  browser,
}) => {
  const requester = await personPage(browser, USERS.requester);
  const missing = await requester.goto(`/requests/${randomUUID()}`);
  expect(missing?.status()).toBe(404);
  await expect(requester.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const malformed = await requester.goto("/requests/not-a-request");
  expect(malformed?.status()).toBe(404);
  const nowhere = await requester.goto("/no-such-page");
  expect(nowhere?.status()).toBe(404);
  const admin = await requester.goto("/admin/users");
  expect(admin?.status()).toBe(403);
  await expect(requester.getByRole("heading", { name: "Not for your role" })).toBeVisible();
});

test("approving on the request page confirms, says who has it now, and stays until dismissed", async ({
  browser,
}) => {
  const title = tag("Chairs");
  const { id, number } = await seedRequest(USERS.requester, {
    title,
    text: "12 ergonomic chairs for Berlin, EUR 14,280",
    type: "PROCUREMENT",
    fields: { amount: 14_280, currency: "EUR" },
  });
  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto(`/requests/${id}`);
  // The decision bar and the key facts come first.
  await expect(manager.getByTestId("key-figure")).toHaveText("€14,280.00");
  await expect(manager.getByTestId("key-waiting")).toContainText("Manager");
  await manager.getByRole("button", { name: "Approve" }).click();

  const outcome = manager.getByTestId("decision-outcome");
  await expect(outcome).toContainText(`FG-${number} approved — now with Finance.`);
  // The page shows the new state (nothing left to decide) and the confirmation is still there.
  await expect(manager.getByRole("heading", { name: "Your decision" })).toHaveCount(0);
  await expect(manager.getByTestId("key-waiting")).toContainText("Finance");
  await expect(outcome).toContainText(`FG-${number} approved`);
  await expect(
    outcome.getByRole("link", { name: /Next in inbox|back to the inbox/ }),
  ).toBeVisible();
  const steps = manager.getByRole("list", { name: "Approval steps" }).getByRole("listitem");
  await expect(steps.nth(0)).toContainText("Approved by Max Manager");
  await expect(steps.nth(1)).toContainText("Waiting now");
  await expect(steps.nth(2)).toContainText("Next — up to");

  await outcome.getByRole("button", { name: "Dismiss" }).click();
  await expect(outcome).toBeEmpty();
});

test("the chain marks a rejection and a request sent back at their step, the rest never reached", async ({
  browser,
}) => {
  const rejected = await seedRequest(USERS.requester, {
    title: tag("Rejected"),
    text: "A standing desk, EUR 14,000",
    type: "PROCUREMENT",
    fields: { amount: 14_000, currency: "EUR" },
  });
  const sentBack = await seedRequest(USERS.requester, {
    title: tag("SentBack"),
    text: "Two monitors, EUR 13,000",
    type: "PROCUREMENT",
    fields: { amount: 13_000, currency: "EUR" },
  });
  const manager = await personPage(browser, USERS.managerEng);

  await manager.goto(`/requests/${rejected.id}`);
  await manager.getByRole("button", { name: "Reject…" }).click();
  await manager.getByLabel("Reason for rejecting").fill("Not in this quarter's budget");
  await manager.getByRole("button", { name: "Confirm: reject" }).click();
  await expect(manager.getByTestId("decision-outcome")).toContainText(
    `FG-${rejected.number} rejected — closed as rejected.`,
  );
  const steps = manager.getByRole("list", { name: "Approval steps" }).getByRole("listitem");
  await expect(steps.nth(0)).toContainText("Rejected by Max Manager");
  await expect(steps.nth(1)).toContainText("Not reached");
  await expect(steps.nth(2)).toContainText("Not reached");

  await manager.goto(`/requests/${sentBack.id}`);
  await manager.getByRole("button", { name: "Request changes…" }).click();
  await manager.getByLabel("What should change").fill("Split it per team");
  await manager.getByRole("button", { name: "Confirm: request changes" }).click();
  await expect(manager.getByTestId("decision-outcome")).toContainText(
    `FG-${sentBack.number} sent back for changes — back with the requester.`,
  );
  await expect(steps.nth(0)).toContainText("Sent back for changes by Max Manager");
  await expect(steps.nth(1)).toContainText("Not reached");

  // The requester reads the same chain.
  const requester = await personPage(browser, USERS.requester);
  await requester.goto(`/requests/${rejected.id}`);
  await expect(
    requester.getByRole("list", { name: "Approval steps" }).getByRole("listitem").nth(0),
  ).toContainText("Rejected by Max Manager");
});

test("times read in the person's time zone: the browser's on the first visit, then their choice", async ({
  browser,
}) => {
  const db = e2eDb();
  try {
    await db.user.update({ where: { email: MORE_USERS.director }, data: { timeZone: null } });
  } finally {
    await db.$disconnect();
  }
  const { id } = await seedRequest(MORE_USERS.director, {
    title: tag("Offsite"),
    text: "Team offsite venue deposit, EUR 900",
    type: "PROCUREMENT",
    fields: { amount: 900, currency: "EUR" },
  });
  const director = await personPage(browser, MORE_USERS.director, { timezoneId: "Asia/Tokyo" });
  await director.goto("/settings");
  await expect(director.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
  await director.goto(`/requests/${id}`);
  const timeline = director.getByTestId("timeline");
  await expect(timeline.locator("time").first()).toContainText("GMT+9");
  // Relative in the details, the exact time on hover.
  const created = director.locator("dt:text-is('Created') + dd time");
  await expect(created).toContainText(/just now|minute/);
  await expect(created).toHaveAttribute("title", /GMT\+9/);

  await director.goto("/settings");
  await director.getByLabel("Time zone").selectOption("Europe/Berlin");
  await director.getByRole("button", { name: "Save" }).first().click();
  await expect(director.getByText("Saved.")).toBeVisible();
  await director.goto(`/requests/${id}`);
  await expect(timeline.locator("time").first()).toContainText(/CET|CEST/);
  // Exact times elsewhere (sessions, the audit pages, jobs, tokens) follow the same choice.
  await director.goto("/settings");
  await expect(director.getByTestId("session").first()).toContainText(/Signed in .*(CET|CEST)/);
});

test("home counts what waits and what is overdue, your open requests and recent decisions", async ({
  browser,
}) => {
  // A department of this test's own: nobody else's requests reach its manager.
  const code = `H${Date.now().toString(36).toUpperCase()}`.slice(0, 10);
  const requesterEmail = `${code.toLowerCase()}-rita@example.com`;
  const managerEmail = `${code.toLowerCase()}-max@example.com`;
  const db = e2eDb();
  try {
    await db.department.create({ data: { code, name: `Home ${code}` } });
  } finally {
    await db.$disconnect();
  }
  await seedUser(requesterEmail, ["REQUESTER"], code);
  await seedUser(managerEmail, ["REQUESTER", "MANAGER"], code);
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    const { id } = await seedRequest(requesterEmail, {
      title: `${code} leave ${n}`,
      text: `Leave of ${n} day${n === 1 ? "" : "s"} for a family event`,
      type: "LEAVE",
      fields: { days: n },
    });
    ids.push(id);
  }
  const late = e2eDb();
  try {
    // Overdue, and escalated already (the SLA sweep leaves it alone), still with the manager.
    const hour = 3_600_000;
    await late.request.update({
      where: { id: ids[2] },
      data: {
        status: "ESCALATED",
        stepStartedAt: new Date(Date.now() - 30 * hour),
        stepDueAt: new Date(Date.now() - hour),
        stepEscalatedAt: new Date(Date.now() - 2 * hour),
      },
    });
  } finally {
    await late.$disconnect();
  }

  const manager = await (await browser.newContext()).newPage();
  await signInAs(manager, managerEmail);
  await expect(manager.getByTestId("home-waiting-for-you-count")).toHaveText("3");
  await expect(manager.getByTestId("overdue-count")).toHaveText("1 overdue");
  await manager
    .getByRole("region", { name: /Waiting for you/ })
    .getByRole("link", { name: `${code} leave 1`, exact: false })
    .click();
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("decision-outcome")).toContainText("approved");
  await manager.goto("/");
  await expect(manager.getByTestId("home-waiting-for-you-count")).toHaveText("2");
  await expect(manager.getByTestId("home-recent-decisions-count")).toHaveText("1");
  await expect(manager.getByRole("region", { name: /Recent decisions/ })).toContainText(
    "approved by you",
  );
  await manager.screenshot({
    path: "test-results/screenshots/home-approver.png",
    fullPage: true,
  });

  const requester = await (await browser.newContext()).newPage();
  await signInAs(requester, requesterEmail);
  await expect(requester.getByTestId("home-your-open-requests-count")).toHaveText("2");
  await expect(requester.getByRole("region", { name: /Recent decisions/ })).toContainText(
    `approved by ${managerEmail.split("@")[0]}`,
  );
  await expect(requester.getByRole("region", { name: /Waiting for you/ })).toHaveCount(0);
  expect(await seriousViolations(requester)).toEqual([]);
});

test("the inbox: one line per item, a preview that follows the selection, filters and paging in the URL", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const code = `I${Date.now().toString(36).toUpperCase()}`.slice(0, 10);
  const requesterEmail = `${code.toLowerCase()}-rita@example.com`;
  const managerEmail = `${code.toLowerCase()}-max@example.com`;
  const db = e2eDb();
  try {
    await db.department.create({ data: { code, name: `Inbox ${code}` } });
  } finally {
    await db.$disconnect();
  }
  await seedUser(requesterEmail, ["REQUESTER"], code);
  await seedUser(managerEmail, ["REQUESTER", "MANAGER"], code);
  for (let n = 1; n <= 52; n++) {
    await seedRequest(requesterEmail, {
      title: `${code} item ${String(n).padStart(2, "0")}`,
      text: "Leave of 2 days for a family event",
      type: "LEAVE",
      fields: { days: 2 },
    });
  }
  const manager = await (await browser.newContext()).newPage();
  await signInAs(manager, managerEmail);
  await manager.goto("/inbox");
  const rows = manager.getByTestId("inbox-item");
  await expect(manager.getByTestId("inbox-count")).toHaveText("52 waiting");
  await expect(rows).toHaveCount(50);
  await expect(rows.first().getByTestId("deciding-figure")).toHaveText("2 days");
  // One line per item: a row is a fraction of what a card was.
  expect((await rows.first().boundingBox())?.height).toBeLessThan(90);
  await manager.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(52);

  // The preview follows the keyboard, and the URL names the selection.
  const preview = manager.getByTestId("inbox-preview");
  await manager.locator("body").click({ position: { x: 5, y: 5 } });
  await manager.keyboard.press("j");
  const second = (await rows.nth(1).getAttribute("data-request")) as string;
  await expect(preview.getByRole("heading")).toContainText(second);
  await expect(manager).toHaveURL(/selected=/);
  await expect(preview.getByRole("list", { name: "Approval chain" })).toContainText("Manager");

  // Search is server-side and in the URL: a reload keeps it.
  await manager.getByLabel("Filter").fill("item 07");
  await expect(rows).toHaveCount(1);
  await expect(manager).toHaveURL(/q=item\+07/);
  await manager.reload();
  await expect(rows).toHaveCount(1);
  await expect(manager.getByLabel("Filter")).toHaveValue("item 07");
  await expect(preview.getByRole("heading")).toContainText(`${code} item 07`);
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.screenshot({ path: "test-results/screenshots/inbox-preview.png", fullPage: true });

  // Decide from the preview: the row leaves, the notice says what happened.
  await preview.getByRole("button", { name: /^Approve/ }).click();
  await expect(manager.getByTestId("inbox-notice")).toContainText("approved");
  await expect(rows).toHaveCount(0);
  await manager.getByLabel("Filter").fill("");
  await expect(manager.getByTestId("inbox-count")).toHaveText("51 waiting");
});

test("an approver asks a question and the requester answers, without changing the request's state", async ({
  browser,
}) => {
  const title = tag("Question");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "A standing desk for the Berlin office, EUR 640",
    type: "PROCUREMENT",
    fields: { amount: 640, currency: "EUR" },
  });
  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto(`/requests/${id}`);
  await manager.getByLabel("Ask the requester a question").fill("Which model, and why this one?");
  await manager.getByRole("button", { name: "Post" }).click();
  const thread = manager.getByTestId("comments");
  await expect(thread).toContainText("Which model, and why this one?");
  await expect(thread).toContainText("Max Manager");
  await expect(manager.getByTestId("status").first()).toHaveText("In review");

  const requester = await personPage(browser, USERS.requester);
  await requester.goto(`/requests/${id}`);
  await expect(requester.getByTestId("comments")).toContainText("Which model, and why this one?");
  await requester
    .getByLabel("Add a comment or answer a question")
    .fill("The Flexi 2, for my back.");
  await requester.getByRole("button", { name: "Post" }).click();
  await expect(requester.getByTestId("comments")).toContainText("The Flexi 2, for my back.");
  await expect(requester.getByTestId("timeline").locator("li[data-action=COMMENTED]")).toHaveCount(
    2,
  );
  await expect(requester.getByTestId("status").first()).toHaveText("In review");
  // The manager's open page shows the answer by itself (live updates).
  await expect(manager.getByTestId("comments")).toContainText("The Flexi 2, for my back.");
  expect(await seriousViolations(requester)).toEqual([]);
});

test("a requester attaches the supplier's quote; approvers download it safely, others cannot", async ({
  browser,
}) => {
  const title = tag("Quote");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "A standing desk for the Berlin office, EUR 640",
    type: "PROCUREMENT",
    fields: { amount: 640, currency: "EUR" },
  });
  const requester = await personPage(browser, USERS.requester);
  await requester.goto(`/requests/${id}`);
  await requester.getByLabel("Attach a file").setInputFiles({
    name: "supplier-quote.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"),
  });
  const files = requester.getByTestId("attachments");
  await expect(files).toContainText("supplier-quote.pdf");
  await expect(requester.getByText("Attached supplier-quote.pdf.")).toBeVisible();
  // A renamed program is refused, at the field, and nothing is added.
  await requester.getByLabel("Attach a file").setInputFiles({
    name: "invoice.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]),
  });
  await expect(requester.getByText(/this file's content is none of them/)).toBeVisible();
  await expect(files.getByRole("listitem")).toHaveCount(1);
  await expect(
    requester.getByTestId("timeline").locator("li[data-action=ATTACHMENT_ADDED]"),
  ).toHaveCount(1);
  expect(await seriousViolations(requester)).toEqual([]);

  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto(`/requests/${id}`);
  const href = (await manager
    .getByRole("link", { name: "supplier-quote.pdf" })
    .getAttribute("href")) as string;
  const download = await manager.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toContain("attachment;");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-security-policy"]).toContain("sandbox");
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const outsider = await personPage(browser, MORE_USERS.managerOps);
  expect((await outsider.request.get(href)).status()).toBe(404);
});

/** No sideways scrolling at phone width, a screenshot of the state, axe clean. */
async function phoneCheck(page: import("@playwright/test").Page, name: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect({ name, overflow }).toEqual({ name, overflow: 0 });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
}

test("the day's work on a phone: attach, ask, answer, approve with confirmation, home and audit", async ({
  browser,
}) => {
  // Three people's pages, seven full-page screenshots and axe checks: 19 s alone, 33 s beside the
  // rest of the suite on two cores.
  test.setTimeout(90_000);
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true };
  const title = tag("Phone");
  const { id, number } = await seedRequest(USERS.requester, {
    title,
    text: "A standing desk for the Berlin office, EUR 640",
    type: "PROCUREMENT",
    fields: { amount: 640, currency: "EUR" },
  });
  const requester = await personPage(browser, USERS.requester, phone);
  await requester.goto(`/requests/${id}`);
  await expect(requester.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await requester.getByLabel("Attach a file").setInputFiles({
    name: "quote.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"),
  });
  await expect(requester.getByTestId("attachments")).toContainText("quote.pdf");
  await phoneCheck(requester, "request-requester-mobile");

  const manager = await personPage(browser, USERS.managerEng, phone);
  await manager.goto("/");
  await expect(manager.getByRole("heading", { level: 1 })).toBeVisible();
  await phoneCheck(manager, "home-approver-mobile");
  await manager.goto(`/inbox?selected=${id}`);
  await expect(manager.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await phoneCheck(manager, "inbox-selected-mobile");
  await manager.goto(`/requests/${id}`);
  await expect(manager.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(manager.getByTestId("key-figure")).toHaveText("€640.00");
  await manager.getByLabel("Ask the requester a question").fill("Which model?");
  await manager.getByRole("button", { name: "Post" }).click();
  await expect(manager.getByTestId("comments")).toContainText("Which model?");
  await phoneCheck(manager, "request-approver-mobile");

  await requester.reload();
  await requester.getByLabel("Add a comment or answer a question").fill("The Flexi 2.");
  await requester.getByRole("button", { name: "Post" }).click();
  await expect(requester.getByTestId("comments")).toContainText("The Flexi 2.");

  await expect(manager.getByTestId("comments")).toContainText("The Flexi 2.");
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("decision-outcome")).toContainText(`FG-${number} approved`);
  // The page has refreshed to the new state under the confirmation.
  await expect(manager.getByTestId("status").first()).toHaveText("Approved");
  await expect(manager.getByRole("heading", { name: "Your decision" })).toHaveCount(0);
  await phoneCheck(manager, "decision-confirmed-mobile");

  await requester.goto("/requests");
  await expect(requester.getByRole("heading", { level: 1 })).toBeVisible();
  await phoneCheck(requester, "my-requests-after-mobile");

  const admin = await personPage(browser, USERS.admin, phone);
  await admin.goto(`/admin/audit?number=FG-${number}`);
  await expect(admin.locator("tr[data-action=ATTACHMENT_ADDED]")).toHaveCount(1);
  await phoneCheck(admin, "audit-explorer-mobile");
});

test("before submitting, the requester sees who approves and how long it may take, as the fields change", async ({
  browser,
}) => {
  const requester = await personPage(browser, USERS.requester);
  await requester.goto("/requests/new");
  await expect(requester.getByRole("heading", { level: 1, name: "New request" })).toBeVisible();
  await requester.getByLabel("Type").selectOption("PROCUREMENT");
  const plan = requester.getByTestId("planned-chain");
  await expect(plan).toContainText("Fill in the amount and currency to see who approves.");
  await requester.getByLabel("Amount (required)").fill("14280");
  await requester.getByLabel("Currency (required)").fill("EUR");
  const steps = plan.getByRole("listitem");
  await expect(steps).toHaveText([/Manager/, /Finance/, /Director/]);
  await requester.getByLabel("Amount (required)").fill("800");
  await expect(steps).toHaveText([/Manager · up to 24 h/]);
  await expect(plan.getByTestId("planned-total")).toContainText("One decision, within 24 h");
  await requester.getByLabel("Type").selectOption("LEAVE");
  await expect(plan).toContainText("Fill in the days to see who approves.");
  await requester.getByLabel("Days (required)").fill("5");
  await expect(steps).toHaveText([/Manager/, /HR/]);
  expect(await seriousViolations(requester)).toEqual([]);
});
