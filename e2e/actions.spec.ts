/**
 * The AI recommends an action, the requester keeps it, the approver sees exactly what will run
 * and approves it, and it runs once: here a task in the requester's Tasks list.
 */
import { expect, personPage, tag, test, USERS } from "./fixtures";

test("a create-task action is kept, shown to the approver, run once after approval", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const title = tag("Badges");
  const requester = await personPage(browser, USERS.requester);
  await requester.goto("/requests/new");
  await requester
    .getByLabel("What do you need?")
    .fill("Please create a task to order two visitor badges for the new interns.");
  await requester.getByLabel("Title (optional)").fill(title);
  await expect(requester.getByTestId("suggest-status")).toContainText("Suggestion ready");
  await expect(requester.getByLabel("Type")).toHaveValue("GENERAL");
  const suggested = requester.getByTestId("approved-action");
  await expect(suggested).toContainText("Create a task");
  await expect(suggested).toContainText("Task: Please create a task to order two visitor badges");
  await expect(requester.getByLabel("Run this action once the request is approved")).toBeChecked();
  await requester.getByRole("button", { name: "Submit for approval" }).click();
  await expect(requester.getByTestId("status").first()).toHaveText("In review");
  const id = requester.url().split("/").at(-1) as string;
  await expect(requester.getByTestId("approved-action")).toContainText("Create a task");

  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto("/inbox");
  await manager.getByLabel("Filter").fill(title);
  const row = manager.getByTestId("inbox-item").filter({ hasText: title });
  await expect(row.getByTestId("approved-action")).toContainText("Once approved: Create a task");
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("inbox-notice")).toContainText("approved");

  // The worker runs it; the request page shows the run, the requester's Tasks list the task.
  await expect(async () => {
    await requester.goto(`/requests/${id}`);
    await expect(requester.getByTestId("action-run")).toHaveAttribute("data-status", "SUCCEEDED", {
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(
    requester.getByTestId("timeline").locator('[data-action="ACTION_EXECUTED"]'),
  ).toHaveCount(1);
  const lifecycle = requester.getByTestId("lifecycle").getByRole("listitem");
  await expect(lifecycle).toHaveText([
    /^✓Received/,
    /^✓AI analysed/,
    /^✓Waiting for approval/,
    /^✓Approved/,
    /^✓Action executed/,
  ]);
  await requester.getByRole("link", { name: "Tasks" }).click();
  const task = requester.getByTestId("task").filter({ hasText: "order two visitor badges" });
  await expect(task).toHaveCount(1);
  await task.getByRole("checkbox").check();
  await expect(task.getByText(/done /)).toBeVisible();
});
