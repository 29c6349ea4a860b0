import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the right-most X-Forwarded-For entry (the one the nearest proxy added)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe(
      "10.0.0.1",
    );
    expect(clientAddress(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
  });

  it("says unknown when there is no address", () => {
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": " , " }))).toBe("unknown");
  });
});
