/**
 * One compromise parse per text: every extractor asks for the same document, so parsing (the
 * costly part) happens once per enrichment instead of once per question.
 */
import nlp from "compromise";

type Doc = ReturnType<typeof nlp>;
let last: { text: string; doc: Doc; memo: Map<string, unknown> } | null = null;

function entry(text: string) {
  if (last?.text !== text) last = { text, doc: nlp(text), memo: new Map() };
  return last;
}

export function docOf(text: string): Doc {
  return entry(text).doc;
}

/** Memoises a derived value of the current text's parse under `key`. */
export function memo<T>(text: string, key: string, compute: (doc: Doc) => T): T {
  const current = entry(text);
  if (!current.memo.has(key)) current.memo.set(key, compute(current.doc));
  return current.memo.get(key) as T;
}
