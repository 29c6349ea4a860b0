/**
 * What a person types before the page's scripts have run is not lost. The page is served and shown
 * while its JavaScript is held back (as on a slow network); the person fills the fields; then the
 * scripts arrive and the page must act on what the fields show, as if it had just been typed.
 * (This is how an inbox filter once went unapplied in CI: the test typed before hydration.)
 */
import type { Page } from "@playwright/test";
import { expect, personPage, tag, test, USERS } from "./fixtures";
import { seedRequest } from "./seed";

/**
 * Opens `url` with the page's scripts held back; returns what lets them through. (Routing turns
 * the browser's cache off for the page, so no script comes from an earlier page's cache.)
 */
async function openBeforeScripts(page: Page, url: string): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/_next/static/**/*.js", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "commit" });
  return release;
}

test("inbox filters set before the scripts ran are applied once they run", async ({ browser }) => {
  const batch = tag("Early");
  for (const n of [1, 2]) {
    await seedRequest(USERS.requester, {
      title: `${batch} ${n}`,
      text: `Leave ${n}: 1 day off`,
      type: "LEAVE",
      fields: { days: 1 },
    });
  }
  const manager = await personPage(browser, USERS.managerEng);
  // The reader's clock runs ten minutes ahead of the server's: the first render must still match
  // the server's HTML (times from the server's clock), or React renders the page afresh and the
  // filters typed meanwhile are gone (the test's end checks that no hydration failed).
  await manager.clock.setFixedTime(Date.now() + 10 * 60_000);
  const release = await openBeforeScripts(manager, "/inbox");
  await manager.getByLabel("Type").selectOption("LEAVE");
  await manager.getByLabel("Filter").fill(`${batch} 2`);
  await manager.getByLabel("Overdue or escalated only").check();
  // Selecting for bulk approval needs the scripts: disabled until they run.
  await expect(manager.getByLabel("Select all shown")).toBeDisabled();
  release();

  // All three at once: nothing of this batch is overdue.
  await expect(manager.getByText("Nothing matches the filter.")).toBeVisible();
  await expect(manager).toHaveURL(/[?&]urgent=1\b/);
  await expect(manager).toHaveURL(/[?&]type=LEAVE\b/);
  await expect(manager).toHaveURL(new RegExp(`[?&]q=${batch}\\+2\\b`));
  await expect(manager.getByLabel("Filter")).toHaveValue(`${batch} 2`);
  await expect(manager.getByLabel("Type")).toHaveValue("LEAVE");

  // The page now runs as usual: clearing the box keeps the other two.
  await manager.getByLabel("Overdue or escalated only").uncheck();
  const items = manager.getByTestId("inbox-item");
  await expect(items).toHaveCount(1);
  await expect(items).toContainText(`${batch} 2`);
  await expect(manager).not.toHaveURL(/urgent=/);
  // Once running, the page tells time by the reader's clock.
  await expect(items.getByTitle("Waiting since")).toHaveText("10 minutes ago");
});

test("a request written before the scripts ran gets its suggestion", async ({ browser }) => {
  const requester = await personPage(browser, USERS.requester);
  const release = await openBeforeScripts(requester, "/requests/new");
  const text = "12 ergonomic chairs for the Berlin office, EUR 14,280";
  await requester.getByLabel("What do you need?").fill(text);
  release();

  await expect(requester.getByTestId("text-count")).toContainText(`${text.length} /`);
  await expect(requester.getByTestId("suggest-status")).toContainText("Suggestion ready");
  await expect(requester.getByLabel("Type")).toHaveValue("PROCUREMENT");
});

test("a comment written before the scripts ran is posted", async ({ browser }) => {
  const title = tag("EarlyComment");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "A standing desk for the Berlin office, EUR 640",
    type: "PROCUREMENT",
    fields: { amount: 640, currency: "EUR" },
  });
  const requester = await personPage(browser, USERS.requester);
  const release = await openBeforeScripts(requester, `/requests/${id}`);
  const body = "The quote is attached tomorrow.";
  await requester.getByLabel("Add a comment or answer a question").fill(body);
  // Posting needs the scripts: until they run, the button says so by being disabled.
  const post = requester.getByRole("button", { name: "Post" });
  await expect(post).toBeDisabled();
  release();

  // The count below the field follows what it shows: the page has taken the text up.
  await expect(requester.locator("#comment-count")).toHaveText(`${body.length} / 2,000`);
  await post.click();
  await expect(requester.getByTestId("comments")).toContainText(body);
});

test("decision buttons wait for the scripts instead of swallowing a click", async ({ browser }) => {
  const title = tag("EarlyDecision");
  const { id, number } = await seedRequest(USERS.requester, {
    title,
    text: "One day off",
    type: "LEAVE",
    fields: { days: 1 },
  });
  const manager = await personPage(browser, USERS.managerEng);
  const release = await openBeforeScripts(manager, `/requests/${id}`);
  const approve = manager.getByRole("button", { name: "Approve", exact: true });
  await expect(approve).toBeDisabled();
  release();
  await approve.click();
  await expect(manager.getByTestId("decision-outcome")).toContainText(`FG-${number} approved`);
});
