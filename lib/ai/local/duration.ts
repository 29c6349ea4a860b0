/**
 * Leave durations and dates.
 *
 * Days, in order of trust: an explicit count ("(30 days)", "four days", "0.5 days"); weeks or
 * months converted to days ("3 weeks" = 21); a date range counted inclusively; one date with
 * nothing else ("Day off on 3 December") is one day; a half day.
 *
 * Dates come from chrono-node relative to `now` in the requester's time zone, and are taken from
 * what was written (year, month, day), never through UTC, so "3 December" is the 3rd wherever the
 * server runs. Two forms chrono reads wrongly are read first: a range of days within one month
 * ("14 to 18 July", "December 3 and 4", "Dec 3–4"), and a count of days, which chrono would take
 * for "that many days from now".
 *
 * A count and a range that disagree (neither the range's calendar days nor its working days) are
 * reported, so the suggestion is confirmed rather than trusted.
 */
import * as chrono from "chrono-node";
import type { Evidence } from "../schema";
import { numbersIn, wordAfter } from "./numbers";
import { span } from "./text";
import { insideInstruction } from "./warnings";

const UNIT_DAYS: Readonly<Record<string, number>> = {
  day: 1,
  days: 1,
  week: 7,
  weeks: 7,
  month: 30,
  months: 30,
};
const HALF_DAY = /\bhalf[\s-](?:a[\s-])?day\b/iu;
/** "a week off", "one month of leave", "a fortnight": a count written as a word. */
const ONE_UNIT = /(?<!\bhalf[\s-])\b(?:a|one)\s+(day|week|fortnight|month)\b/giu;
const ONE_DAY = /\b(?:a|one|the|single)\s+day\b|\bday\s+off\b/iu;

const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const JOIN = "\\s*(?:-|–|—|to|until|till|through|thru|and|&)\\s*";
/** "14 to 18 July", "3 and 4 December" */
const DAYS_THEN_MONTH = new RegExp(
  `\\b${DAY}${JOIN}${DAY}\\s+(?:of\\s+)?${MONTH}(?![\\p{L}])`,
  "giu",
);
/** "July 14 to 18", "December 3 and 4", "Dec 3–4" */
const MONTH_THEN_DAYS = new RegExp(`\\b${MONTH}\\s+${DAY}${JOIN}${DAY}(?![\\d\\p{L}])`, "giu");

export interface DurationFinding {
  days?: { value: number; evidence: Evidence };
  startDate?: { value: string; evidence: Evidence };
  endDate?: { value: string; evidence: Evidence };
  /** What disagrees (a count of days against the dates), for the requester and approvers. */
  warnings: string[];
  /** Every number of days the text states or its dates span (the routing check reads them all). */
  mentioned: { value: number; evidence: Evidence }[];
}

interface DateRead {
  start: string;
  end: string;
  evidence: Evidence;
  range: boolean;
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoOf = (c: chrono.ParsedComponents) =>
  `${c.get("year")}-${pad(c.get("month") ?? 1)}-${pad(c.get("day") ?? 1)}`;

/** Minutes east of UTC of `timeZone` at `now` (chrono's reference takes an offset). */
function offsetMinutes(timeZone: string, now: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((local - now.getTime()) / 60_000);
}

export function findDuration(text: string, now: Date, timeZone = "UTC"): DurationFinding {
  const finding: DurationFinding = { warnings: [], mentioned: [] };
  const reference = { instant: now, timezone: offsetMinutes(timeZone, now) };

  const explicit: { value: number; evidence: Evidence; unit: number }[] = [];
  for (const n of numbersIn(text)) {
    if (insideInstruction(text, n.start, n.end)) continue;
    let next = wordAfter(text, n.end);
    // "2 working days", "5 business days"
    if (next && /^(working|business|calendar|full)$/i.test(next.word))
      next = wordAfter(text, next.end);
    const unit = next ? UNIT_DAYS[next.word.toLowerCase()] : undefined;
    if (next && unit && n.value > 0)
      explicit.push({ value: n.value * unit, evidence: span(text, n.start, next.end), unit });
  }
  for (const match of text.matchAll(ONE_UNIT)) {
    const unit = (match[1] as string).toLowerCase();
    if (insideInstruction(text, match.index, match.index + match[0].length)) continue;
    const days = unit === "fortnight" ? 14 : (UNIT_DAYS[unit] ?? 1);
    const evidence = span(text, match.index, match.index + match[0].length);
    explicit.push({ value: days, evidence, unit: unit === "day" ? 1 : days });
  }
  finding.mentioned.push(...explicit.map(({ value, evidence }) => ({ value, evidence })));
  const counted = explicit.find((d) => d.unit === 1) ?? explicit[0];
  if (counted) finding.days = { value: counted.value, evidence: counted.evidence };

  if (!finding.days) {
    const half = HALF_DAY.exec(text);
    if (half)
      finding.days = { value: 0.5, evidence: span(text, half.index, half.index + half[0].length) };
  }

  const date = findDates(text, reference, explicit);
  if (date) {
    finding.startDate = { value: date.start, evidence: date.evidence };
    finding.endDate = { value: date.end, evidence: date.evidence };
    const calendarDays = daysBetween(date.start, date.end) + 1;
    const plausible = calendarDays > 0 && calendarDays <= 366;
    if (plausible && date.range)
      finding.mentioned.push({ value: calendarDays, evidence: date.evidence });
    if (!finding.days && (date.range || ONE_DAY.test(text) || /^on\b/iu.test(date.evidence.text))) {
      if (plausible) finding.days = { value: calendarDays, evidence: date.evidence };
    } else if (finding.days && date.range && plausible) {
      const working = workingDays(date.start, date.end);
      const stated = finding.days.value;
      if (stated !== calendarDays && stated !== working) {
        finding.warnings.push(
          `The dates ${date.start} to ${date.end} span ${calendarDays} calendar days (${working} working days), but the text says ${stated} days; check both.`,
        );
      }
    }
  }
  return finding;
}

function findDates(
  text: string,
  reference: { instant: Date; timezone: number },
  counts: { evidence: Evidence }[],
): DateRead | null {
  // Day ranges within a month, which chrono misreads (as times, or as one date).
  for (const pattern of [DAYS_THEN_MONTH, MONTH_THEN_DAYS]) {
    for (const match of text.matchAll(pattern)) {
      const monthFirst = pattern === MONTH_THEN_DAYS;
      const month = (monthFirst ? match[1] : match[3]) as string;
      const from = Number(monthFirst ? match[2] : match[1]);
      const to = Number(monthFirst ? match[3] : match[2]);
      if (!(from >= 1 && to > from && to <= 31)) continue;
      const start = chrono.parse(`${from} ${month}`, reference, { forwardDate: true })[0]?.start;
      if (!start?.isCertain("day")) continue;
      const end = chrono.parse(`${to} ${month} ${start.get("year")}`, reference)[0]?.start;
      if (!end) continue;
      const evidence = span(text, match.index, match.index + match[0].trimEnd().length);
      return { start: isoOf(start), end: isoOf(end), evidence, range: true };
    }
  }
  // Everything else through chrono, with counts of days hidden from it ("2 days" is a duration
  // here, not the day after tomorrow); offsets stay as they were.
  let masked = text;
  for (const count of counts) {
    const { start, end } = count.evidence;
    masked = masked.slice(0, start) + " ".repeat(end - start) + masked.slice(end);
  }
  const results = chrono
    .parse(masked, reference, { forwardDate: true })
    .filter(
      (r) => r.start.isCertain("day") && !insideInstruction(text, r.index, r.index + r.text.length),
    );
  const chosen = results.find((r) => r.end) ?? results[0];
  if (!chosen) return null;
  const written = chosen.text.replace(/[\s,.;]+$/u, "");
  return {
    start: isoOf(chosen.start),
    end: isoOf(chosen.end ?? chosen.start),
    evidence: span(text, chosen.index, chosen.index + written.length),
    range: Boolean(chosen.end),
  };
}

const DAY_MS = 86_400_000;

function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
}

/** Monday to Friday from `start` to `end`, inclusive. */
function workingDays(start: string, end: string): number {
  let count = 0;
  const last = Date.parse(`${end}T00:00:00Z`);
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= last; t += DAY_MS) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}
