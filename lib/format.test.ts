import { describe, expect, it } from "vitest";
import { describeFields, formatCountdown, formatMoney, slaLevel } from "@/lib/format";

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
