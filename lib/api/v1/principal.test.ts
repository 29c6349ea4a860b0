import { describe, expect, it } from "vitest";
import { sameOrigin } from "./principal";

const call = (headers: Record<string, string>) =>
  new Request("http://flowgate.test/api/v1/requests", { method: "POST", headers });

describe("a state-changing call with the session cookie", () => {
  it("is taken from our own pages, as the browser says", () => {
    expect(sameOrigin(call({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(
      sameOrigin(call({ origin: "https://flowgate.example.com", host: "flowgate.example.com" })),
    ).toBe(true);
    expect(
      sameOrigin(
        call({
          origin: "https://flowgate.example.com",
          host: "10.0.0.5:3000",
          "x-forwarded-host": "flowgate.example.com",
        }),
      ),
    ).toBe(true);
  });

  it("is refused from another site, or when the browser says nothing", () => {
    expect(sameOrigin(call({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(sameOrigin(call({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(sameOrigin(call({ origin: "https://evil.example", host: "flowgate.example.com" }))).toBe(
      false,
    );
    expect(sameOrigin(call({ origin: "null", host: "flowgate.example.com" }))).toBe(false);
    expect(sameOrigin(call({ host: "flowgate.example.com" }))).toBe(false);
  });
});
