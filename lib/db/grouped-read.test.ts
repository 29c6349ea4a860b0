import type pg from "pg";
import { describe, expect, it } from "vitest";
import { groupedRead } from "./grouped-read";

/** A reader whose statements the test answers by hand, recording the keys of each. */
function controlled() {
  const statements: { keys: number[]; answer: (values: string[]) => void; fail: () => void }[] = [];
  const read = groupedRead(
    (_pool, keys: number[]) =>
      new Promise<string[]>((resolve, reject) => {
        statements.push({ keys, answer: resolve, fail: () => reject(new Error("down")) });
      }),
  );
  return { read, statements };
}

const poolA = {} as pg.Pool;
const poolB = {} as pg.Pool;
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("groupedRead", () => {
  it("reads at once when idle, and groups what arrives while a read is in flight", async () => {
    const { read, statements } = controlled();
    const first = read(poolA, 1);
    expect(statements.map((s) => s.keys)).toEqual([[1]]);
    const later = [read(poolA, 2), read(poolA, 3), read(poolA, 4)];
    expect(statements).toHaveLength(1); // they wait for the read in flight
    statements[0]?.answer(["one"]);
    expect(await first).toBe("one");
    await settle();
    expect(statements.map((s) => s.keys)).toEqual([[1], [2, 3, 4]]);
    statements[1]?.answer(["two", "three", "four"]);
    expect(await Promise.all(later)).toEqual(["two", "three", "four"]);
    // Idle again: the next read goes alone, at once.
    void read(poolA, 5);
    expect(statements.map((s) => s.keys)).toEqual([[1], [2, 3, 4], [5]]);
  });

  it("keeps pools apart, and fails only the group whose statement failed", async () => {
    const { read, statements } = controlled();
    const a = read(poolA, 1);
    const b = read(poolB, 2);
    expect(statements.map((s) => s.keys)).toEqual([[1], [2]]);
    const waiting = read(poolA, 3);
    statements[0]?.fail();
    await expect(a).rejects.toThrow("down");
    await settle();
    statements[2]?.answer(["three"]);
    expect(await waiting).toBe("three");
    statements[1]?.answer(["two"]);
    expect(await b).toBe("two");
  });

  it("sends at most 64 keys in one statement", async () => {
    const { read, statements } = controlled();
    void read(poolA, 0);
    const rest = Array.from({ length: 100 }, (_, i) => read(poolA, i + 1));
    statements[0]?.answer(["0"]);
    await settle();
    expect(statements[1]?.keys).toHaveLength(64);
    statements[1]?.answer(statements[1].keys.map(String));
    await settle();
    expect(statements[2]?.keys).toEqual(Array.from({ length: 36 }, (_, i) => i + 65));
    statements[2]?.answer(statements[2].keys.map(String));
    expect(await Promise.all(rest)).toEqual(rest.map((_, i) => String(i + 1)));
  });
});
