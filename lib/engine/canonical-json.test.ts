import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import type { JsonValue } from "./lifecycle";

describe("canonicalJson (RFC 8785)", () => {
  it("encodes exactly as the canonicalize package, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value as JsonValue)).toBe(canonicalize(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it("also for unicode keys and strings, and numbers at the edges", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ unit: "grapheme" }),
          fc.oneof(
            fc.string({ unit: "grapheme" }),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.integer(),
          ),
        ),
        (value) => {
          expect(canonicalJson(value)).toBe(canonicalize(value));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("follows the RFC's examples: sorted keys, shortest numbers, no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [1e21, 1.5, -0, "x"], "€": null, "\u00e9": true })).toBe(
      '{"a":[1e+21,1.5,0,"x"],"b":1,"é":true,"€":null}',
    );
  });

  it("refuses what JSON cannot carry", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson("\ud800")).toThrow();
  });
});
