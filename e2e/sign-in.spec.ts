import { expect, mainNavLinks, seriousViolations, signIn, signInAs, test, USERS } from "./fixtures";

const GENERIC_ERROR = "That email and password do not match an account.";

test.describe("sign-in and role navigation", () => {
  test("a requester sees only their own pages", async ({ page }) => {
    await signInAs(page, USERS.requester);
    await expect(page.getByRole("heading", { name: "Welcome, Rita" })).toBeVisible();
    expect(await mainNavLinks(page)).toEqual(["Home", "New request", "My requests", "Runs"]);
    await page.screenshot({ path: "test-results/screenshots/home-requester.png", fullPage: true });

    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
    await page.goto("/inbox");
    await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  });

  test("a manager gets the inbox for their department, an admin the administration", async ({
    browser,
  }) => {
    const manager = await browser.newPage();
    await signInAs(manager, USERS.managerEng);
    await expect(manager.getByTestId("current-user")).toContainText("Engineering");
    expect(await mainNavLinks(manager)).toEqual([
      "Home",
      "New request",
      "My requests",
      "Inbox",
      "Runs",
    ]);
    await manager
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Inbox" })
      .click();
    await expect(manager.getByRole("heading", { name: "Inbox" })).toBeVisible();
    await expect(manager.getByText("Steps waiting for: Manager (Engineering)")).toBeVisible();

    const admin = await browser.newPage();
    await signInAs(admin, USERS.admin);
    expect(await mainNavLinks(admin)).toEqual([
      "Home",
      "New request",
      "My requests",
      "Runs",
      "Users",
      "Audit",
      "Integrations",
      "System",
    ]);
    await admin
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Users" })
      .click();
    await expect(admin.getByRole("cell", { name: "manager.ops@example.com" })).toBeVisible();
    await admin
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "System" })
      .click();
    await expect(admin.getByText(/all \d+ applied/)).toBeVisible();
    await admin.screenshot({ path: "test-results/screenshots/system-admin.png", fullPage: true });
  });

  test("a wrong password and an unknown email get the same clear error", async ({ page }) => {
    await signIn(page, USERS.finance, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: GENERIC_ERROR })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel("Email")).toHaveValue(USERS.finance);

    await signIn(page, "nobody@example.com");
    await expect(page.getByRole("alert").filter({ hasText: GENERIC_ERROR })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/sign-in-error.png" });
  });

  test("repeated failures against one account are paused with a clear wait", async ({ page }) => {
    // The e2e server allows 3 failures per account (playwright.config.ts).
    const target = `mallory-${Date.now()}@example.com`; // a fresh account key on every run
    for (let attempt = 1; attempt <= 3; attempt++) {
      await signIn(page, target, `guess-${attempt}`);
      await expect(page.getByRole("alert").filter({ hasText: GENERIC_ERROR })).toBeVisible();
    }
    await signIn(page, target, "guess-4");
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "Too many failed sign-in attempts. Try again in 15 minutes." }),
    ).toBeVisible();
  });

  test("empty fields are named at the field", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("an anonymous visitor is sent to sign in and then back where they were going", async ({
    page,
  }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("Email").fill(USERS.admin);
    await page.getByLabel("Password").fill("flowgate-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, USERS.requester);
    await expect(page.getByRole("heading", { name: "Welcome, Rita" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Flowgate" })).toBeVisible();
    // The session cookie is gone for good (nothing in flight re-issues it).
    await expect
      .poll(async () =>
        (await page.context().cookies()).some((c) => c.name.includes("session-token")),
      )
      .toBe(false);
    await page.goto("/requests");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the sign-in and home pages have no serious accessibility violations", async ({ page }) => {
    await page.goto("/sign-in");
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, USERS.requester);
    await expect(page.getByRole("heading", { name: "Welcome, Rita" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test("GET /api/health reports version, database and migrations", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: "ok",
    version: expect.any(String),
    database: { reachable: true },
    migrations: { applied: true, pending: [] },
  });
});

test("API routes answer 401 problem+json without a session; unknown API paths 404", async ({
  request,
}) => {
  for (const path of ["/api/inbox", "/api/v1/me", "/api/v1/inbox"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    expect(response.headers()["content-type"], path).toContain("application/problem+json");
  }
  for (const path of ["/api/anything", "/api/v1/nothing/here"]) {
    const response = await request.post(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.json(), path).toMatchObject({ code: "NOT_FOUND" });
  }
});
