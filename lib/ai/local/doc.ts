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

export interface Term {
  start: number;
  end: number;
  /** Lower-case, without punctuation. */
  normal: string;
  /** The word's root ("racks" → "rack", "people" → "person"), else its normal form. */
  root: string;
  tags: ReadonlySet<string>;
}

/** The text's terms with offsets, tags and roots (one compromise pass, shared by the extractors). */
export function termsOf(text: string): Term[] {
  return memo(text, "terms", (doc) => {
    doc.compute("root");
    const found = doc.terms().json({ offset: true }) as {
      offset: { start: number; length: number };
      terms: { normal?: string; root?: string; tags?: string[] }[];
    }[];
    return found.map((t) => {
      const term = t.terms[0];
      const normal = (term?.normal ?? "").toLowerCase();
      return {
        start: t.offset.start,
        end: t.offset.start + t.offset.length,
        normal,
        root: (term?.root || normal).toLowerCase(),
        tags: new Set(term?.tags ?? []),
      };
    });
  });
}

/** Sentence spans (start, end) of the text. */
export function sentencesOf(text: string): { start: number; end: number }[] {
  return memo(text, "sentences", (doc) =>
    (doc.sentences().json({ offset: true }) as { offset: { start: number; length: number } }[]).map(
      (s) => ({ start: s.offset.start, end: s.offset.start + s.offset.length }),
    ),
  );
}
