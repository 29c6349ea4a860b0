import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueToken, parseToken, secretMatches, tokenHint } from "./tokens";

describe("API tokens", () => {
  it("round-trips the id and proves the secret against its stored hash", () => {
    const id = randomUUID();
    const issued = issueToken(id);
    expect(issued.token).toMatch(/^fgt_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseToken(issued.token);
    expect(parsed?.id).toBe(id);
    expect(secretMatches(parsed?.secret ?? "", issued.secretHash)).toBe(true);
    expect(issued.token).not.toContain(issued.secretHash.toString("base64url"));
  });

  it("refuses another secret, a malformed token and a hash of the wrong length", () => {
    const issued = issueToken(randomUUID());
    const other = issueToken(randomUUID());
    const parsed = parseToken(issued.token);
    const otherSecret = parseToken(other.token)?.secret ?? "";
    expect(secretMatches(otherSecret, issued.secretHash)).toBe(false);
    expect(secretMatches(parsed?.secret ?? "", new Uint8Array(8))).toBe(false);
    for (const bad of ["", "fgt_", `${issued.token}x`, issued.token.replace("fgt_", "ghp_")]) {
      expect(parseToken(bad)).toBeNull();
    }
  });

  it("names a token by its id's first digits only", () => {
    const id = randomUUID();
    expect(tokenHint(id)).toBe(`fgt_${id.replaceAll("-", "").slice(0, 8)}…`);
  });
});
