import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { apiRoute, requestIdOf } from "./route";

describe("requestIdOf", () => {
  it("keeps a sane incoming X-Request-Id and replaces anything else", () => {
    const given = new Request("http://x/", { headers: { "x-request-id": "abc-12345678" } });
    expect(requestIdOf(given)).toBe("abc-12345678");
    const hostile = new Request("http://x/", {
      headers: { "x-request-id": "<script>alert(1)</script>" },
    });
    expect(requestIdOf(hostile)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("apiRoute (public)", () => {
  it("passes the response through with the request id", async () => {
    const route = apiRoute({ public: true }, async () => Response.json({ ok: true }));
    const response = await route(new Request("http://x/"));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("turns domain errors into problem+json", async () => {
    const route = apiRoute({ public: true }, async () => {
      throw new AppError("VALIDATION_FAILED", "Bad amount.", [
        { field: "amount", message: "Must be positive." },
      ]);
    });
    const response = await route(new Request("http://x/"));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: [{ field: "amount" }] });
  });

  it("hides unexpected errors behind a generic 500", async () => {
    const route = apiRoute({ public: true }, async () => {
      throw new TypeError("secret internals");
    });
    const response = await route(
      new Request("http://x/", { headers: { "x-request-id": "trace-12345678" } }),
    );
    const body = await response.json();
    expect(response.status).toBe(500);
    expect(body.detail).not.toContain("secret");
    expect(body.requestId).toBe("trace-12345678");
  });
});
