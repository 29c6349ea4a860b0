import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/inbox", "/inbox"],
    ["/requests?status=DRAFT", "/requests?status=DRAFT"],
    ["http://localhost:3000/inbox?x=1", "/inbox?x=1"],
    ["/requests/./abc", "/requests/abc"],
    ["/inbox#top", "/inbox#top"],
    ["/%09/evil.example", "/%09/evil.example"], // an encoded tab stays an encoded path segment
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  /**
   * Known open-redirect payloads (after the query string's own decoding), from the probe and the
   * usual lists: protocol-relative, backslashes, control characters browsers strip, schemes,
   * encoded separators, Unicode line separators.
   */
  const payloads = [
    "//evil.example/phish",
    "///evil.example",
    "////evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example/x",
    "/\t\\evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\nLocation: https://evil.example",
    "/\u0000//evil.example",
    "/ /evil.example".replace(" ", "\u000b"),
    "/\u2028/evil.example",
    "\t//evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "http:evil.example",
    "https:/evil.example",
    "/..//evil.example",
    "/.//evil.example",
    "/%2e%2e//evil.example",
    "/sign-in?callbackUrl=/x",
    "/sign-in/../sign-in",
    "/api/auth/signout",
    "/x/../api/auth/signout",
    "",
    "a".repeat(5_000),
  ];
  it.each(payloads.map((p) => [JSON.stringify(p).slice(0, 60), p]))(
    "refuses %s (or keeps only a same-site path)",
    (_, input) => {
      const result = safeCallbackPath(input);
      // Whatever comes out is a same-site path a browser cannot read as another host.
      expect(result.startsWith("/")).toBe(true);
      expect(result.startsWith("//")).toBe(false);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: checking none got through
      expect(result).not.toMatch(/[\u0000-\u001f\\]/);
      expect(new URL(result, "https://flowgate.example").host).toBe("flowgate.example");
      expect(result).not.toMatch(/^\/(sign-in|api\/)/);
    },
  );

  it.each([
    ["https://evil.example/phish", "/phish"], // only the path survives
    ["//evil.example/phish", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example/x", "/"],
    ["javascript:alert(1)", "/"],
    [undefined, "/"],
    [42, "/"],
    ["/..//evil.example", "/"],
  ])("refuses %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
