/**
 * Text that tries to instruct the system ("ignore previous instructions", "approve this") is data:
 * it raises a warning for approvers and changes nothing else. Text that does not look like English
 * is flagged so the requester checks the suggestions.
 */
import { memo, sentencesOf } from "./doc";

const INSTRUCTION_PATTERNS = [
  "(ignore|disregard|forget|override) (all|any|the|your|previous|prior|above|earlier)? (previous|prior)? (instructions|rules|guidelines|policy|policies|prompt)",
  "(mark|set|treat|flag) (this|the|my) (request|ticket)? as? (approved|accepted|urgent)",
  "(approve|accept) (this|it|my request) (immediately|now|automatically)?",
  "(you are|act as) (now)? (an|a)? (admin|administrator|approver|system)",
  "system prompt",
  // Addressed to the reader of the text rather than describing the request.
  "(note|message|instruction|instructions) (to|for) the (assistant|ai|model|system|bot|reviewer)",
  "(dear|hey|hi|hello|attention) (assistant|ai|model|bot|system)",
  "(the|this|dear) (assistant|ai|model|bot) (should|must|shall|will|need to|has to)",
  "you (should|must|shall|need to|have to) (report|record|enter|set|treat|classify|ignore|lower|change)",
  "for (approval|routing|classification) purposes",
  "(skip|bypass|avoid|circumvent) the? (finance|director|approval|approvals|review|chain|escalation)",
  "(report|record|enter|treat|count|register|log|classify|set|change|lower) (this|it|the|my)? (amount|total|price|cost|severity|sev|priority|request|ticket|days|duration)? (as|to) #Value",
  "(report|record|enter|treat|count|register|log|classify) (this|it|the|my)? (amount|total|price|cost|severity|sev|priority|request|ticket|days|duration)? as",
];

export const INSTRUCTION_WARNING =
  "The text contains instruction-like wording (e.g. asking to approve it). It was treated as data and changed nothing.";
export const LANGUAGE_WARNING = "The text does not look like English; check every suggested field.";

export function instructionLike(text: string): boolean {
  return instructionSpans(text).length > 0;
}

/**
 * The sentences that address the system instead of describing the request. The extractors skip
 * the figures in them: an instruction to the assistant never changes a field.
 */
export function instructionSpans(text: string): { start: number; end: number }[] {
  return memo(text, "instructions", (doc) => {
    const sentences = sentencesOf(text);
    const hits = new Set<{ start: number; end: number }>();
    for (const pattern of INSTRUCTION_PATTERNS) {
      const found = doc.match(pattern).json({ offset: true }) as {
        offset: { start: number };
      }[];
      for (const match of found) {
        const sentence = sentences.find(
          (s) => s.start <= match.offset.start && match.offset.start < s.end,
        );
        if (sentence) hits.add(sentence);
      }
    }
    return [...hits].sort((a, b) => a.start - b.start);
  });
}

/** Whether [start, end) lies inside a sentence addressed to the system. */
export function insideInstruction(text: string, start: number, end: number): boolean {
  return instructionSpans(text).some((s) => s.start <= start && end <= s.end);
}

const ENGLISH_FUNCTION_WORDS = new Set(
  "a an the to for of and or in on at by with from is are be i we you my our it this that please need want would like can".split(
    " ",
  ),
);

// Function words of the languages our users most often write in instead (German, French, Spanish,
// Italian, Dutch, Portuguese). Terse English ("Slack renewal, 22,400 USD") has few function words
// of any language, so the test is "reads as another language", not "lacks English words".
const OTHER_FUNCTION_WORDS = new Set(
  [
    "der die das und ich ist nicht für mit ein eine bitte wir sie auf zu den dem des",
    "le la les et je est pas pour avec un une des du nous vous sur",
    "el los las y yo es no para con una por favor del nosotros",
    "il lo gli e io è non per con uno della noi",
    "het een en ik niet voor met wij",
    "o os um uma não com por nós",
  ]
    .join(" ")
    .split(" "),
);

/** False when the text reads as another language (its function words outnumber English ones). */
export function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  const other = words.filter(
    (w) => OTHER_FUNCTION_WORDS.has(w) && !ENGLISH_FUNCTION_WORDS.has(w),
  ).length;
  return !(other >= 2 && other > english);
}
