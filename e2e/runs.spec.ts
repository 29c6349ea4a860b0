/**
 * Graph runs in the browser (issue 15): paste code, start the review, watch it finish on its page
 * without a reload; a slow run shows its running node live and is cancelled from its page.
 */
import { expect, personPage, seriousViolations, test, USERS } from "./fixtures";
import { seedGraph } from "./seed";

test("a requester reviews pasted code: the run finishes on its page, with suggestions and the log", async ({
  browser,
}) => {
  const page = await personPage(browser, USERS.requester);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
  await page.getByLabel("Quality score to reach").fill("100");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Code review run" })).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded");
  await expect(page.getByTestId("node-extract")).toContainText("done");
  await expect(page.getByTestId("node-complexity")).toContainText("done");
  await expect(page.getByTestId("review-scores")).toContainText("with the suggestions 100");
  // The pasted code is kept with its own line breaks (a textarea posts CRLF).
  await expect(page.getByTestId("run-state")).not.toContainText("\\r\\n");
  await expect(
    page.getByRole("list", { name: "Suggestions" }).getByRole("listitem").first(),
  ).toContainText("total");
  await expect(page.getByTestId("run-log").locator("li").last()).toHaveAttribute(
    "data-kind",
    "run_succeeded",
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/run-review.png", fullPage: true });
  // On a phone: no sideways scrolling (the code, state and log wrap).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded");
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBe(0);
  await page.screenshot({ path: "test-results/screenshots/run-review-mobile.png", fullPage: true });

  const runPath = new URL(page.url()).pathname;
  await page.goto("/runs");
  await expect(
    page.getByTestId("run-row").filter({ has: page.locator(`a[href="${runPath}"]`) }),
  ).toContainText("Succeeded");
  expect(await seriousViolations(page)).toEqual([]);
});

test("a slow run shows its running node live, then is cancelled from its page", async ({
  browser,
}) => {
  await seedGraph({
    key: "slow-demo",
    name: "Slow demo",
    state: { n: { type: "number", default: 1 }, waited: { type: "number", default: 0 } },
    start: "pause",
    nodes: [
      {
        id: "pause",
        kind: "tool",
        label: "Pause",
        tool: "wait",
        inputs: { ms: { value: 60_000 } },
        outputs: { waited_ms: "waited" },
      },
      { id: "done", kind: "end" },
    ],
    edges: [{ from: "pause", to: "done" }],
  });
  const page = await personPage(browser, USERS.requester);
  await page.goto("/runs");
  await page.getByLabel("Workflow").selectOption("slow-demo");
  await page.getByLabel("Input (JSON)").fill('{"n": "one"}');
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByText('"n" is a number.')).toBeVisible();
  await page.getByLabel("Input (JSON)").fill('{"n": 2}');
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  // The page was rendered before or after the node started: either way it turns active live.
  await expect(page.getByTestId("node-pause")).toHaveAttribute("data-active", "true");
  await expect(page.getByTestId("run-status")).toHaveText("Running");
  await page.getByRole("button", { name: "Cancel run" }).click();
  await expect(page.getByTestId("run-status")).toHaveText("Cancelled");
  await expect(page.getByTestId("run-log")).toContainText("run_cancelled");
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
});

test("a run asks for approval: the manager approves the request it opened, and the open run page goes on", async ({
  browser,
}) => {
  const requester = await personPage(browser, USERS.requester);
  await requester.goto("/runs");
  await requester.getByLabel("Workflow").selectOption("recommended-action");
  await requester
    .getByLabel("The request, in plain words")
    .fill("Three headsets for the support desk, EUR 270 in total.");
  await requester.getByRole("button", { name: "Start" }).click();
  await expect(requester).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  const waiting = requester
    .getByTestId("node-approve")
    .getByRole("link", { name: /waiting for approval: FG-\d+/ });
  await expect(waiting).toBeVisible();
  const reference = ((await waiting.textContent()) ?? "").replace("waiting for approval: ", "");

  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto(`/requests/${(await waiting.getAttribute("href"))?.split("/").pop()}`);
  await expect(manager.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(manager.getByText(reference).first()).toBeVisible();
  await expect(manager.getByTestId("from-run")).toContainText(
    "Asked for by a run of “Recommended action”",
  );
  await expect(manager.getByTestId("from-run").getByRole("link")).toHaveCount(0);
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("decision-outcome")).toContainText(`${reference} approved`);

  await expect(requester.getByTestId("run-status")).toHaveText("Succeeded");
  await expect(requester.getByTestId("node-approved")).toContainText("done");
  await expect(requester.getByTestId("run-state")).toContainText('"approved"');
  expect(await seriousViolations(requester)).toEqual([]);
});
