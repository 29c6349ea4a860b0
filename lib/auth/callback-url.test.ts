import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/inbox", "/inbox"],
    ["/requests?status=DRAFT", "/requests?status=DRAFT"],
    ["http://localhost:3000/inbox?x=1", "/inbox?x=1"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    ["https://evil.example/phish", "/phish"], // only the path survives
    ["//evil.example/phish", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [undefined, "/"],
    [42, "/"],
    ["/sign-in?callbackUrl=/x", "/"],
    ["/api/auth/signout", "/"],
  ])("refuses %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
