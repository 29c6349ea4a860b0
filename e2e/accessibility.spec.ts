/**
 * No serious or critical axe-core violations on the main pages, a working narrow (mobile)
 * layout, and the SLA countdown's colours. Screenshots of each page are kept as artifacts.
 */
import { e2eDb } from "./database";
import { expect, personPage, seriousViolations, tag, test, USERS } from "./fixtures";
import { seedRequest } from "./seed";

const SHOTS = "test-results/screenshots";

// The sweep runs as one test per side of the app, each with its own budget: seventeen axe checks
// in one test, at 1.5–4 s each on a loaded two-core machine, left no margin.
test("signed out, the sign-in page and a set-password link have no serious or critical axe violations", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // A set-password link that is not one.
  await page.goto("/set-password/not-a-token");
  await expect(page.getByText("This link is not valid.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("as a requester, the main pages have no serious or critical axe violations", async ({
  browser,
}) => {
  const { id } = await seedDesk();
  const page = await personPage(browser, USERS.requester);
  for (const path of ["/", "/requests/new", "/requests", `/requests/${id}`, "/settings"]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
  }
  // The New request page with a suggestion shown, and with field errors.
  await page.goto("/requests/new");
  await page.getByLabel("What do you need?").fill("3 days of leave from December 9");
  await expect(page.getByTestId("suggest-status")).toContainText("Suggestion ready");
  await page.getByLabel("Days (required)").fill("");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.locator("#field-days-error")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("as an approver, the inbox and the request page have no serious or critical axe violations", async ({
  browser,
}) => {
  const { id } = await seedDesk();
  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto("/inbox");
  await expect(manager.getByRole("heading", { name: "Inbox" })).toBeVisible();
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.goto(`/requests/${id}`);
  await expect(manager.getByRole("heading", { name: "Your decision" })).toBeVisible();
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.screenshot({ path: `${SHOTS}/request-approver.png`, fullPage: true });
});

test("the admin pages have no serious or critical axe violations", async ({ browser }) => {
  // The admin side: people, departments, the audit explorer and an event, with a form's errors.
  const { id } = await seedDesk();
  const admin = await personPage(browser, USERS.admin);
  const requesterId = await userIdOf(USERS.requester);
  for (const path of [
    "/admin/users",
    `/admin/users/${requesterId}`,
    "/admin/departments",
    "/admin/audit",
    `/admin/audit/event?stream=request:${id}&seq=1`,
    "/admin/integrations",
  ]) {
    await admin.goto(path);
    await expect(admin.locator("main h1")).toBeVisible();
    expect({ path, violations: await seriousViolations(admin) }).toEqual({ path, violations: [] });
  }
  await admin.goto("/admin/audit?number=FG-x");
  await expect(admin.getByText("Give a request number")).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);
});

/** A request waiting for the engineering manager, for the pages that show one. */
function seedDesk() {
  return seedRequest(USERS.requester, {
    title: tag("Axe"),
    text: "Standing desk for the Berlin office, EUR 650",
    type: "PROCUREMENT",
    fields: { amount: 650, currency: "EUR" },
  });
}

async function userIdOf(email: string): Promise<string> {
  const db = e2eDb();
  try {
    return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  } finally {
    await db.$disconnect();
  }
}

test("works on a narrow screen: no sideways scrolling, every control reachable", async ({
  browser,
}) => {
  const page = await personPage(browser, USERS.managerEng, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  for (const [path, name] of [
    ["/requests/new", "new-request-mobile"],
    ["/inbox", "inbox-mobile"],
    ["/requests", "my-requests-mobile"],
  ] as const) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }
  // The menu folds behind one button: the header stays one row, and opening it shows the
  // navigation and who is signed in; it closes on the next page.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  expect((await page.locator("header").boundingBox())?.height).toBeLessThan(80);
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(nav.getByRole("link", { name: "Inbox" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("Max Manager");
  await page.screenshot({ path: `${SHOTS}/menu-open-mobile.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await nav.getByRole("link", { name: "Inbox" }).click();
  await expect(page).toHaveURL(/\/inbox(\?|$)/);
  await expect(nav).toBeHidden();
  await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute(
    "aria-expanded",
    "false",
  );
  await page.context().close();
});

test("the SLA countdown turns amber when time runs short and red when overdue", async ({
  browser,
}) => {
  const batch = tag("Sla");
  const soon = await seedRequest(USERS.requester, {
    title: `${batch} soon`,
    text: "One day off",
    type: "LEAVE",
    fields: { days: 1 },
  });
  const late = await seedRequest(USERS.requester, {
    title: `${batch} late`,
    text: "Another day off",
    type: "LEAVE",
    fields: { days: 1 },
  });
  const db = e2eDb();
  try {
    const hour = 3_600_000;
    await db.request.update({
      where: { id: soon.id },
      data: {
        stepStartedAt: new Date(Date.now() - 20 * hour),
        stepDueAt: new Date(Date.now() + 2 * hour),
      },
    });
    // Overdue and already escalated (still to a manager): the SLA sweep, which runs every minute,
    // escalates only steps in review, so it cannot take this one out of the inbox mid-test.
    await db.request.update({
      where: { id: late.id },
      data: {
        status: "ESCALATED",
        stepStartedAt: new Date(Date.now() - 30 * hour),
        stepDueAt: new Date(Date.now() - hour),
        stepEscalatedAt: new Date(Date.now() - 2 * hour),
      },
    });
  } finally {
    await db.$disconnect();
  }
  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto("/inbox");
  await manager.getByLabel("Filter").fill(batch);
  const rows = manager.getByTestId("inbox-item");
  // Soonest due first: the overdue one leads.
  await expect(rows.nth(0)).toContainText(`${batch} late`);
  await expect(rows.nth(0).locator("[data-sla]")).toHaveAttribute("data-sla", "late");
  await expect(rows.nth(0).locator("[data-sla]")).toContainText("overdue by");
  await expect(rows.nth(1).locator("[data-sla]")).toHaveAttribute("data-sla", "soon");
  await expect(rows.nth(1).locator("[data-sla]")).toContainText("due in 2 h");
  // The filter narrows the list to what is overdue or escalated.
  await manager.getByLabel("Overdue or escalated only").check();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText(`${batch} late`);
});
