import { describe, expect, it } from "vitest";
import { EnvSchema } from "./env";

const base = { DATABASE_URL: "postgresql://flowgate@localhost:5432/flowgate" };

function refusal(variables: Record<string, string>) {
  const result = EnvSchema.safeParse({ ...base, ...variables });
  return result.success ? null : result.error.issues.map((issue) => issue.path.join("."));
}

describe("the sign-in throttle's settings", () => {
  it("take the documented defaults", () => {
    expect(EnvSchema.parse(base)).toMatchObject({
      SIGNIN_MAX_FAILURES_PER_IP: 20,
      SIGNIN_MAX_FAILURES_PER_ACCOUNT: 10,
      SIGNIN_BLOCK_MINUTES: 15,
    });
  });

  it("accept the largest values, whose counters stay far inside a 32-bit integer", () => {
    expect(
      refusal({
        SIGNIN_MAX_FAILURES_PER_IP: "1000000",
        SIGNIN_MAX_FAILURES_PER_ACCOUNT: "1000000",
        SIGNIN_BLOCK_MINUTES: "10080",
      }),
    ).toBeNull();
  });

  it("refuse values past their bounds, naming the variable", () => {
    expect(refusal({ SIGNIN_BLOCK_MINUTES: "10081" })).toEqual(["SIGNIN_BLOCK_MINUTES"]);
    expect(refusal({ SIGNIN_MAX_FAILURES_PER_IP: "3000000000" })).toEqual([
      "SIGNIN_MAX_FAILURES_PER_IP",
    ]);
    expect(refusal({ SIGNIN_MAX_FAILURES_PER_ACCOUNT: "0" })).toEqual([
      "SIGNIN_MAX_FAILURES_PER_ACCOUNT",
    ]);
    expect(refusal({ DATABASE_POOL_SIZE: "201" })).toEqual(["DATABASE_POOL_SIZE"]);
  });
});
