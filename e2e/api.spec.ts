/**
 * The public API as its users meet it on the production build: a person makes a token in
 * Settings, calls the API with it and revokes it; the API reference renders from the document
 * without a CSP violation; examples/api-quickstart.ts runs against the server; an administrator
 * subscribes a receiver to webhooks and watches the deliveries arrive in its log.
 */
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { demoToken } from "../prisma/demo-tokens";
import { expect, personPage, tag, test, USERS } from "./fixtures";

const run = promisify(execFile);

test("a person makes an API token in Settings, calls the API with it, and revokes it", async ({
  browser,
}) => {
  const page = await personPage(browser, USERS.requester);
  await page.goto("/settings");
  const name = tag("Expense script");
  const form = page.getByRole("form", { name: "Make an API token" });
  await form.getByLabel("Name (what uses it)").fill(name);
  await form.getByRole("checkbox", { name: /^write/ }).check();
  await form.getByRole("button", { name: "Make token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveValue(/^fgt_/);
  const token = await shown.inputValue();

  const me = await page.request.get("/api/v1/me", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: USERS.requester, scopes: ["read", "write"] });
  // The list shows it, used just now, never its secret.
  await page.reload();
  const row = page.getByTestId("token-table").getByRole("row").filter({ hasText: name });
  await expect(row).not.toContainText("never", { ignoreCase: false });
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
  const after = await page.request.get("/api/v1/me", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(after.status()).toBe(401);
  expect(after.headers()["content-type"]).toBe("application/problem+json");
});

test("the API reference renders every operation from the document", async ({ page }) => {
  await page.goto("/api/docs");
  await expect(page.getByText("Flowgate API").first()).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByRole("link", {
      name: /Create a request from plain text, or from text and confirmed fields/,
    }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Decisions", exact: false }).first()).toBeVisible();
  const document = await page.request.get("/api/v1/openapi.json");
  expect((await document.json()).openapi).toBe("3.1.0");
});

test("the quickstart example runs against the server and verifies the trail", async ({
  baseURL,
}) => {
  test.setTimeout(90_000);
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "examples/api-quickstart.ts"],
    {
      env: { ...process.env, FLOWGATE_URL: baseURL },
      timeout: 80_000,
    },
  );
  expect(stdout).toContain("approved by Dirk Director (DIRECTOR) → APPROVED");
  expect(stdout).toMatch(/Audit trail: \d+ events, links checked here, server verdict intact/);
});

test("an administrator subscribes a receiver; signed deliveries show in the webhook's log", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const received: { type: string; title: string; signature: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const parsed = JSON.parse(body);
      received.push({
        type: parsed.type,
        title: parsed.data.request.title,
        signature: String(req.headers["webhook-signature"] ?? ""),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/flowgate`;
    const description = tag("ERP");
    const admin = await personPage(browser, USERS.admin);
    await admin.goto("/admin/integrations");
    await admin.getByText("Add a webhook").click();
    const form = admin.getByRole("form", { name: "Add a webhook" });
    await form.getByLabel("Receiver URL").fill(url);
    await form.getByLabel("What receives it (optional)").fill(description);
    await form.getByRole("checkbox", { name: /request\.submitted/ }).check();
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(form.getByRole("status")).toContainText("Added");

    // A request submitted through the API, by the demo requester's token.
    const title = tag("Webhook chairs");
    const created = await admin.request.post("/api/v1/requests", {
      headers: { authorization: `Bearer ${demoToken(USERS.requester).token}` },
      data: {
        text: `${title}: 4 chairs for the Berlin office, EUR 1,200.`,
        title,
        type: "PROCUREMENT",
        fields: { amount: 1200, currency: "EUR" },
        submit: true,
      },
    });
    expect(created.status()).toBe(201);
    await expect
      .poll(() => received.find((r) => r.title === title)?.type, { timeout: 30_000 })
      .toBe("request.submitted");
    expect(received.find((r) => r.title === title)?.signature).toMatch(/^v1,/);

    await admin.getByRole("link", { name: description }).click();
    await expect(admin).toHaveURL(/\/admin\/integrations\/webhooks\//);
    await expect(admin.getByRole("heading", { name: description })).toBeVisible();
    await expect(async () => {
      await admin.reload();
      await expect(admin.getByTestId("deliveries")).toContainText("DELIVERED");
    }).toPass({ timeout: 30_000 });
    // Paused, it sends nothing more (the other specs' requests are not this receiver's).
    await admin.getByRole("button", { name: "Pause" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Paused." })).toBeVisible();
  } finally {
    server.close();
  }
});
