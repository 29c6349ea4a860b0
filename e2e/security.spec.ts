/**
 * Hardening seen from the outside: sessions that really end, no open redirect after sign-in,
 * security headers and a nonce CSP the app passes. The session tests use people no other spec
 * signs in as (hr@, support@), since they end sessions.
 */
import {
  expect,
  MORE_USERS,
  type PEOPLE,
  personPage,
  signInAs,
  test,
  USERS,
  watchCsp,
} from "./fixtures";

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

// One test per person, each with its own budget: twenty page loads in one test (20 s alone) left
// little margin on a loaded two-core machine.
const CSP_PAGES: [(typeof PEOPLE)[number], string[]][] = [
  [USERS.requester, ["/", "/requests", "/requests/new", "/settings", "/tasks", "/no-such-page"]],
  [USERS.managerEng, ["/inbox"]],
  [
    USERS.admin,
    [
      "/admin/users",
      "/admin/departments",
      "/admin/audit",
      "/admin/system",
      "/admin/jobs",
      "/admin/integrations",
    ],
  ],
  [MORE_USERS.auditor, ["/admin/audit", "/admin/audit?action=CREATED", "/admin/system"]],
];

for (const [email, paths] of CSP_PAGES) {
  test(`every page passes its nonce CSP as ${email}: scripts run, nothing is refused`, async ({
    browser,
  }) => {
    const page = await personPage(browser, email);
    const violations = await watchCsp(page);
    for (const path of paths) {
      const response = await page.goto(path);
      const csp = response?.headers()["content-security-policy"] ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
      expect(csp, path).not.toContain("unsafe-inline");
      expect(csp, path).toContain("frame-ancestors 'none'");
      await expect(
        path === "/no-such-page"
          ? page.getByRole("heading", { name: "Page not found" })
          : page.getByRole("button", { name: "Sign out", exact: true }),
      ).toBeVisible();
      await expect
        .poll(() => page.evaluate(() => document.querySelectorAll("script[nonce]").length), {
          message: path,
        })
        .toBeGreaterThan(0);
    }
    // Something only client code does: the New request form asks for a suggestion.
    if (email === USERS.requester) {
      await page.goto("/requests/new");
      await page.getByLabel("What do you need?").fill("12 ergonomic chairs for Berlin, EUR 14,280");
      await expect(page.getByTestId("suggest-status")).toContainText("Suggestion ready");
    }
    expect(await violations(), email).toEqual([]);
  });
}

test("the sign-in page passes its nonce CSP, signed out", async ({ browser }) => {
  const anonymous = await browser.newPage();
  const violations = await watchCsp(anonymous);
  await anonymous.goto("/sign-in");
  await anonymous.getByLabel("Email").fill("nobody@example.com");
  await anonymous.getByLabel("Password").fill("wrong password");
  await anonymous.getByRole("button", { name: "Sign in" }).click();
  await expect(anonymous.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("security headers on pages, API answers and static files", async ({ browser }) => {
  const page = await personPage(browser, USERS.requester);
  const checks: [string, Record<string, string | RegExp>][] = [
    ["/", { "x-frame-options": "DENY" }],
    ["/api/inbox", { "content-security-policy": /^default-src 'none'; frame-ancestors 'none'/ }],
    ["/api/health", { "content-security-policy": /^default-src 'none'/ }],
    ["/icon.svg", {}],
  ];
  for (const [path, extra] of checks) {
    const response = await page.request.get(path);
    const headers = response.headers();
    const expected: Record<string, string | RegExp> = {
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
      "permissions-policy": /camera=\(\), microphone=\(\), geolocation=\(\)/,
      "cross-origin-opener-policy": "same-origin",
      ...extra,
    };
    for (const [name, value] of Object.entries(expected)) {
      if (typeof value === "string") expect(headers[name], `${path} ${name}`).toBe(value);
      else expect(headers[name], `${path} ${name}`).toMatch(value);
    }
    // Plain HTTP here: no HSTS (a browser ignores it over HTTP anyway)…
    expect(headers["strict-transport-security"], path).toBeUndefined();
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
  // …behind a TLS-terminating proxy, HSTS and upgrade-insecure-requests.
  const behindTls = await page.request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(behindTls.headers()["strict-transport-security"]).toBe(
    "max-age=63072000; includeSubDomains",
  );
});

test("another site cannot frame the app", async ({ browser }) => {
  const page = await personPage(browser, USERS.requester);
  const origin = new URL(page.url()).origin;
  // A page of another origin (about:blank's opaque one) frames the app: the browser refuses to
  // show it (frame-ancestors 'none'), leaving its error page in the frame.
  await page.goto("about:blank");
  await page.setContent(`<iframe id="victim" src="${origin}/sign-in"></iframe>`);
  await expect
    .poll(
      () =>
        page
          .frames()
          .find((frame) => frame !== page.mainFrame())
          ?.url() ?? "",
    )
    .toMatch(/^chrome-error:/);
  for (const frame of page.frames()) expect(frame.url().startsWith(origin)).toBe(false);
});
