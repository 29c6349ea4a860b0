/**
 * Hardening seen from the outside: sessions that really end, and no open redirect after sign-in.
 * These use people no other spec signs in as (hr@, support@), since they end sessions.
 */
import { expect, signInAs, test } from "./fixtures";

const HR = "hr@example.com";
const SUPPORT = "support@example.com";

test("a copied session cookie stops working at sign-out", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, HR);
  const cookies = await context.cookies();
  expect((await page.request.get("/api/inbox")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  // An attacker who copied the cookie before sign-out replays it.
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const replay = await thief.request.get("/api/inbox");
  expect(replay.status()).toBe(401);
  expect(replay.headers()["content-type"]).toContain("application/problem+json");
  const stolen = await thief.newPage();
  await stolen.goto("/inbox");
  await expect(stolen.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("signing out everywhere else ends the other browser's session, not this one", async ({
  browser,
}) => {
  const [here, there] = [await browser.newPage(), await browser.newPage()];
  await signInAs(here, SUPPORT);
  await signInAs(there, SUPPORT);
  await here.goto("/settings");
  const sessions = here.getByTestId("session");
  await expect(sessions.filter({ hasText: "this browser" })).toHaveCount(1);
  await expect(sessions.filter({ hasText: "Chrome on " }).first()).toBeVisible();
  await here.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(here.getByText(/Signed out of \d+ other sessions?\./)).toBeVisible();
  await expect(sessions).toHaveCount(1);

  await there.goto("/inbox");
  await expect(there.getByRole("button", { name: "Sign in" })).toBeVisible();
  await here.goto("/inbox");
  await expect(here.getByRole("heading", { name: "Inbox" })).toBeVisible();
});

test("after sign-in only this site's paths are followed", async ({ browser }) => {
  const page = await browser.newPage();
  await signInAs(page, HR);
  for (const payload of [
    "%2F%09%2Fevil.example%2Fx",
    "%2F%09%5Cevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%2Fevil.example",
    "%2F%5Cevil.example",
    "%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example%2F",
  ]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${payload}`, {
      maxRedirects: 0,
    });
    expect(response.status(), payload).toBe(307);
    expect(response.headers().location, payload).toMatch(/^\/[^/\\]?/);
    expect(new URL(response.headers().location ?? "", "http://flowgate.test").host, payload).toBe(
      "flowgate.test",
    );
  }
  await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.example%2Fx");
  await expect(page).toHaveURL(/^http:\/\/(localhost|127\.0\.0\.1)[:/]/);
});
