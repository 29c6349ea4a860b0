/** An admin finds a job that failed for good on the jobs page and abandons it with a reason. */

import { poolOf } from "../lib/db/client";
import { enqueueJobs } from "../lib/jobs/enqueue";
import { e2eDb } from "./database";
import { expect, personPage, test, USERS } from "./fixtures";

test("a dead job is listed with its error, and abandoning it needs a reason", async ({
  browser,
}) => {
  const db = e2eDb();
  const marker = crypto.randomUUID();
  try {
    // A job no handler can read, allowed one attempt: the app's worker fails it for good.
    await enqueueJobs(poolOf(db), [
      {
        task: "notify:requester",
        payload: { requestId: marker },
        key: `e2e:${marker}`,
        maxAttempts: 1,
      },
    ]);
  } finally {
    await db.$disconnect();
  }
  const admin = await personPage(browser, USERS.admin);
  await admin.goto("/admin/system");
  await admin.getByRole("link", { name: "Background jobs" }).click();
  await expect(admin.getByRole("heading", { name: "Jobs" })).toBeVisible();
  const row = admin
    .getByTestId("failed-job")
    .filter({ hasText: "invalid notify:requester payload" });
  await expect(async () => {
    await admin.reload();
    await expect(row.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(row.first()).toContainText("failed for good");

  await row.first().getByRole("button", { name: "Abandon…" }).click();
  await row.first().getByRole("button", { name: "Abandon", exact: true }).click();
  await expect(row.first().getByText(/Say why the job is abandoned/)).toBeVisible();
  await row.first().getByLabel("Why abandon it?").fill("A test job with a broken payload");
  await row.first().getByRole("button", { name: "Abandon", exact: true }).click();
  // Gone from the list (the page reloads its data); the reason is on record (job_actions).
  await expect(row).toHaveCount(0);
  const check = e2eDb();
  try {
    expect(
      await check.jobAction.findFirst({
        where: { action: "ABANDON", payload: { equals: { requestId: marker } } },
      }),
    ).toMatchObject({ reason: "A test job with a broken payload" });
  } finally {
    await check.$disconnect();
  }
});
