/**
 * Leave durations and dates. In order of trust: an explicit count of days ("(30 days)",
 * "four days", "0.5 days"); weeks or months converted to days ("3 weeks" = 21); a date range
 * counted inclusively (chrono-node: "from 2026-08-03 to 2026-08-14" = 12); a half day. Dates
 * (start, end) come from chrono-node relative to `now`.
 */
import * as chrono from "chrono-node";
import type { Evidence } from "../schema";
import { numbersIn, wordAfter } from "./numbers";
import { span } from "./text";

const UNIT_DAYS: Readonly<Record<string, number>> = {
  day: 1,
  days: 1,
  week: 7,
  weeks: 7,
  month: 30,
  months: 30,
};
const HALF_DAY = /\bhalf[\s-]day\b/iu;
const DAY_MS = 86_400_000;

export interface DurationFinding {
  days?: { value: number; evidence: Evidence };
  startDate?: { value: string; evidence: Evidence };
  endDate?: { value: string; evidence: Evidence };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function findDuration(text: string, now: Date): DurationFinding {
  const finding: DurationFinding = {};
  const explicit: { value: number; evidence: Evidence; unit: number }[] = [];
  for (const n of numbersIn(text)) {
    let next = wordAfter(text, n.end);
    // "2 working days", "5 business days"
    if (next && /^(working|business|calendar|full)$/i.test(next.word))
      next = wordAfter(text, next.end);
    const unit = next ? UNIT_DAYS[next.word.toLowerCase()] : undefined;
    if (next && unit && n.value > 0)
      explicit.push({ value: n.value * unit, evidence: span(text, n.start, next.end), unit });
  }
  const days = explicit.find((d) => d.unit === 1) ?? explicit[0];
  if (days) finding.days = { value: days.value, evidence: days.evidence };

  const dates = chrono.parse(text, now, { forwardDate: true });
  const range = dates.find((d) => d.end);
  const single = dates[0];
  const chosen = range ?? single;
  if (chosen) {
    const evidence = span(text, chosen.index, chosen.index + chosen.text.length);
    finding.startDate = { value: isoDate(chosen.start.date()), evidence };
    finding.endDate = { value: isoDate((chosen.end ?? chosen.start).date()), evidence };
    if (!finding.days && range?.end) {
      const count =
        Math.round((range.end.date().getTime() - range.start.date().getTime()) / DAY_MS) + 1;
      if (count > 0) finding.days = { value: count, evidence };
    }
  }
  if (!finding.days) {
    const half = HALF_DAY.exec(text);
    if (half)
      finding.days = { value: 0.5, evidence: span(text, half.index, half.index + half[0].length) };
  }
  return finding;
}
