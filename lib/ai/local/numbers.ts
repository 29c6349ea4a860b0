/** Numbers in text, with their character spans, from compromise (digits, "7.5k", "four", "$289"). */
import { memo } from "./doc";

export interface NumberMention {
  value: number;
  start: number;
  end: number;
  /** A leading symbol compromise kept with the number, e.g. "$". */
  prefix: string;
}

interface CompromiseNumber {
  text: string;
  offset: { start: number; length: number };
  number?: { num: number | null; prefix?: string; unit?: string };
}

const SCALE: Readonly<Record<string, number>> = {
  k: 1_000,
  m: 1_000_000,
  mm: 1_000_000,
  bn: 1_000_000_000,
};

export function numbersIn(text: string): NumberMention[] {
  return memo(text, "numbers", (doc) =>
    parseNumbers(text, doc.numbers().json({ offset: true }) as CompromiseNumber[]),
  );
}

function parseNumbers(text: string, found: CompromiseNumber[]): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const n of found) {
    const num = n.number?.num;
    if (typeof num !== "number" || !Number.isFinite(num)) continue;
    const unit = (n.number?.unit ?? "").toLowerCase();
    const raw = text.slice(n.offset.start, n.offset.start + n.offset.length);
    // compromise's span may include trailing punctuation ("5," "4."): end at the last digit/letter.
    const trimmed = raw.replace(/[\s.,;:!?)]+$/u, "").replace(/^[(\s]+/u, "");
    const start = n.offset.start + raw.indexOf(trimmed);
    mentions.push({
      value: num * (SCALE[unit] ?? 1),
      start,
      end: start + trimmed.length,
      prefix: n.number?.prefix ?? "",
    });
  }
  return mentions;
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
