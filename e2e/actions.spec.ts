/**
 * The AI recommends an action, the requester edits it, the approver sees exactly what will run
 * and approves it, and it runs once: here a task in the requester's Tasks list.
 */
import { expect, personPage, tag, test, USERS } from "./fixtures";

test("a create-task action is edited, shown to the approver, run once after approval", async ({
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
  const editor = requester.getByTestId("action-editor");
  await expect(editor.getByLabel("Action once approved")).toHaveValue("create_task");
  await expect(editor.getByLabel("Task", { exact: true })).toHaveValue(
    /^Please create a task to order two visitor badges/,
  );
  // The requester makes it their own; a wrong address is refused at its input, nothing saved.
  await editor.getByLabel("Task", { exact: true }).fill("Order two visitor badges for the interns");
  await editor.getByLabel("For (email)").fill("not an address");
  await requester.getByRole("button", { name: "Submit for approval" }).click();
  await expect(editor.getByText("Enter the assignee's email address.")).toBeVisible();
  await expect(requester).toHaveURL(/\/requests\/new$/);
  await expect(editor.getByLabel("Task", { exact: true })).toHaveValue(
    "Order two visitor badges for the interns",
  );
  await editor.getByLabel("For (email)").fill("");
  await requester.getByRole("button", { name: "Submit for approval" }).click();
  await expect(requester.getByTestId("status").first()).toHaveText("In review");
  const id = requester.url().split("/").at(-1) as string;
  await expect(requester.getByTestId("approved-action")).toContainText(
    "Task: Order two visitor badges for the interns",
  );

  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto("/inbox");
  await manager.getByLabel("Filter").fill(title);
  const row = manager.getByTestId("inbox-item").filter({ hasText: title });
  await expect(manager.getByTestId("inbox-preview").getByTestId("approved-action")).toContainText(
    "Once approved: Create a task",
  );
  await expect(manager.getByTestId("inbox-preview").getByTestId("approved-action")).toContainText(
    "Task: Order two visitor badges for the interns",
  );
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
  const task = requester
    .getByTestId("task")
    .filter({ hasText: "Order two visitor badges for the interns" });
  await expect(task).toHaveCount(1);
  await task.getByRole("checkbox").check();
  await expect(task.getByText(/done /)).toBeVisible();
});
