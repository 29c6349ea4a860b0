import { describe, expect, it } from "vitest";
import { throttledMessage } from "./state";

describe("throttledMessage", () => {
  it("says seconds under a minute, else rounds up to whole minutes", () => {
    expect(throttledMessage(1)).toBe("Too many failed sign-in attempts. Try again in 1 second.");
    expect(throttledMessage(30)).toBe("Too many failed sign-in attempts. Try again in 30 seconds.");
    expect(throttledMessage(60)).toBe("Too many failed sign-in attempts. Try again in 1 minute.");
    expect(throttledMessage(61)).toBe("Too many failed sign-in attempts. Try again in 2 minutes.");
    expect(throttledMessage(900)).toContain("15 minutes");
  });
});
