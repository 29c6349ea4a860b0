/** Shared helpers of the local provider: spans and small word lists. */
import type { Evidence } from "../schema";

export function span(text: string, start: number, end: number): Evidence {
  return { start, end, text: text.slice(start, end) };
}

/** ISO 4217 codes the runtime knows (Intl), so "EUR", "usd" and "CHF" are recognised without a list. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: "USD",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  "₹": "INR",
  "₣": "CHF",
};

export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: "USD",
  dollars: "USD",
  bucks: "USD",
  euro: "EUR",
  euros: "EUR",
  pound: "GBP",
  pounds: "GBP",
  yen: "JPY",
  franc: "CHF",
  francs: "CHF",
};
