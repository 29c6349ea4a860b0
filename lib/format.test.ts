import { describe, expect, it } from "vitest";
import {
  describeFields,
  formatCountdown,
  formatExact,
  formatMoney,
  formatRelative,
  isTimeZone,
  slaLevel,
} from "@/lib/format";

const now = new Date("2026-11-22T12:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe("slaLevel", () => {
  it("is ok with more than a quarter left, amber below, red once overdue", () => {
    expect(slaLevel(hours(-10), hours(30), now)).toBe("ok");
    expect(slaLevel(hours(-30), hours(9), now)).toBe("soon");
    expect(slaLevel(hours(-30), hours(0), now)).toBe("late");
    expect(slaLevel(hours(-30), hours(-1), now)).toBe("late");
  });
});

describe("formatCountdown", () => {
  it("counts down and then up", () => {
    expect(formatCountdown(hours(3.5), now)).toBe("due in 3 h 30 min");
    expect(formatCountdown(hours(50), now)).toBe("due in 2 d 2 h");
    expect(formatCountdown(hours(-0.25), now)).toBe("overdue by 15 min");
  });
});

describe("describeFields", () => {
  it("reads amounts, days and severity as people write them", () => {
    expect(formatMoney(14_280, "EUR")).toBe("€14,280.00");
    expect(describeFields({ amount: 14_280, currency: "EUR" })).toEqual(["€14,280.00"]);
    expect(describeFields({ days: 2, startDate: "2026-12-01", endDate: "2026-12-02" })).toEqual([
      "2 days (2026-12-01 → 2026-12-02)",
    ]);
    expect(describeFields({ severity: 4 })).toEqual(["severity 4"]);
  });
});

describe("times people read", () => {
  const now = new Date("2026-12-01T10:00:00.000Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it("says how long ago or until, in words", () => {
    expect(formatRelative(ago(10_000), now)).toBe("just now");
    expect(formatRelative(ago(5 * 60_000), now)).toBe("5 minutes ago");
    expect(formatRelative(ago(3 * 3_600_000), now)).toBe("3 hours ago");
    expect(formatRelative(ago(26 * 3_600_000), now)).toBe("yesterday");
    expect(formatRelative(new Date(now.getTime() + 2 * 3_600_000), now)).toBe("in 2 hours");
    expect(formatRelative(ago(400 * 86_400_000), now)).toBe("last year");
  });

  it("gives the exact time in the reader's zone, UTC without one or with a bad one", () => {
    expect(formatExact(now, "Europe/Berlin")).toBe("Tue, 1 Dec 2026, 11:00 CET");
    expect(formatExact(now, "Asia/Tokyo")).toBe("Tue, 1 Dec 2026, 19:00 GMT+9");
    expect(formatExact(now, null)).toBe("Tue, 1 Dec 2026, 10:00 UTC");
    expect(formatExact(now, "Mars/Olympus")).toBe("Tue, 1 Dec 2026, 10:00 UTC");
    expect(formatExact("2026-07-01T10:00:00.000Z", "Europe/Berlin")).toBe(
      "Wed, 1 Jul 2026, 12:00 CEST",
    );
  });

  it("knows the runtime's zones and nothing else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("A".repeat(65))).toBe(false);
  });

  it("answers the same from its kept formatters, also past their limit and for bad keys", () => {
    // Formatters are kept per zone and currency (at most 500 keys): more keys than that, unknown
    // ones among them, still get the right answer, and the kept ones keep giving it.
    for (let i = 0; i < 600; i++) {
      expect(isTimeZone(`Nowhere/Zone${i}`)).toBe(false);
      expect(formatExact(now, `Nowhere/Zone${i}`)).toBe("Tue, 1 Dec 2026, 10:00 UTC");
      expect(formatMoney(5, `X${i}`)).toBe(`X${i} 5`);
    }
    expect(isTimeZone("Pacific/Auckland")).toBe(true);
    expect(formatExact(now, "Pacific/Auckland")).toBe("Tue, 1 Dec 2026, 23:00 GMT+13");
    expect(formatExact(now, "Europe/Berlin")).toBe("Tue, 1 Dec 2026, 11:00 CET");
    expect(formatMoney(14_280, "EUR")).toBe("€14,280.00");
    expect(formatMoney(14_280, "EUR")).toBe("€14,280.00");
    expect(formatMoney(12.5, "JPY")).toBe("¥13");
    expect(formatMoney(1_000, undefined)).toBe("1,000");
  });
});
