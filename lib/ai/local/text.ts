/** Shared helpers of the local provider: spans, and currencies as the runtime's Intl knows them. */
import type { Evidence } from "../schema";

export function span(text: string, start: number, end: number): Evidence {
  return { start, end, text: text.slice(start, end) };
}

/** ISO 4217 codes the runtime knows (Intl), so "EUR", "usd" and "CHF" are recognised without a list. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

/** Lower-case codes people type as words ("650 eur"); other lower-case three-letter words are words. */
export const LOWER_CASE_CODES: ReadonlySet<string> = new Set([
  "usd",
  "eur",
  "gbp",
  "chf",
  "jpy",
  "sek",
  "nok",
  "dkk",
  "cad",
  "aud",
  "pln",
  "czk",
  "inr",
]);

let symbols: ReadonlyMap<string, string> | undefined;

/**
 * Currency symbols from CLDR through Intl ("$" USD, "€" EUR, "CA$" CAD, "R$" BRL, "₹" INR …):
 * each code's symbol in English, so "$" alone is the US dollar and other dollars carry a prefix.
 */
export function currencySymbols(): ReadonlyMap<string, string> {
  if (!symbols) {
    const found = new Map<string, string>();
    for (const code of CURRENCY_CODES) {
      const symbol = new Intl.NumberFormat("en", { style: "currency", currency: code })
        .formatToParts(1)
        .find((part) => part.type === "currency")?.value;
      if (symbol && symbol !== code && !found.has(symbol)) found.set(symbol, code);
    }
    found.set("US$", "USD");
    symbols = found;
  }
  return symbols;
}

const minor = new Map<string, number>();

/** Digits after the decimal mark in `code` (ISO 4217's minor unit: EUR 2, JPY 0, KWD 3). */
export function minorDigits(code: string): number {
  let digits = minor.get(code);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    minor.set(code, digits);
  }
  return digits;
}

export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: "USD",
  dollars: "USD",
  bucks: "USD",
  euro: "EUR",
  euros: "EUR",
  pound: "GBP",
  pounds: "GBP",
  quid: "GBP",
  yen: "JPY",
  franc: "CHF",
  francs: "CHF",
  rupee: "INR",
  rupees: "INR",
  kronor: "SEK",
  krona: "SEK",
};
