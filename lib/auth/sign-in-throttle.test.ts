import { describe, expect, it } from "vitest";
import { accountGapSeconds, MAX_ACCOUNT_GAP_SECONDS } from "./sign-in-throttle";

describe("accountGapSeconds", () => {
  it("is nothing up to the limit, then 1, 2, 4 … seconds, at most a minute", () => {
    expect(
      [8, 10, 11, 12, 13, 14, 16, 17, 100, 2 ** 31].map((n) => accountGapSeconds(n, 10)),
    ).toEqual([0, 0, 1, 2, 4, 8, 32, 60, 60, 60]);
    expect(MAX_ACCOUNT_GAP_SECONDS).toBe(60);
  });
});
