import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
} from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/demo-data";

export const USERS = {
  requester: "requester@example.com",
  managerEng: "manager.eng@example.com",
  finance: "finance@example.com",
  admin: "admin@example.com",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits for the signed-in shell. */
export async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function mainNavLinks(page: Page): Promise<string[]> {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link").allInnerTexts();
}

/**
 * Content-Security-Policy violations of every page a test watched (its `page`, and every
 * `personPage`), seen from before the page's first script: the browser's console reports and the
 * `securitypolicyviolation` events. Every test ends by asserting there were none.
 */
const cspWatches: (() => Promise<string[]>)[] = [];

export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const violations = async () => [
    ...reported,
    ...(page.isClosed()
      ? []
      : await page
          .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
          .catch(() => [])),
  ];
  cspWatches.push(violations);
  return violations;
}

/**
 * Hydration failures of every page a test watched: the browser's HTML and React's first render
 * disagreed, so React threw the server's HTML away and rendered the page again (losing what the
 * person had typed, and costing a second render). Production React reports them as uncaught
 * errors with minified codes: #418 (content differs), #423 (recovered by rendering on the client),
 * #425 (text differs). Every test ends by asserting there were none.
 */
const hydrationFailures: string[] = [];
const HYDRATION_ERROR = /Minified React error #(418|423|425)\b|Hydration failed/;

function watchHydration(page: Page): void {
  page.on("pageerror", (error) => {
    if (HYDRATION_ERROR.test(error.message)) {
      hydrationFailures.push(`${page.url()}: ${error.message}`);
    }
  });
}

/** Every watch a test's pages get (the `page` fixture's, and each `personPage`). */
async function watchPage(page: Page): Promise<void> {
  await watchCsp(page);
  watchHydration(page);
}

export const test = base.extend<{ testEnd: undefined }>({
  page: async ({ page }, use) => {
    await watchPage(page);
    await use(page);
  },
  /**
   * After each test: no CSP violation and no failed hydration on any page it watched; then every
   * browser context the test opened itself (personPage, browser.newPage) is closed. The browser lives as long as the worker,
   * and Playwright closes only the contexts of its own fixtures: left open, each person's pages
   * went on polling, counting down and refreshing on live updates for the rest of the run — forty
   * and more by the end, which made every test four to seven times slower than alone.
   */
  testEnd: [
    async ({ browser }, use) => {
      cspWatches.length = 0;
      hydrationFailures.length = 0;
      const before = new Set(browser.contexts());
      await use(undefined);
      try {
        const found = (await Promise.all(cspWatches.map((watch) => watch()))).flat();
        expect(found, "Content-Security-Policy violations").toEqual([]);
        expect(
          [...hydrationFailures],
          "pages React had to render again (hydration failed)",
        ).toEqual([]);
      } finally {
        const opened = browser.contexts().filter((context) => !before.has(context));
        await Promise.all(opened.map((context) => context.close()));
      }
    },
    { auto: true },
  ],
});
export { expect };

export const MORE_USERS = {
  managerOps: "manager.ops@example.com",
  director: "director@example.com",
  auditor: "auditor@example.com",
} as const;

/** A unique tag for this test's requests, so parallel specs never see each other's items. */
export function tag(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** Everyone a spec acts as, each signed in once per run by e2e/auth.setup.ts. */
export const PEOPLE = [...Object.values(USERS), ...Object.values(MORE_USERS)];

/** Where the setup keeps `email`'s signed-in browser state (cookies). */
export function authFile(email: string): string {
  return path.join("e2e", ".artifacts", "auth", `${email}.json`);
}

/**
 * A new page of `email`'s own (one browser context per person), already signed in: the context
 * starts from the session the setup project stored, so a spec pays for a page load, not for a
 * whole sign-in. Specs about signing in use signIn / signInAs instead. The context is closed when
 * the test ends (the `testEnd` fixture).
 */
export async function personPage(
  browser: Browser,
  email: (typeof PEOPLE)[number],
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ ...options, storageState: authFile(email) });
  const page = await context.newPage();
  await watchPage(page);
  await page.goto("/");
  // Attached rather than visible: on a phone it sits in the folded menu.
  await expect(page.getByRole("button", { name: "Sign out", includeHidden: true })).toBeAttached();
  return page;
}

/**
 * The page's serious and critical axe-core violations (none is the bar for every page).
 *
 * In axe-core/playwright's legacy mode: one `axe.run` in the page. Its default runs axe in each
 * frame and then again in a fresh blank page to combine the frames' results, which doubled the
 * cost of a check (3 s instead of 1.5 s on a loaded two-core machine) for frames our pages do
 * not have; a page that embeds a cross-origin frame one day would need the default back.
 */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).setLegacyMode().analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}
