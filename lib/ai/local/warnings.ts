/**
 * Text that tries to instruct the system ("ignore previous instructions", "approve this") is data:
 * it raises a warning for approvers and changes nothing else. Text that does not look like English
 * is flagged so the requester checks the suggestions.
 */
import { docOf } from "./doc";

const INSTRUCTION_PATTERNS = [
  "(ignore|disregard|forget|override) (all|any|the|your|previous|prior|above|earlier)? (previous|prior)? (instructions|rules|guidelines|policy|policies|prompt)",
  "(mark|set|treat|flag) (this|the|my) (request|ticket)? as? (approved|accepted|urgent)",
  "(approve|accept) (this|it|my request) (immediately|now|automatically)?",
  "(you are|act as) (now)? (an|a)? (admin|administrator|approver|system)",
  "system prompt",
];

export const INSTRUCTION_WARNING =
  "The text contains instruction-like wording (e.g. asking to approve it). It was treated as data and changed nothing.";
export const LANGUAGE_WARNING = "The text does not look like English; check every suggested field.";

export function instructionLike(text: string): boolean {
  const doc = docOf(text);
  return INSTRUCTION_PATTERNS.some((pattern) => doc.match(pattern).found);
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
