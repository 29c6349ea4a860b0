/**
 * Binary array parameters (lib/db/binary-array.ts) read back by real PostgreSQL exactly as sent:
 * every element, NULLs, non-ASCII text and timestamps at millisecond precision.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { int4Array, textArray, timestamptzArray, uuidArray } from "@/lib/db/binary-array";
import { setupEmptyDatabase } from "./database";

const ctx = setupEmptyDatabase();

async function roundTrip(sql: string, parameter: Buffer): Promise<unknown[]> {
  const { rows } = await ctx.client.query<{ value: unknown }>(sql, [parameter]);
  return rows.map((row) => row.value);
}

describe("binary array parameters", () => {
  it("uuid[]: every element and NULLs, in order", async () => {
    const values = [randomUUID(), null, randomUUID().toUpperCase(), randomUUID()];
    expect(await roundTrip("SELECT unnest($1::uuid[])::text AS value", uuidArray(values))).toEqual(
      values.map((v) => v?.toLowerCase() ?? null),
    );
  });

  it("int4[], text[] and timestamptz[], for any values", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: null })),
        fc.array(
          fc.option(
            fc.string({ unit: "grapheme" }).map((s) => s.replaceAll("\0", "")),
            { nil: null },
          ),
        ),
        fc.array(
          fc.option(
            fc.date({
              min: new Date("1900-01-01Z"),
              max: new Date("2200-01-01Z"),
              noInvalidDate: true,
            }),
            { nil: null },
          ),
        ),
        async (ints, texts, dates) => {
          expect(await roundTrip("SELECT unnest($1::int[]) AS value", int4Array(ints))).toEqual(
            ints,
          );
          expect(await roundTrip("SELECT unnest($1::text[]) AS value", textArray(texts))).toEqual(
            texts,
          );
          const read = await roundTrip(
            "SELECT unnest($1::timestamptz[]) AS value",
            timestamptzArray(dates),
          );
          expect(read.map((d) => (d as Date | null)?.getTime() ?? null)).toEqual(
            dates.map((d) => d?.getTime() ?? null),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("an empty array is an empty array", async () => {
    expect(await roundTrip("SELECT cardinality($1::uuid[]) AS value", uuidArray([]))).toEqual([0]);
  });

  it("refuses what is not of the element type, before anything is sent", () => {
    expect(() => uuidArray(["not-a-uuid"])).toThrow(/not a uuid/);
    expect(() => uuidArray(["0b6f1d52-5f0e-4c43-9d53-2a8d7e6f4a1z"])).toThrow(/not a uuid/);
    expect(() => int4Array([1.5])).toThrow();
    expect(() => int4Array([2 ** 31])).toThrow();
    expect(() => timestamptzArray([new Date(Number.NaN)])).toThrow(/valid date/);
  });
});
