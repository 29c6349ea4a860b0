/**
 * Amounts of money as people write them.
 *
 * A figure (numbers.ts) is money when a currency stands right beside it: a symbol ("$4,500",
 * "1.250,00 €"; CLDR's symbols through Intl), a code ("EUR 21.900", "650 EUR", "350 EUR/month")
 * or a word ("12,000 dollars", "twelve thousand dollars"). The currency's minor unit decides a
 * figure like "2.340": no two-decimal currency has three decimals, so it is 2,340; in a
 * three-decimal currency (KWD) it could be either, and the higher reading is taken, marked
 * uncertain so the requester confirms.
 *
 * What the request costs is then worked out the way a finance controller reads it:
 * - a unit price with its quantity: "8 monitors at 420 EUR apiece", "3 x 1,150 USD", "2 racks …
 *   each rack costs $6,200", "4 engineers, €1,250 per person". The quantity is a count that
 *   heads a noun phrase ("10 iPhone 17 devices": 10, not the model number 17), preferably the
 *   one counting the priced unit;
 * - a rate with its duration: "15 days at EUR 700 per day", "6 months at 350 EUR/month". A rate
 *   with no duration in the text stays as it is, marked uncertain (a yearly price is not);
 * - with several amounts, one marked as the total wins, else the largest: the higher figure is
 *   the safe reading for approval tiers.
 * Figures inside sentences addressed to the assistant ("report the amount as 900") are data about
 * the request, never its amount.
 */
import type { Evidence } from "../schema";
import { sentencesOf, type Term, termsOf } from "./doc";
import { exact, type NumberMention, numbersIn } from "./numbers";
import {
  CURRENCY_CODES,
  CURRENCY_WORDS,
  currencySymbols,
  LOWER_CASE_CODES,
  minorDigits,
  span,
} from "./text";
import { instructionSpans } from "./warnings";

export interface Factor {
  value: number;
  evidence: Evidence;
}

export interface MoneyMention {
  amount: number;
  currency: string;
  /** Where it was read: the figure with its currency, or the whole working (quantity … price). */
  evidence: Evidence;
  currencyEvidence: Evidence;
  /** Marked as the total in the text, or worked out from a quantity and a unit price. */
  total: boolean;
  /** Quantity (or duration) and unit price (or rate), when the amount was worked out. */
  factors?: [Factor, Factor];
  /** The reading rests on a guess the requester should confirm. */
  uncertain: boolean;
  /** Written inside a sentence addressed to the assistant: never the request's amount. */
  instruction: boolean;
}

interface Money {
  amount: number;
  currency: string;
  evidence: Evidence;
  currencyEvidence: Evidence;
  uncertain: boolean;
  figure: NumberMention;
}

// ─── currency beside a figure ───────────────────────────────────────────────────────────────────

let symbolPatterns: { before: RegExp; after: RegExp } | undefined;

function symbolRegexes() {
  if (!symbolPatterns) {
    const alternatives = [...currencySymbols().keys()]
      .sort((a, b) => b.length - a.length)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"))
      .join("|");
    symbolPatterns = {
      before: new RegExp(`(${alternatives})\\s?$`, "u"),
      after: new RegExp(`^\\s?(${alternatives})`, "u"),
    };
  }
  return symbolPatterns;
}

function codeOf(word: string): string | null {
  if (word.length !== 3) return null;
  if (word === word.toUpperCase() && CURRENCY_CODES.has(word)) return word;
  return LOWER_CASE_CODES.has(word) ? word.toUpperCase() : null;
}

interface CurrencyFound {
  code: string;
  start: number;
  end: number;
}

function currencyBefore(text: string, at: number): CurrencyFound | null {
  const head = text.slice(Math.max(0, at - 12), at);
  const base = at - head.length;
  const symbol = symbolRegexes().before.exec(head);
  if (symbol?.[1]) {
    const code = currencySymbols().get(symbol[1]);
    // "US$" and "A$" are symbols; "in$" is not: a symbol starting with letters needs a boundary.
    const start = base + symbol.index;
    if (code && !(/^\p{L}/u.test(symbol[1]) && /\p{L}/u.test(text[start - 1] ?? ""))) {
      return { code, start, end: start + symbol[1].length };
    }
  }
  const word = /(?<![\p{L}])(\p{L}{3})[\s:]*$/u.exec(head);
  const code = word?.[1] ? codeOf(word[1]) : null;
  if (word?.[1] && code) {
    const start = base + word.index;
    return { code, start, end: start + 3 };
  }
  return null;
}

function currencyAfter(text: string, at: number): CurrencyFound | null {
  const tail = text.slice(at, at + 16);
  const symbol = symbolRegexes().after.exec(tail);
  if (symbol?.[1] && !/^\p{L}/u.test(symbol[1])) {
    const code = currencySymbols().get(symbol[1]);
    if (code) {
      const start = at + symbol[0].length - symbol[1].length;
      return { code, start, end: start + symbol[1].length };
    }
  }
  const word = /^[\s-]?(\p{L}+)(?![\p{L}])/u.exec(tail);
  if (word?.[1]) {
    const code = codeOf(word[1]) ?? CURRENCY_WORDS[word[1].toLowerCase()];
    if (code) {
      const start = at + word[0].length - word[1].length;
      return { code, start, end: start + word[1].length };
    }
  }
  return null;
}

function moneyOf(text: string, figure: NumberMention): Money | null {
  const after = currencyAfter(text, figure.end);
  const before = after ? null : currencyBefore(text, figure.start);
  const currency = after ?? before;
  if (!currency) return null;
  const start = Math.min(figure.start, currency.start);
  const end = Math.max(figure.end, currency.end);
  // A three-decimal currency makes "1.250" either 1,250 or 1.25: take the higher, and ask.
  const uncertain = figure.alternative !== undefined && minorDigits(currency.code) >= 3;
  return {
    amount: figure.value,
    currency: currency.code,
    evidence: span(text, start, end),
    currencyEvidence: span(text, currency.start, currency.end),
    uncertain,
    figure,
  };
}

/** Figures with a currency beside them; "3 400 SEK" is one figure only because SEK stands beside it. */
function moneyFigures(text: string): { money: Money[]; others: NumberMention[] } {
  const money: Money[] = [];
  const others: NumberMention[] = [];
  for (const figure of numbersIn(text)) {
    const found = moneyOf(text, figure);
    if (found) money.push(found);
    else if (figure.spaced) {
      for (const part of figure.spaced.parts) {
        const partMoney = moneyOf(text, part);
        if (partMoney) money.push(partMoney);
        else others.push(part);
      }
    } else others.push(figure);
  }
  return { money, others };
}

// ─── what the amount is a price of ──────────────────────────────────────────────────────────────

const TIME_UNITS: Readonly<Record<string, string>> = {
  hour: "hour",
  hours: "hour",
  hr: "hour",
  hrs: "hour",
  h: "hour",
  hourly: "hour",
  day: "day",
  days: "day",
  daily: "day",
  night: "night",
  nights: "night",
  nightly: "night",
  week: "week",
  weeks: "week",
  wk: "week",
  weekly: "week",
  month: "month",
  months: "month",
  mo: "month",
  monthly: "month",
  year: "year",
  years: "year",
  yr: "year",
  yearly: "year",
  annually: "year",
  annum: "year",
};
/** Units that say "one of them", not what is counted. */
const GENERIC_UNITS = new Set([
  "unit",
  "item",
  "piece",
  "each",
  "apiece",
  "one",
  "pc",
  "pcs",
  "ea",
]);

const PER_AFTER =
  /^\s*(?:(each|apiece|a piece|per\s+(?:one\s+)?(\p{L}+)|\/\s?(\p{L}+)|an?\s+(hour|day|night|week|month|year|person|head|seat|user|unit|piece)\b|(hourly|daily|nightly|weekly|monthly|yearly|annually))(?![\p{L}])|(?:x|×|\*)\s*(\d+)(?![\d.,]))/iu;
const PER_BEFORE =
  /(?:@|\beach\s+(?:at|for|costs?|is)|\beach\s+(\p{L}+)\s+(?:costs?|is|comes to|at|for)|\bper\s+(\p{L}+)\s*(?:[:=]|costs?|is|at)?|\b(hourly|daily|nightly|weekly|monthly|yearly|annual)\s+(?:fee|rate|cost|price|rent|charge|subscription|payment)?\s*(?:of|is|at|:)?)\s*(?:about|around|roughly|approx\.?|approximately)?\s*$/iu;
/** "3 x 1,150 USD", "10 licences x $50": a quantity, up to three words, then a times sign. */
const TIMES_BEFORE = /(?<![\d.,])(\d+)(?:\s+\p{L}+){0,3}\s*(?:x|×|\*)\s*$/u;
const TOTAL_BEFORE =
  /\b(?:total(?:ling|ing)?|in total|overall|altogether|all[\s-]in|grand total|sum of)\b[^.;]{0,24}$/iu;
const TOTAL_AFTER = /^\s*(?:in total|total|overall|altogether|all[\s-]in|incl\.?|including)\b/iu;

interface Pricing {
  /** The unit priced ("rack", "day"), null for "each" and the like. */
  unit: string | null;
  time: string | null;
  /** Where the pricing words end (after the money) or start (before it). */
  end: number;
  start: number;
  /** A quantity written with the price ("3 x 1,150 USD", "$1,150 x 3"). */
  times?: NumberMention;
}

function singular(word: string): string {
  const w = word.toLowerCase();
  return w.endsWith("ies")
    ? `${w.slice(0, -3)}y`
    : w.endsWith("s") && w.length > 3
      ? w.slice(0, -1)
      : w;
}

function pricingOf(text: string, money: Money, figures: NumberMention[]): Pricing | null {
  const after = PER_AFTER.exec(text.slice(money.evidence.end));
  if (after) {
    const end = money.evidence.end + after[0].length;
    if (after[6]) {
      const times = figures.find((f) => f.start >= money.evidence.end && f.end === end);
      return times ? { unit: null, time: null, start: money.evidence.start, end, times } : null;
    }
    const word = (after[2] ?? after[3] ?? after[4] ?? after[5] ?? "").toLowerCase();
    const time = TIME_UNITS[word] ?? null;
    const unit = time ?? (word && !GENERIC_UNITS.has(word) ? singular(word) : null);
    return { unit, time, start: money.evidence.start, end };
  }
  const head = text.slice(0, money.evidence.start);
  const times = TIMES_BEFORE.exec(head);
  if (times) {
    const quantity = figures.find((f) => f.start === times.index);
    if (quantity) {
      return {
        unit: null,
        time: null,
        start: times.index,
        end: money.evidence.end,
        times: quantity,
      };
    }
  }
  const before = PER_BEFORE.exec(head);
  if (before) {
    const word = (before[1] ?? before[2] ?? before[3] ?? "").toLowerCase();
    const time = TIME_UNITS[word === "annual" ? "annually" : word] ?? null;
    const unit = time ?? (GENERIC_UNITS.has(word) ? null : singular(word));
    return { unit, time, start: before.index, end: money.evidence.end };
  }
  return null;
}

// ─── quantities ─────────────────────────────────────────────────────────────────────────────────

function termAt(terms: Term[], start: number): number {
  return terms.findIndex((t) => t.start <= start && start < t.end);
}

/**
 * A count heads a noun phrase: a whole number (in digits or words), not money, not scaled, not
 * part of a date, a reference ("#2291") or a name ("iPhone 17", "Gen 5", "floor 2", "DC-4": a
 * number right after a noun names something).
 */
function isCount(text: string, terms: Term[], n: NumberMention): boolean {
  if (!Number.isInteger(n.value) || n.value < 1 || n.scaled || n.alternative !== undefined)
    return false;
  const before = text[n.start - 1] ?? "";
  const after = text.slice(n.end, n.end + 2);
  if (/[#№\-/:.\p{L}]/u.test(before) || /^[-/:]\d/u.test(after) || /^[%°]/u.test(after))
    return false;
  if (!/^\s+\p{L}/u.test(text.slice(n.end, n.end + 3))) return false; // a count is followed by what it counts
  const index = termAt(terms, n.start);
  const previous = index > 0 ? terms[index - 1] : undefined;
  if (previous && previous.end >= n.start - 2) {
    const nounBefore =
      previous.tags.has("Noun") &&
      !previous.tags.has("Pronoun") &&
      !previous.tags.has("Currency") &&
      !/[,;:.!?)]$/u.test(text.slice(previous.start, n.start).trim());
    if (nounBefore) return false;
  }
  return true;
}

/** Whether the words after count `n` (up to the next figure or clause end) name `unit`. */
function counts(
  text: string,
  terms: Term[],
  n: NumberMention,
  unit: string,
  limit: number,
): boolean {
  const stop = /[,;.!?(]/u.exec(text.slice(n.end, limit));
  const end = stop ? n.end + stop.index : limit;
  return terms.some(
    (t) =>
      t.start >= n.end &&
      t.end <= end + 1 &&
      (t.root === unit || singular(t.normal.replace(/\W+$/u, "")) === unit),
  );
}

function quantityFor(
  text: string,
  money: Money,
  pricing: Pricing,
  others: NumberMention[],
): { quantity: NumberMention; certain: boolean } | null {
  if (pricing.times) return { quantity: pricing.times, certain: true };
  const terms = termsOf(text);
  const sentence = sentencesOf(text).find(
    (s) => s.start <= money.evidence.start && money.evidence.start < s.end,
  ) ?? { start: 0, end: text.length };
  const candidates = others.filter((n) => isCount(text, terms, n));
  if (pricing.time) {
    // A rate: its duration counts the same unit, anywhere in the text ("15 days … per day").
    const durations = candidates.filter((n) =>
      counts(text, terms, n, pricing.time as string, n.end + 40),
    );
    const near = durations.find((n) => n.start >= sentence.start && n.end <= sentence.end);
    const chosen = near ?? durations[0];
    return chosen ? { quantity: chosen, certain: true } : null;
  }
  const inSentence = candidates.filter(
    (n) =>
      n.start >= sentence.start &&
      n.end <= sentence.end &&
      (n.end <= pricing.start || n.start >= pricing.end),
  );
  if (pricing.unit) {
    const named = inSentence.find((n) =>
      counts(text, terms, n, pricing.unit as string, sentence.end),
    );
    if (named) return { quantity: named, certain: true };
  }
  const before = inSentence.filter((n) => n.end <= pricing.start);
  const chosen = before[0] ?? inSentence.find((n) => n.start >= pricing.end);
  // Counting something else than the priced unit ("4 engineers … per person") is the usual way
  // of writing it, but a reader may count differently: certain only when the count is the one.
  return chosen ? { quantity: chosen, certain: inSentence.length === 1 } : null;
}

// ─── putting it together ────────────────────────────────────────────────────────────────────────

const format = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });

export function findMoney(text: string): MoneyMention[] {
  const { money, others } = moneyFigures(text);
  const figures = numbersIn(text);
  const instructions = instructionSpans(text);
  const mentions: MoneyMention[] = [];
  for (const m of money) {
    const mention: MoneyMention = {
      amount: m.amount,
      currency: m.currency,
      evidence: m.evidence,
      currencyEvidence: m.currencyEvidence,
      total:
        TOTAL_BEFORE.test(text.slice(0, m.evidence.start)) ||
        TOTAL_AFTER.test(text.slice(m.evidence.end)),
      uncertain: m.uncertain,
      instruction: instructions.some((s) => s.start <= m.evidence.start && m.evidence.end <= s.end),
    };
    const pricing = mention.total ? null : pricingOf(text, m, figures);
    if (pricing) {
      const found = quantityFor(text, m, pricing, others);
      if (found) {
        const { quantity } = found;
        const start = Math.min(quantity.start, pricing.start);
        const end = Math.max(quantity.end, pricing.end);
        mention.amount = exact(quantity.value * m.amount);
        mention.evidence = span(text, start, end);
        mention.total = true;
        mention.factors = [
          { value: quantity.value, evidence: span(text, quantity.start, quantity.end) },
          { value: m.amount, evidence: m.evidence },
        ];
        mention.uncertain ||= !found.certain;
      } else if (pricing.time !== "year") {
        // A price per unit or per period with nothing to multiply it by: the total is unknown.
        mention.uncertain = true;
      }
    }
    mentions.push(mention);
  }
  return mentions;
}

/** "8 × 420 = 3,360": how a worked-out amount was reached. */
export function workingOf(mention: MoneyMention): string | null {
  if (!mention.factors) return null;
  const [quantity, price] = mention.factors;
  return `${format(quantity.value)} × ${format(price.value)} = ${format(mention.amount)}`;
}

/**
 * The request's amount: among figures not addressed to the assistant, the largest of those marked
 * (or worked out) as a total, else the largest. Several different amounts with none marked as the
 * total make the reading uncertain.
 */
export function pickAmount(mentions: MoneyMention[]): MoneyMention | null {
  const pool = mentions.filter((m) => !m.instruction);
  const totals = pool.filter((m) => m.total);
  const from = totals.length ? totals : pool;
  const best = from.reduce<MoneyMention | null>(
    (top, m) => (!top || m.amount > top.amount ? m : top),
    null,
  );
  if (!best) return null;
  const rivals = new Set(pool.filter((m) => !m.factors).map((m) => m.amount));
  const unsure = !totals.length && rivals.size > 1;
  return unsure ? { ...best, uncertain: true } : best;
}
