import { createDraft } from "../lib/services/create-draft";
import { submitRequest } from "../lib/services/submit-request";
import { e2eDb } from "./database";
import { expect, MORE_USERS, personPage, test, USERS } from "./fixtures";

test("a submitted request shows in its requester's list and in the right manager's inbox only", async ({
  browser,
}) => {
  const db = e2eDb();
  const title = `Leave ${Date.now()}`;
  try {
    const requester = await db.user.findUniqueOrThrow({
      where: { email: USERS.requester },
      include: { department: true },
    });
    const actor = { id: requester.id, roles: requester.roles, department: requester.department };
    const draft = await createDraft(db, actor, {
      type: "LEAVE",
      title,
      description: "Two days off",
      fields: { days: 2 },
    });
    await submitRequest(db, actor, draft.id);
  } finally {
    await db.$disconnect();
  }

  const page = await personPage(browser, USERS.requester);
  await page.goto("/requests");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("In review");
  await expect(row).toContainText("Manager");

  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto("/inbox");
  await expect(manager.getByTestId("inbox-item").filter({ hasText: title })).toContainText(
    "Rita Requester",
  );
  await manager.screenshot({ path: "test-results/screenshots/inbox-manager.png", fullPage: true });

  const otherManager = await personPage(browser, MORE_USERS.managerOps);
  await otherManager.goto("/inbox");
  await expect(otherManager.getByRole("heading", { name: "Inbox" })).toBeVisible();
  await expect(otherManager.getByText(title)).toHaveCount(0);
});
