/**
 * The whole journey in a real browser: a requester writes in plain words, accepts the AI's
 * suggestions and submits; each approver finds it in their inbox and decides; the requester sees
 * the outcome and the timeline. Plus rejection, changes and resubmission, scoping, bulk approval.
 */
import type { Page } from "@playwright/test";
import { decideStep } from "../lib/services/decide-step";
import { e2eDb } from "./database";
import { expect, MORE_USERS, personPage, tag, test, USERS } from "./fixtures";
import { countByTitle, requestStatus, seedRequest } from "./seed";

const SHOTS = "test-results/screenshots";

/** The inbox row of the request titled `title` (the filter box narrows the list to it). */
async function inboxRow(page: Page, title: string) {
  await page.goto("/inbox");
  await page.getByLabel("Filter").fill(title);
  const row = page.getByTestId("inbox-item").filter({ hasText: title });
  await expect(row).toBeVisible();
  return row;
}

test("PROCUREMENT of EUR 14,280: written in plain words, approved by MANAGER, FINANCE and DIRECTOR", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const title = tag("Chairs");
  const requester = await personPage(browser, USERS.requester);
  await requester
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "New request" })
    .click();
  await expect(requester.getByRole("heading", { name: "New request" })).toBeVisible();
  await requester
    .getByLabel("What do you need?")
    .fill("12 ergonomic chairs for the Berlin office, EUR 14,280");
  await requester.getByLabel("Title (optional)").fill(title);

  // The suggestion arrives as the requester pauses: type, fields, evidence and confidence.
  await expect(requester.getByTestId("suggest-status")).toContainText("Suggestion ready");
  await expect(requester.getByLabel("Type")).toHaveValue("PROCUREMENT");
  await expect(requester.getByLabel("Amount (required)")).toHaveValue("14280");
  await expect(requester.getByLabel("Currency (required)")).toHaveValue("EUR");
  await expect(requester.getByTestId("evidence").locator("mark")).toContainText(["14,280"]);
  await expect(requester.getByText(/Suggested from “.*14,280.*”/)).toBeVisible();
  // Before submitting, the requester sees who will approve and how long it may take.
  const plan = requester.getByRole("list", { name: "Planned approval steps" });
  await expect(plan.getByRole("listitem")).toHaveText([
    /Manager · up to 24 h/,
    /Finance · up to 2 days/,
    /Director · up to 3 days/,
  ]);
  await expect(requester.getByTestId("planned-total")).toContainText("within 6 days");
  await requester.screenshot({ path: `${SHOTS}/new-request.png`, fullPage: true });

  await requester.getByRole("button", { name: "Submit for approval" }).click();
  await expect(requester).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(requester.getByRole("heading", { name: title })).toBeVisible();
  await expect(requester.getByTestId("status").first()).toHaveText("In review");
  await expect(requester.getByTestId("current-step")).toContainText("Step 1 of 3: Manager");
  const chain = requester.getByRole("list", { name: "Approval steps" }).getByRole("listitem");
  await expect(chain).toHaveText([/Manager/, /Finance/, /Director/]);
  await expect(chain.first()).toHaveAttribute("aria-current", "step");
  await expect(requester.getByTestId("ai-summary")).not.toBeEmpty();

  const approvers = [
    { email: USERS.managerEng, next: "Step 2 of 3: Finance" },
    { email: USERS.finance, next: "Step 3 of 3: Director" },
    { email: MORE_USERS.director, next: null },
  ];
  for (const [index, approver] of approvers.entries()) {
    const page = await personPage(browser, approver.email);
    const row = await inboxRow(page, title);
    await expect(row).toContainText("€14,280.00");
    // The preview of the selected (only) row carries the summary.
    await expect(page.getByTestId("inbox-preview")).toContainText("AI summary");
    await expect(page.getByTestId("inbox-preview")).toContainText(title);
    if (index === 0) await page.screenshot({ path: `${SHOTS}/inbox.png`, fullPage: true });
    await row.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByTestId("inbox-notice")).toContainText("approved");
    await expect(page.getByTestId("inbox-item").filter({ hasText: title })).toHaveCount(0);
    await requester.reload();
    if (approver.next) {
      await expect(requester.getByTestId("current-step")).toContainText(approver.next);
    }
    await page.context().close();
  }

  await requester.reload();
  await expect(requester.getByTestId("status").first()).toHaveText("Approved");
  const timeline = requester.getByTestId("timeline");
  for (const who of [
    "Rita Requester",
    "AI assistant",
    "Flowgate workflow",
    "Max Manager",
    "Fiona Finance",
    "Dirk Director",
  ]) {
    await expect(timeline).toContainText(who);
  }
  await expect(timeline.locator("li[data-action=APPROVED]")).toHaveCount(3);
  await expect(timeline.locator("li[data-action=COMPLETED]")).toContainText("Approved");
  await requester.screenshot({ path: `${SHOTS}/request-approved.png`, fullPage: true });

  await requester.goto("/requests?status=APPROVED");
  await expect(requester.getByRole("row").filter({ hasText: title })).toContainText("Approved");
  await requester.screenshot({ path: `${SHOTS}/my-requests.png`, fullPage: true });
});

test("a rejection needs a reason, and the requester sees it", async ({ browser }) => {
  const title = tag("Monitor");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "A 4K monitor for design reviews, EUR 600",
    type: "PROCUREMENT",
    fields: { amount: 600, currency: "EUR" },
  });
  const manager = await personPage(browser, USERS.managerEng);
  const row = await inboxRow(manager, title);
  await row.getByRole("button", { name: /^More/ }).click();
  await row.getByRole("button", { name: "Reject…" }).click();
  await row.getByRole("button", { name: "Confirm: reject" }).click();
  await expect(row.getByText(/A reason is required/)).toBeVisible();
  expect(await requestStatus(id)).toBe("IN_REVIEW");
  await row.getByLabel("Reason for rejecting").fill("We have spare monitors in storage");
  await row.getByRole("button", { name: "Confirm: reject" }).click();
  await expect(manager.getByTestId("inbox-notice")).toContainText("rejected");

  const requester = await personPage(browser, USERS.requester);
  await requester.goto(`/requests/${id}`);
  await expect(requester.getByTestId("status").first()).toHaveText("Rejected");
  await expect(requester.getByTestId("timeline")).toContainText(
    "We have spare monitors in storage",
  );
  await expect(requester.getByRole("heading", { name: "Your actions" })).toHaveCount(0);
});

test("changes requested, then corrected and resubmitted as round 2", async ({ browser }) => {
  const title = tag("Desk");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "A standing desk, EUR 700",
    type: "PROCUREMENT",
    fields: { amount: 700, currency: "EUR" },
  });
  const manager = await personPage(browser, USERS.managerEng);
  const row = await inboxRow(manager, title);
  await row.getByRole("button", { name: /^More/ }).click();
  await row.getByRole("button", { name: "Request changes…" }).click();
  await row.getByLabel("What should change").fill("Please add the delivery costs");
  await row.getByRole("button", { name: "Confirm: request changes" }).click();
  await expect(manager.getByTestId("inbox-notice")).toContainText("sent back for changes");

  const requester = await personPage(browser, USERS.requester);
  await requester.goto(`/requests/${id}`);
  await expect(requester.getByTestId("status").first()).toHaveText("Changes requested");
  await expect(requester.getByTestId("timeline")).toContainText("Please add the delivery costs");
  await requester.getByLabel("Amount (required)").fill("");
  await requester.getByRole("button", { name: "Resubmit for approval" }).click();
  await expect(requester.locator("#field-amount-error")).toHaveText(
    "Amount is required for a procurement request.",
  );
  await requester.getByLabel("Amount (required)").fill("790");
  await requester.getByRole("button", { name: "Resubmit for approval" }).click();
  await expect(requester.getByTestId("status").first()).toHaveText("In review");
  await expect(requester.getByText("round 2")).toBeVisible();
  await expect(requester.getByTestId("field-amount")).toHaveText("€790.00");
  await expect(
    requester.getByTestId("timeline").locator("li[data-action=RESUBMITTED]"),
  ).toHaveCount(1);

  const again = await inboxRow(manager, title);
  await expect(again).toContainText("€790.00");
});

test("a LEAVE of 2 days needs only the MANAGER of the requester's department", async ({
  browser,
}) => {
  const title = tag("Leave");
  const requester = await personPage(browser, USERS.requester);
  await requester.goto("/requests/new");
  await requester
    .getByLabel("What do you need?")
    .fill("I would like 2 days of leave on December 3 and 4");
  await requester.getByLabel("Title (optional)").fill(title);
  await expect(requester.getByLabel("Type")).toHaveValue("LEAVE");
  await expect(requester.getByLabel("Days (required)")).toHaveValue("2");
  await requester.getByRole("button", { name: "Submit for approval" }).click();
  await expect(requester.getByTestId("current-step")).toContainText("Step 1 of 1: Manager");
  const id = requester.url().split("/").at(-1) as string;

  // Another department's manager neither sees it in the inbox nor can open it.
  const otherManager = await personPage(browser, MORE_USERS.managerOps);
  await otherManager.goto("/inbox");
  await otherManager.getByLabel("Filter").fill(title);
  await expect(
    otherManager
      .getByText("Nothing matches the filter.")
      .or(otherManager.getByText("Nothing is waiting")),
  ).toBeVisible();
  await otherManager.goto(`/requests/${id}`);
  await expect(otherManager.getByRole("heading", { name: /not found/i })).toBeVisible();

  const manager = await personPage(browser, USERS.managerEng);
  const row = await inboxRow(manager, title);
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("inbox-notice")).toContainText("approved");
  await requester.reload();
  await expect(requester.getByTestId("status").first()).toHaveText("Approved");
});

test("an approver never sees their own request in the inbox", async ({ browser }) => {
  const title = tag("OwnLeave");
  await seedRequest(USERS.managerEng, {
    title,
    text: "Two days of leave for me",
    type: "LEAVE",
    fields: { days: 2 },
  });
  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto("/inbox");
  await manager.getByLabel("Filter").fill(title);
  await expect(
    manager.getByText("Nothing matches the filter.").or(manager.getByText("Nothing is waiting")),
  ).toBeVisible();
  await manager.goto("/requests");
  await expect(manager.getByRole("row").filter({ hasText: title })).toContainText("In review");
});

test("bulk approve reports each item; one decided meanwhile by someone else is refused on its own", async ({
  browser,
}) => {
  const batch = tag("Bulk");
  const seeded = [];
  for (const n of [1, 2, 3]) {
    seeded.push(
      await seedRequest(USERS.requester, {
        title: `${batch} ${n}`,
        text: `Leave ${n}: 1 day off`,
        type: "LEAVE",
        fields: { days: 1 },
      }),
    );
  }
  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto("/inbox");
  await manager.getByLabel("Filter").fill(batch);
  await expect(manager.getByTestId("inbox-item")).toHaveCount(3);
  await manager.getByLabel("Select all shown").check();
  await expect(manager.getByRole("button", { name: "Approve selected (3)" })).toBeEnabled();
  await manager.screenshot({ path: `${SHOTS}/inbox-bulk.png`, fullPage: true });
  await manager.getByRole("button", { name: "Approve selected (3)" }).click();
  const notice = manager.getByTestId("inbox-notice");
  await expect(notice).toContainText("Approved 3 of 3");
  for (const { id } of seeded) expect(await requestStatus(id)).toBe("APPROVED");
  await expect(manager.getByTestId("inbox-item")).toHaveCount(0);
});

test("keyboard: j and k move, a approves, r opens the reject form", async ({ browser }) => {
  const batch = tag("Keys");
  const first = await seedRequest(USERS.requester, {
    title: `${batch} first`,
    text: "One day off",
    type: "LEAVE",
    fields: { days: 1 },
  });
  const second = await seedRequest(USERS.requester, {
    title: `${batch} second`,
    text: "Another day off",
    type: "LEAVE",
    fields: { days: 1 },
  });
  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto("/inbox");
  await manager.getByLabel("Filter").fill(batch);
  await expect(manager.getByTestId("inbox-item")).toHaveCount(2);
  await manager.locator("body").click({ position: { x: 5, y: 5 } });
  await manager.keyboard.press("j");
  await expect(manager.getByTestId("inbox-item").nth(1)).toHaveAttribute("aria-current", "true");
  await manager.keyboard.press("k");
  await expect(manager.getByTestId("inbox-item").nth(0)).toHaveAttribute("aria-current", "true");
  await manager.keyboard.press("r");
  await expect(
    manager.getByTestId("inbox-item").nth(0).getByLabel("Reason for rejecting"),
  ).toBeFocused();
  await manager.keyboard.press("Escape");
  await manager.locator("body").click({ position: { x: 5, y: 5 } });
  await manager.keyboard.press("a");
  await expect(manager.getByTestId("inbox-notice")).toContainText("approved");
  await expect(manager.getByTestId("inbox-item")).toHaveCount(1);
  const approved = [await requestStatus(first.id), await requestStatus(second.id)].sort();
  expect(approved).toEqual(["APPROVED", "IN_REVIEW"]);
});

test("a decision on a request that moved on shows the conflict and the new state", async ({
  browser,
}) => {
  const title = tag("Race");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "Server rack, EUR 12,500",
    type: "PROCUREMENT",
    fields: { amount: 12_500, currency: "EUR" },
  });
  const manager = await personPage(browser, USERS.managerEng);
  // A page that missed the change (live updates cut off, as on a flaky network): its stale button
  // meets the server's version check.
  await manager.route("**/api/live**", (route) => route.abort());
  await manager.goto(`/requests/${id}`);
  await expect(manager.getByRole("heading", { name: "Your decision" })).toBeVisible();
  // Meanwhile the same step is decided in another tab.
  const other = await personPage(browser, USERS.managerEng);
  const row = await inboxRow(other, title);
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(other.getByTestId("inbox-notice")).toContainText("approved");

  await manager.getByRole("button", { name: "Approve" }).click();
  // It says what changed and by whom (the same person, in another tab), and shows the new state.
  await expect(
    manager.getByText("You already acted on this request (in another tab or window)"),
  ).toBeVisible();
  await expect(manager.getByTestId("conflict-state")).toContainText(
    "In review (step 2 of 3: FINANCE) — last: Approved by you",
  );
  await expect(manager.getByRole("heading", { name: "Your decision" })).toHaveCount(0);
  await expect(
    manager.getByRole("list", { name: "Approval steps" }).getByRole("listitem").first(),
  ).toContainText("Approved by Max Manager");
  await expect(manager.getByTestId("conflict-state")).toBeVisible();
});

test("a tampered decision (another department's request id) is refused by the server", async ({
  browser,
}) => {
  const mine = await seedRequest(USERS.requester, {
    title: tag("Mine"),
    text: "One day off",
    type: "LEAVE",
    fields: { days: 1 },
  });
  const theirs = await seedRequest(MORE_USERS.managerOps, {
    title: tag("Theirs"),
    text: "Director approval: 1 day off",
    type: "LEAVE",
    fields: { days: 1 },
  });
  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto(`/requests/${mine.id}`);
  // Rewrite the server action's arguments in flight: the id becomes another department's request.
  await manager.route(`**/requests/${mine.id}`, async (route) => {
    const body = route.request().postData();
    if (route.request().method() === "POST" && body?.includes(mine.id)) {
      await route.continue({ postData: body.replaceAll(mine.id, theirs.id) });
    } else {
      await route.continue();
    }
  });
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("decision-outcome").getByRole("alert")).toContainText(
    "No such request",
  ); // not on their path: to them it does not exist
  expect(await requestStatus(theirs.id)).toBe("IN_REVIEW");
  expect(await requestStatus(mine.id)).toBe("IN_REVIEW");
});

test("a submission with a missing field shows the error at the field and saves nothing", async ({
  browser,
}) => {
  const title = tag("Incomplete");
  const page = await personPage(browser, USERS.requester);
  await page.goto("/requests/new");
  await page.getByLabel("What do you need?").fill("New laptop bag for travel");
  // The assistant answers as the requester pauses; the corrections below come after it, as a
  // person's would (its answer must not race the fields being edited).
  await expect(page.getByTestId("suggest-status")).toContainText("Suggestion ready");
  await page.getByLabel("Title (optional)").fill(title);
  await page.getByLabel("Type").selectOption("PROCUREMENT");
  await page.getByLabel("Currency (required)").fill("EUR");
  await page.getByLabel("Amount (required)").fill("");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.locator("#field-amount-error")).toHaveText(
    "Amount is required for a procurement request.",
  );
  await expect(page.getByLabel("Amount (required)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Amount (required)").fill("twelve");
  await expect(page.getByLabel("Amount (required)")).toHaveValue("twelve");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.locator("#field-amount-error")).toHaveText("Enter the amount as a number.");
  expect(await countByTitle(title)).toBe(0);
  await expect(page).toHaveURL(/\/requests\/new$/);
});

test("the inbox refreshes by itself when another approver decides", async ({ browser }) => {
  const title = tag("Refresh");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "One day off on Friday",
    type: "LEAVE",
    fields: { days: 1 },
  });
  const manager = await personPage(browser, USERS.managerEng);
  await inboxRow(manager, title);
  // A second manager of the same department approves it elsewhere.
  const db = e2eDb();
  try {
    const eng = await db.department.findUniqueOrThrow({ where: { code: "ENG" } });
    const colleague = await db.user.upsert({
      where: { email: "manager2.eng@example.com" },
      update: {},
      create: {
        email: "manager2.eng@example.com",
        name: "Mia Manager",
        passwordHash: "not-a-login",
        roles: ["REQUESTER", "MANAGER"],
        departmentId: eng.id,
      },
    });
    await decideStep(
      db,
      { id: colleague.id, roles: colleague.roles, department: { id: eng.id } },
      id,
      { decision: "approve" },
    );
  } finally {
    await db.$disconnect();
  }
  // No reload: the list polls and the item goes.
  await expect(manager.getByTestId("inbox-item").filter({ hasText: title })).toHaveCount(0, {
    timeout: 15_000,
  });
});

test("a draft is saved, edited on its page and then submitted; an escalation moves the step", async ({
  browser,
}) => {
  const title = tag("Draft");
  const requester = await personPage(browser, USERS.requester);
  await requester.goto("/requests/new");
  await requester.getByLabel("What do you need?").fill("A new laptop for onboarding, EUR 1,900");
  await requester.getByLabel("Title (optional)").fill(title);
  await expect(requester.getByLabel("Amount (required)")).toHaveValue("1900");
  const nav = requester.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "New request" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(nav.getByRole("link", { name: "My requests" })).not.toHaveAttribute("aria-current");
  await requester.getByRole("button", { name: "Save as draft" }).click();
  await expect(requester.getByTestId("status").first()).toHaveText("Draft");
  // A request's page is under no menu entry.
  await expect(nav.locator("[aria-current]")).toHaveCount(0);
  await requester.getByLabel("Amount (required)").fill("2,150");
  await requester.getByRole("button", { name: "Save changes" }).click();
  await expect(requester.getByText("Saved.")).toBeVisible();
  await expect(requester.getByTestId("field-amount")).toHaveText("€2,150.00");
  await requester.getByRole("button", { name: "Submit for approval" }).click();
  await expect(requester.getByTestId("status").first()).toHaveText("In review");
  const id = requester.url().split("/").at(-1) as string;

  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto(`/requests/${id}`);
  await manager.getByRole("button", { name: "Escalate…" }).click();
  await manager.getByLabel("Reason for escalating").fill("Above my usual budget");
  await manager.getByRole("button", { name: "Confirm: escalate" }).click();
  // The page shows the new state at once: escalated to the Director, no decision left for a manager.
  await expect(manager.getByTestId("status").first()).toHaveText("Escalated");
  await expect(manager.getByTestId("current-step")).toContainText("Director");
  await expect(manager.getByRole("heading", { name: "Your decision" })).toHaveCount(0);
  await requester.reload();
  await expect(requester.getByTestId("status").first()).toHaveText("Escalated");
  await expect(requester.getByTestId("timeline")).toContainText("Above my usual budget");
});
