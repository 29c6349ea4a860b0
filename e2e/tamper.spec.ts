/**
 * The attacks of issue 12, played as the database's owner against the running app, each detected
 * and shown to an admin on the request's page: a status flipped with no event, an event edited
 * with the trigger disabled, a chain re-hashed with our own function (caught by the signed
 * checkpoint outside the database), the last event removed.
 */
import { existsSync, readFileSync } from "node:fs";
import { forgeChain } from "../tests/support/forge-chain";
import { e2eDb } from "./database";
import { expect, personPage, tag, test, USERS } from "./fixtures";
import { seedRequest } from "./seed";

const CHECKPOINTS = ".data/e2e/audit-checkpoints.jsonl";

test("tampering by the database's owner is detected and shown", async ({ browser }) => {
  test.setTimeout(120_000);
  const ids: Record<string, string> = {};
  for (const name of ["intact", "flipped", "edited", "rehashed", "truncated"]) {
    ids[name] = (
      await seedRequest(USERS.requester, {
        title: tag(`Tamper ${name}`),
        text: "Two standing desks for the Berlin office, EUR 1,800",
        type: "PROCUREMENT",
        fields: { amount: 1_800, currency: "EUR" },
      })
    ).id;
  }
  const db = e2eDb();
  const sql = (text: string, ...values: unknown[]) => db.$executeRawUnsafe(text, ...values);
  try {
    // A checkpoint now (the schedule would take up to five minutes): the worker signs the heads.
    await sql("SELECT graphile_worker.add_job('audit:checkpoint', '{}'::json)");
    await expect
      .poll(
        () =>
          existsSync(CHECKPOINTS) &&
          readFileSync(CHECKPOINTS, "utf8").includes(ids.rehashed as string),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);

    await sql("UPDATE requests SET status = 'APPROVED' WHERE id = $1::uuid", ids.flipped);
    await sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete");
    try {
      await sql(
        `UPDATE audit_events SET data = jsonb_set(data, '{fields,amount}', '18') WHERE request_id = $1::uuid AND seq = 1`,
        ids.edited,
      );
      await sql(
        `DELETE FROM audit_events WHERE request_id = $1::uuid AND seq = (SELECT max(seq) FROM audit_events WHERE request_id = $1::uuid)`,
        ids.truncated,
      );
    } finally {
      await sql("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete");
    }
    // Re-hash the whole chain after editing its first event, and move the row's head to match.
    await forgeChain(db, ids.rehashed as string, { amount: 18, currency: "EUR" });
  } finally {
    await db.$disconnect();
  }

  const admin = await personPage(browser, USERS.admin);
  const expected: Record<string, RegExp> = {
    flipped: /status record does not match its events/,
    edited: /hash mismatch/,
    rehashed: /chain no longer holds its checkpointed event/,
    truncated: /chain ends before the recorded head/,
  };
  await admin.goto(`/requests/${ids.intact}`);
  const intact = admin.getByTestId("audit-check");
  await expect(intact).toHaveAttribute("data-ok", "true");
  await expect(intact).toContainText("signed checkpoint at event");
  for (const [name, reason] of Object.entries(expected)) {
    await admin.goto(`/requests/${ids[name]}`);
    const check = admin.getByTestId("audit-check");
    await expect(check, name).toHaveAttribute("data-ok", "false");
    await expect(check, name).toContainText("Tampering detected");
    await expect(check, name).toContainText(reason);
  }
  // The edited event itself: its stored hash no longer matches what it holds.
  await admin.goto(`/requests/${ids.edited}`);
  await admin.getByTestId("audit-check").getByRole("link", { name: "Verify again" }).click();
  await expect(admin.getByTestId("audit-check")).toHaveAttribute("data-ok", "false");
  await admin.getByTestId("audit-check").getByRole("link", { name: "The broken event" }).click();
  await expect(admin.getByTestId("hash-check")).toContainText("does not match");
  await expect(admin.getByTestId("canonical-json")).toContainText('"amount":18');
  // The whole trail, verified as an auditor would: each broken request named, with its event.
  await admin
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Audit" })
    .click();
  await admin.getByRole("button", { name: "Verify every chain now" }).click();
  const run = admin.getByTestId("verification").first();
  await expect(run).toHaveAttribute("data-status", "DONE", { timeout: 30_000 });
  const brokenList = run.getByTestId("broken-chains");
  for (const [name, reason] of Object.entries(expected)) {
    const number = await numberOf(ids[name] as string);
    await expect(
      brokenList.getByRole("listitem").filter({ hasText: `FG-${number} ` }),
      name,
    ).toContainText(reason);
  }
  await expect(
    brokenList
      .getByRole("listitem")
      .filter({ hasText: `FG-${await numberOf(ids.intact as string)} ` }),
  ).toHaveCount(0);
  // People without the audit permission see no audit check.
  const requester = await personPage(browser, USERS.requester);
  await requester.goto(`/requests/${ids.intact}`);
  await expect(requester.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(requester.getByTestId("audit-check")).toHaveCount(0);
});

async function numberOf(id: string): Promise<number> {
  const db = e2eDb();
  try {
    return (await db.request.findUniqueOrThrow({ where: { id }, select: { number: true } })).number;
  } finally {
    await db.$disconnect();
  }
}
