import { describe, expect, it } from "vitest";
import { throttledMessage } from "./state";

describe("throttledMessage", () => {
  it("rounds the wait up to whole minutes", () => {
    expect(throttledMessage(30)).toBe("Too many failed sign-in attempts. Try again in 1 minute.");
    expect(throttledMessage(61)).toBe("Too many failed sign-in attempts. Try again in 2 minutes.");
    expect(throttledMessage(900)).toContain("15 minutes");
  });
});
