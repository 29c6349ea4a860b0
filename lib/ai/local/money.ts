/**
 * Amounts of money: a number with a currency attached by symbol ("$4,500"), code before or after
 * ("EUR 10,500", "650 EUR"; any ISO 4217 code the runtime knows) or word ("12,000 dollars"), with
 * scale suffixes ("7.5k"). A unit price with a quantity ("25 licences at $289 each") becomes the
 * total. With several amounts, one marked as the total wins, else the largest: the higher figure
 * is the safe reading for approval tiers.
 */
import type { Evidence } from "../schema";
import { type NumberMention, numbersIn, wordAfter, wordBefore } from "./numbers";
import { CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, span } from "./text";

export interface MoneyMention {
  amount: number;
  currency: string;
  evidence: Evidence;
  currencyEvidence: Evidence;
  total: boolean;
}

const UNIT_PRICE = /^\s*(each|apiece|per\s+(unit|seat|licen[cs]e|user|person|piece|item|head))\b/iu;
const TOTAL_BEFORE = /\b(total(ling|ing)?|in total|overall|altogether|sum of)\b[^.]{0,20}$/iu;

function currencyOf(word: string | undefined): string | null {
  if (!word) return null;
  if (word.length === 3 && word === word.toUpperCase() && CURRENCY_CODES.has(word)) return word;
  if (
    word.length === 3 &&
    CURRENCY_CODES.has(word.toUpperCase()) &&
    /^(usd|eur|gbp|chf|jpy)$/i.test(word)
  )
    return word.toUpperCase();
  return CURRENCY_WORDS[word.toLowerCase()] ?? null;
}

function moneyAt(text: string, n: NumberMention): MoneyMention | null {
  const symbol = CURRENCY_SYMBOLS[n.prefix] ?? CURRENCY_SYMBOLS[text[n.start - 1] ?? ""];
  if (symbol) {
    const symbolStart = n.prefix ? n.start : n.start - 1;
    return {
      amount: n.value,
      currency: symbol,
      evidence: span(text, symbolStart, n.end),
      currencyEvidence: span(text, symbolStart, symbolStart + 1),
      total: false,
    };
  }
  const after = wordAfter(text, n.end);
  const afterCurrency = currencyOf(after?.word);
  if (after && afterCurrency) {
    return {
      amount: n.value,
      currency: afterCurrency,
      evidence: span(text, n.start, after.end),
      currencyEvidence: span(text, after.start, after.end),
      total: false,
    };
  }
  const before = wordBefore(text, n.start);
  const beforeCurrency = currencyOf(before?.word);
  if (before && beforeCurrency) {
    return {
      amount: n.value,
      currency: beforeCurrency,
      evidence: span(text, before.start, n.end),
      currencyEvidence: span(text, before.start, before.end),
      total: false,
    };
  }
  return null;
}

export function findMoney(text: string): MoneyMention[] {
  const numbers = numbersIn(text);
  const mentions: MoneyMention[] = [];
  numbers.forEach((n, index) => {
    const money = moneyAt(text, n);
    if (!money) return;
    money.total = TOTAL_BEFORE.test(text.slice(0, money.evidence.start));
    // "25 licences at $289 each": the total is the quantity times the unit price.
    if (UNIT_PRICE.test(text.slice(money.evidence.end))) {
      const quantity = numbers
        .slice(0, index)
        .reverse()
        .find((q) => q.value >= 1 && Number.isInteger(q.value) && !moneyAt(text, q));
      if (quantity) {
        const unitEnd =
          money.evidence.end + (UNIT_PRICE.exec(text.slice(money.evidence.end))?.[0].length ?? 0);
        money.amount = Math.round(quantity.value * money.amount * 100) / 100;
        money.evidence = span(text, quantity.start, unitEnd);
        money.total = true;
      }
    }
    mentions.push(money);
  });
  return mentions;
}

export function pickAmount(mentions: MoneyMention[]): MoneyMention | null {
  const totals = mentions.filter((m) => m.total);
  const pool = totals.length ? totals : mentions;
  return pool.reduce<MoneyMention | null>(
    (best, m) => (!best || m.amount > best.amount ? m : best),
    null,
  );
}
