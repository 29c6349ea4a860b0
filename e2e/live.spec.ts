/** An open request page and an open inbox follow changes as they happen (server-sent events). */
import { decideStep } from "../lib/services/decide-step";
import { e2eDb } from "./database";
import { expect, personPage, tag, test, USERS } from "./fixtures";
import { seedRequest } from "./seed";

test("the requester's open page shows the approval without a reload", async ({ browser }) => {
  const title = tag("LiveLeave");
  const { id } = await seedRequest(USERS.requester, {
    title,
    text: "One day of leave on Friday",
    type: "LEAVE",
    fields: { days: 1 },
  });
  const requester = await personPage(browser, USERS.requester);
  await requester.goto(`/requests/${id}`);
  await expect(requester.getByTestId("status").first()).toHaveText("In review");

  const db = e2eDb();
  try {
    const manager = await db.user.findUniqueOrThrow({
      where: { email: USERS.managerEng },
      include: { department: true },
    });
    await decideStep(
      db,
      { id: manager.id, roles: manager.roles, department: manager.department },
      id,
      { decision: "approve" },
    );
  } finally {
    await db.$disconnect();
  }
  // No reload, no polling on this page: the stream brings it.
  await expect(requester.getByTestId("status").first()).toHaveText("Approved");
  await expect(requester.getByTestId("lifecycle")).toContainText("Approved");
});
