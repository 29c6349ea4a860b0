/**
 * Amounts as people write them, and no tier downgrade through the text: the requester sees how the
 * assistant worked an amount out; an approver sees when the text says more than the fields.
 */
import { expect, personPage, seriousViolations, tag, test, USERS } from "./fixtures";
import { seedRequest } from "./seed";

const SHOTS = "test-results/screenshots";

test("a quantity times a unit price is suggested with its working, each factor highlighted", async ({
  browser,
}) => {
  const requester = await personPage(browser, USERS.requester);
  await requester.goto("/requests/new");
  await requester
    .getByLabel("What do you need?")
    .fill("Order 8 Dell U2724D monitors at 420 EUR apiece for the design team.");
  await expect(requester.getByTestId("suggest-status")).toContainText("Suggestion ready");
  await expect(requester.getByLabel("Type")).toHaveValue("PROCUREMENT");
  await expect(requester.getByLabel("Amount (required)")).toHaveValue("3360");
  await expect(requester.getByLabel("Currency (required)")).toHaveValue("EUR");
  await expect(requester.locator("#field-amount-ai")).toContainText("8 × 420 = 3,360");
  expect(await seriousViolations(requester)).toEqual([]);
  await expect(requester.getByTestId("evidence").locator("mark")).toContainText(["8", "420 EUR"]);
  await requester.screenshot({ path: `${SHOTS}/new-request-working.png`, fullPage: true });
});

test("an approver sees when the text says more than the confirmed amount", async ({ browser }) => {
  const title = tag("Laptops");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "50 laptops for the new Lisbon office, EUR 80,000 in total.",
    type: "PROCUREMENT",
    fields: { amount: 800, currency: "EUR" },
  });
  const manager = await personPage(browser, USERS.managerEng);
  await manager.goto("/inbox");
  await manager.getByLabel("Filter").fill(title);
  await expect(manager.getByTestId("inbox-item").filter({ hasText: title })).toHaveCount(1);
  await expect(manager.getByTestId("inbox-preview").getByTestId("routing-warnings")).toContainText(
    "The text mentions EUR 80,000, but the confirmed amount is EUR 800",
  );
  await expect(manager.getByTestId("inbox-preview").getByTestId("routing-warnings")).toContainText(
    "Manager → Finance → Director",
  );
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.screenshot({ path: `${SHOTS}/inbox-routing-warning.png`, fullPage: true });

  await manager.goto(`/requests/${id}`);
  await expect(manager.getByTestId("routing-warnings")).toContainText("EUR 80,000");
  // The route is still the confirmed one: the approver decides, with the warning in front of them.
  await expect(manager.getByTestId("current-step")).toContainText("Step 1 of 1: Manager");
  await expect(
    manager.getByTestId("timeline").locator('[data-action="ROUTING_WARNING"]'),
  ).toHaveCount(1);
});
