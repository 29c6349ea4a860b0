/**
 * Bad input over HTTP against the production build: every server action (ids from the build's
 * manifest) and every route handler, fed generated bodies, queries and headers (fast-check, a
 * fixed number of cases with a seed printed on failure). Nothing may answer 5xx, an oversized
 * body gets 413, and no answer shows a stack trace. Next.js's own decoding of action bodies is
 * part of what is tested: the bodies are not what a browser would send.
 */
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { expect, signInAs, tag, test } from "./fixtures";
import { seedUser } from "./seed";

const CASES = Number(process.env.FUZZ_HTTP_CASES ?? 25);

/** Server action ids and a page that uses each, from the production build. */
function serverActions(): { id: string; page: string; name: string }[] {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, { exportedName?: string; workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    const page = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000");
    return { id, page: page || "/", name: entry.exportedName ?? id };
  });
}

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("\u0000", "\ud800", "null", "{", "[", "$@1", "$undefined", '"$T"', "-271821"),
);
const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.array(fc.oneof(fc.jsonValue(), anyText)).map((v) => JSON.stringify(v)),
  anyText,
  fc.constantFrom("null", "{not json", `${"[".repeat(10_000)}${"]".repeat(10_000)}`, ""),
  fc.nat({ max: 3_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
);
const contentType = fc.constantFrom(
  "text/plain;charset=UTF-8",
  "multipart/form-data; boundary=----x",
  "multipart/form-data",
  "application/x-www-form-urlencoded",
  "application/json",
  "text/x-component",
);

function noInternals(status: number, text: string, what: string) {
  expect(status, what).toBeLessThan(500);
  expect(text, what).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules|PrismaClient|DriverAdapterError/);
}

async function post(
  request: APIRequestContext,
  page: string,
  action: string,
  data: string,
  type: string,
) {
  const response = await request.post(page, {
    headers: { "next-action": action, "content-type": type, accept: "text/x-component" },
    data,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

test("server actions answer generated bodies without a 5xx", async ({ browser }) => {
  test.setTimeout(180_000);
  const email = `${tag("fuzz")}@example.com`;
  // No department: as a MANAGER it is nobody's approver, so no other spec's mail or inbox sees it.
  await seedUser(email, ["REQUESTER", "MANAGER", "ADMIN"], null);
  const page = await browser.newPage();
  await signInAs(page, email);
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(10);
  const cases = fc.sample(fc.tuple(body, contentType), { numRuns: CASES, seed: Date.now() });
  for (const action of actions) {
    for (const [data, type] of cases) {
      const { status, text } = await post(page.request, action.page, action.id, data, type);
      noInternals(status, text, `${action.name} ${type} ${JSON.stringify(data.slice(0, 80))}`);
    }
  }
  // An action id that does not exist, and one with garbage in the id.
  for (const id of ["0".repeat(42), "not-an-action", "$$"]) {
    const { status, text } = await post(page.request, "/", id, "[]", "text/plain;charset=UTF-8");
    noInternals(status, text, `action id ${JSON.stringify(id)}`);
  }
  // Over 1 MiB: 413 before anything reads it.
  const big = await page.request.post("/requests/new", {
    headers: { "next-action": actions[0]?.id ?? "", "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat(1_100_000),
  });
  expect(big.status()).toBe(413);
  expect(big.headers()["content-type"]).toBe("application/problem+json");
});

test("route handlers and pages answer generated input without a 5xx", async ({ browser }) => {
  test.setTimeout(120_000);
  const email = `${tag("fuzz")}@example.com`;
  await seedUser(email, ["REQUESTER", "MANAGER"], null);
  const page = await browser.newPage();
  await signInAs(page, email);
  const request = page.request;
  const query = fc.dictionary(
    fc.constantFrom("type", "limit", "cursor", "request", "x", "callbackUrl"),
    anyText,
    { maxKeys: 4 },
  );
  // A path segment: any text, or raw bytes percent-encoded (invalid UTF-8 included).
  const segment = fc.oneof(
    anyText.map((text) => encodeURIComponent(text.toWellFormed())),
    fc
      .uint8Array({ maxLength: 40 })
      .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")),
  );
  const samples = fc.sample(fc.tuple(query, segment), { numRuns: CASES * 2, seed: Date.now() });
  for (const [params, safeSegment] of samples) {
    const wellFormed = Object.fromEntries(
      Object.entries(params).map(([key, value]) => [key, value.toWellFormed()]),
    );
    const search = new URLSearchParams(wellFormed).toString();
    for (const url of [
      `/api/inbox?${search}`,
      `/api/health?${search}`,
      `/api/auth/session?${search}`,
      `/requests/${safeSegment}`,
      `/decide/${safeSegment}`,
      `/sign-in?${search}`,
      `/requests?${search}`,
      `/inbox?${search}`,
    ]) {
      const response = await request.get(url, { maxRedirects: 0 });
      noInternals(response.status(), await response.text(), url);
    }
    // The live stream answers its first event and stays open: only its status matters here.
    const live = await request.fetch(`/api/live?${search}`, { method: "HEAD", maxRedirects: 0 });
    expect(live.status(), `/api/live?${search}`).toBeLessThan(500);
  }
  for (const data of fc.sample(body, { numRuns: CASES, seed: Date.now() })) {
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data,
      maxRedirects: 0,
    });
    noInternals(response.status(), await response.text(), `credentials ${data.slice(0, 60)}`);
  }
});
