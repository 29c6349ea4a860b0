import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { problemFor, problemResponse } from "./problem";

describe("problemFor", () => {
  it("maps a domain error to its status, code and message", () => {
    const problem = problemFor(
      new AppError("VERSION_CONFLICT", "Someone else decided first."),
      "req-12345678",
    );
    expect(problem).toMatchObject({
      status: 409,
      code: "VERSION_CONFLICT",
      detail: "Someone else decided first.",
      requestId: "req-12345678",
    });
  });

  it("names each invalid field of a zod error", () => {
    const schema = z.object({ amount: z.number().positive(), currency: z.string().length(3) });
    const parsed = schema.safeParse({ amount: -1, currency: "EURO" });
    if (parsed.success) throw new Error("expected invalid input");
    const problem = problemFor(parsed.error, "req-12345678");
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(["amount", "currency"]);
  });

  it("never leaks the message of an unexpected error", () => {
    const problem = problemFor(
      new Error("password authentication failed for user flowgate"),
      "req-abcdefgh",
    );
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain("password");
    expect(problem.detail).toContain("req-abcdefgh");
  });

  it("answers with application/problem+json and the request id header", async () => {
    const response = problemResponse(
      problemFor(new AppError("NOT_FOUND", "No such request."), "req-12345678"),
    );
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("x-request-id")).toBe("req-12345678");
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
  });
});
