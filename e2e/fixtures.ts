import { test as base, expect, type Page } from "@playwright/test";
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

export const test = base;
export { expect };
