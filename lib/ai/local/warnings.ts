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

/** Share of common English function words among the words; low for other languages. */
export function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 4) return true; // too short to judge
  const common = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  return common / words.length >= 0.08;
}
