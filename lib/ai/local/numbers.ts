/**
 * Numbers in text, with their character spans.
 *
 * Numbers in words ("twelve thousand", "four") come from compromise. Figures in digits are read
 * here, because how people write them depends on where they are from, and the NLP libraries read
 * only the English way ("21.900" as 21.9). A figure is digit runs joined by separators:
 * - two different separators ("8.430,50", "1,250.00"): the last one is the decimal mark;
 * - apostrophes and spaces ("4'800", "3 400") and a repeated mark ("1.234.567") only group
 *   thousands; every group after the first has three digits (or India's lakh: "1,23,456");
 * - one "." or "," followed by exactly three digits ("21.900", "1,150") groups thousands too,
 *   since no common currency has three decimals; the decimal reading is kept as `alternative`, and
 *   the money reader (money.ts) decides by the currency's own minor unit (ISO 4217, from Intl);
 * - any other single mark ("1.5", "2,5", "0.50") is the decimal mark.
 * A scale may follow: "25k", "7.5k", "1.2m", "2 bn", "1.5 million".
 */
import { memo } from "./doc";

export interface NumberMention {
  value: number;
  start: number;
  end: number;
  /** Written in digits (false: in words). */
  digits: boolean;
  /** Ends in a scale ("25k", "1.2m", "2 million"). */
  scaled: boolean;
  /** "2.340": the decimal reading of a mark that is read as a thousands separator. */
  alternative?: number;
  /** Grouped by plain spaces ("3 400"): one number only when a currency stands right beside it. */
  spaced?: { parts: NumberMention[] };
}

interface CompromiseNumber {
  text: string;
  offset: { start: number; length: number };
  number?: { num: number | null };
}

const SCALES: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mm: 1e6,
  mio: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

// Digit runs joined by one separator each; the grammar is checked in readFigure.
const FIGURE = /\d+(?:[.,'’\u00a0\u202f\u2009 ]\d+)*/gu;
const SCALE_AFTER = /^\s?(k|m|mn|mm|mio|b|bn|thousand|million|billion)(?![\p{L}\p{N}])/iu;
const SEPARATOR = /[.,'’\u00a0\u202f\u2009 ]/u;
/** A currency code written against the figure: "EUR12,000", "9,500EUR" (checked against Intl). */
const GLUED_CODE_BEFORE = /(?<![\p{L}])(?:[A-Z]{3})$/u;
const GLUED_CODE_AFTER = /^[A-Z]{3}(?![\p{L}])/u;

export function numbersIn(text: string): NumberMention[] {
  return memo(text, "numbers", (doc) => {
    const figures = figuresIn(text);
    const words = (doc.numbers().json({ offset: true }) as CompromiseNumber[])
      .filter((n) => !/\d/u.test(n.text) && typeof n.number?.num === "number")
      .map((n): NumberMention => {
        const raw = text.slice(n.offset.start, n.offset.start + n.offset.length);
        const trimmed = raw.replace(/[\s.,;:!?)]+$/u, "").replace(/^[(\s]+/u, "");
        const start = n.offset.start + raw.indexOf(trimmed);
        return {
          value: n.number?.num as number,
          start,
          end: start + trimmed.length,
          digits: false,
          scaled: false,
        };
      });
    return [...figures, ...words].sort((a, b) => a.start - b.start);
  });
}

/** Figures written in digits. */
export function figuresIn(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const start = match.index;
    const raw = match[0];
    // Digits glued to letters are names and codes ("U2724D", "T14", "10MB"), not figures, unless
    // the letters are a currency code ("EUR12,000").
    if (/[\p{L}_]/u.test(text[start - 1] ?? "") && !GLUED_CODE_BEFORE.test(text.slice(0, start)))
      continue;
    found.push(...readAt(text, start, raw));
  }
  return found;
}

function readAt(text: string, start: number, raw: string): NumberMention[] {
  const spaced = / /u.test(raw);
  const figure = readFigure(raw);
  if (!figure) {
    // Not one well-formed figure ("10 20", "1.2.3"): read each space-separated part on its own.
    if (!spaced) return [];
    return splitBySpaces(text, start, raw);
  }
  let end = start + raw.length;
  let value = figure.value;
  let alternative = figure.alternative;
  let scaled = false;
  const scale = SCALE_AFTER.exec(text.slice(end));
  if (scale?.[1]) {
    const factor = SCALES[scale[1].toLowerCase()] ?? 1;
    value = exact(value * factor);
    alternative = alternative === undefined ? undefined : exact(alternative * factor);
    end += scale[0].length;
    scaled = true;
  } else if (/[\p{L}_]/u.test(text[end] ?? "") && !GLUED_CODE_AFTER.test(text.slice(end))) {
    return []; // "10MB", "4K", "2nd": a unit or a code, not a figure ("9,500EUR" is money)
  }
  const mention: NumberMention = { value, start, end, digits: true, scaled };
  if (alternative !== undefined) mention.alternative = alternative;
  if (spaced) mention.spaced = { parts: splitBySpaces(text, start, raw) };
  return [mention];
}

function splitBySpaces(text: string, start: number, raw: string): NumberMention[] {
  const parts: NumberMention[] = [];
  let offset = 0;
  for (const part of raw.split(" ")) {
    if (part) parts.push(...readAt(text, start + offset, part));
    offset += part.length + 1;
  }
  return parts;
}

/** The value of one written figure, or null when its separators follow no convention. */
export function readFigure(raw: string): { value: number; alternative?: number } | null {
  const runs = raw.split(SEPARATOR);
  const marks = raw.match(new RegExp(SEPARATOR.source, "gu")) ?? [];
  if (marks.length === 0) return { value: Number(raw) };
  const last = marks.at(-1) as string;
  const lastRun = runs.at(-1) as string;
  const decimalCandidate = last === "." || last === ",";
  const sameMarkBefore = marks.slice(0, -1).includes(last);
  const otherMarkBefore = marks.slice(0, -1).some((m) => (m === "." || m === ",") && m !== last);
  let decimal = false;
  let ambiguous = false;
  if (decimalCandidate && otherMarkBefore) decimal = true;
  else if (decimalCandidate && !sameMarkBefore) {
    if (lastRun.length !== 3) decimal = true;
    else if (marks.length === 1 && (runs[0]?.length ?? 0) <= 3) ambiguous = true;
    else if (marks.length === 1) decimal = true; // "1234.567": too long a head for a group
  }
  const groups = decimal ? runs.slice(0, -1) : runs;
  const groupMarks = decimal ? marks.slice(0, -1) : marks;
  // Thousands groups: a head of 1–3 digits, then groups of exactly three, all with one mark
  // (plain spaces may mix with no-break spaces).
  if (groups.length > 1) {
    const rest = groups.slice(1);
    const western = (groups[0]?.length ?? 0) <= 3 && rest.every((g) => g.length === 3);
    // India's lakh grouping: "1,23,456" (pairs, then a final three).
    const lakh =
      (groups[0]?.length ?? 0) <= 2 &&
      rest.length >= 2 &&
      rest.slice(0, -1).every((g) => g.length === 2) &&
      rest.at(-1)?.length === 3;
    if (!western && !lakh) return null;
    const kinds = new Set(groupMarks.map((m) => (/\s/u.test(m) ? " " : m)));
    if (kinds.size > 1) return null;
    if (decimal && kinds.has(last)) return null;
  }
  const integer = groups.join("");
  const value = Number(decimal ? `${integer}.${lastRun}` : integer);
  if (!Number.isFinite(value)) return null;
  return ambiguous ? { value, alternative: Number(`${runs[0]}.${lastRun}`) } : { value };
}

/** Rounds away binary noise from scaling ("2.1m" is 2,100,000, not 2,100,000.0000000002). */
export function exact(value: number): number {
  return Number(value.toPrecision(12));
}

/** The word right after `index` (letters only), with its span. */
export function wordAfter(
  text: string,
  index: number,
): { word: string; start: number; end: number } | null {
  const match = /^[\s-]*([\p{L}]+)/u.exec(text.slice(index));
  if (!match?.[1]) return null;
  const start = index + match[0].length - match[1].length;
  return { word: match[1], start, end: start + match[1].length };
}

/** The word right before `index` (letters only), with its span. */
export function wordBefore(
  text: string,
  index: number,
): { word: string; start: number; end: number } | null {
  const match = /([\p{L}]+)[\s:-]*$/u.exec(text.slice(0, index));
  if (!match?.[1]) return null;
  return { word: match[1], start: match.index, end: match.index + match[1].length };
}
