/**
 * Signs each person the specs act as in once, through the real sign-in form, and stores the
 * session for personPage (e2e/fixtures.ts). Runs before every spec (the "setup" project).
 */
import { test as setup } from "@playwright/test";
import { authFile, PEOPLE, signInAs } from "./fixtures";

for (const email of PEOPLE) {
  setup(`sign in as ${email}`, async ({ page }) => {
    await signInAs(page, email);
    await page.context().storageState({ path: authFile(email) });
  });
}
