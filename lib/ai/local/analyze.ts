/**
 * The `local` provider's reading of a text (lib/ai/local/index.ts loads this module on first use).
 * Classification and extraction come from NLP libraries (compromise for numbers, money and word
 * roots; chrono-node for dates) plus the small amount of Flowgate-specific logic in this folder.
 * Measured with `npm run eval:ai`.
 */
import type { RequestType } from "@/lib/engine";
import type { ExtractedFields, ProviderOutput } from "../schema";
import { classify } from "./classify";
import { docOf } from "./doc";
import { findDuration } from "./duration";
import { LOCAL_MODEL } from "./index";
import { findMoney, pickAmount, workingOf } from "./money";
import { findSeverity } from "./severity";
import { INSTRUCTION_WARNING, instructionLike, LANGUAGE_WARNING, looksEnglish } from "./warnings";

/** The confidence of a reading that rests on a guess: below the default threshold of 0.7. */
const UNCERTAIN = 0.6;

export function enrichLocally(text: string, now: Date, timeZone = "UTC"): ProviderOutput {
  const money = pickAmount(findMoney(text));
  const duration = findDuration(text, now, timeZone);
  const severity = findSeverity(text);
  const { type, confidence: typeConfidence } = classify(text, {
    money: money !== null,
    severityStated: severity?.stated === true,
    days: duration.days !== undefined,
  });

  const fields: ExtractedFields = {};
  let fieldConfidence = 1;
  if (type === "PROCUREMENT") {
    if (money) {
      const working = workingOf(money);
      fields.amount = {
        value: money.amount,
        evidence: money.evidence,
        ...(working && money.factors
          ? { working, factors: money.factors.map((f) => f.evidence) }
          : {}),
      };
      fields.currency = { value: money.currency, evidence: money.currencyEvidence };
      // A reading that rests on a guess asks the requester to confirm it (below the threshold).
      if (money.uncertain) fieldConfidence = UNCERTAIN;
    } else fieldConfidence = 0.4;
  }
  if (type === "LEAVE") {
    if (duration.days) fields.days = duration.days;
    else fieldConfidence = 0.4;
    if (duration.warnings.length) fieldConfidence = Math.min(fieldConfidence, UNCERTAIN);
    if (duration.startDate) fields.startDate = duration.startDate;
    if (duration.endDate) fields.endDate = duration.endDate;
  }
  if (type === "SUPPORT") {
    if (severity) fields.severity = { value: severity.value, evidence: severity.evidence };
    fieldConfidence = severity?.stated ? 1 : severity ? 0.55 : 0.4;
  }

  const warnings: string[] = type === "LEAVE" ? [...duration.warnings] : [];
  if (instructionLike(text)) warnings.push(INSTRUCTION_WARNING);
  const english = looksEnglish(text);
  if (!english) warnings.push(LANGUAGE_WARNING);
  const confidence =
    Math.round(Math.min(typeConfidence, fieldConfidence, english ? 1 : 0.3) * 100) / 100;

  return {
    type,
    typeConfidence: english ? typeConfidence : Math.min(typeConfidence, 0.3),
    fields,
    title: titleFor(text, type, fields),
    summary: summarise(text, type, fields, {
      dates: { start: duration.startDate?.value, end: duration.endDate?.value },
      severityStated: severity?.stated === true,
    }),
    confidence,
    recommendedAction: recommendAction(text),
    warnings,
    model: LOCAL_MODEL,
  };
}

/** Openings that say nothing about what is asked ("We need", "Could you please order"). */
const FILLER =
  /^(?:hi|hello|dear [^,]+)?[,!\s]*(?:(?:we|i)(?:'d| would)? (?:need|want|like|request|would like)(?: to (?:order|buy|get|have|request|take|book))?|(?:could|can) (?:you|we|i) (?:please )?(?:order|buy|get|have|book|take)|please(?: (?:order|buy|get|book|approve))?|requesting|request for|order|buy|purchase|get)\s+/iu;

/** The first clause of the text, its filler opening dropped: "12 ergonomic chairs for the Berlin office". */
function gistOf(text: string): string {
  const first =
    text.trim().split(/(?<=[.!?;])\s|\n|,\s(?=(?:EUR|USD|GBP|CHF|€|\$|£|\d))/u)[0] ?? text;
  const clause = first
    .replace(FILLER, "")
    // The unit price and the deadline are said elsewhere (the summary's figures).
    .replace(
      /\s+at\s+(?:(?:EUR|USD|GBP|CHF|[€$£])\s?[\d.,']+|[\d.,']+\s?(?:EUR|USD|GBP|CHF|[€$£]|euros?|dollars?))(?:\s+(?:each|apiece|a piece|per \w+))?/giu,
      "",
    )
    .replace(
      /\s+(?:by|before|until)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\w+|\w+\s+\d{1,2}(?:st|nd|rd|th)?|tomorrow|next \w+|end of \w+)\s*[.!?]?$/iu,
      "",
    )
    .replace(/[.!?;:,]+$/u, "")
    .trim();
  return clause.length >= 3 ? clause : first.trim();
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Up to `max` characters, cut at a word. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd().replace(/[,;:]+$/u, "")}…`;
}

const money = (amount: number, currency: string | undefined) =>
  currency ? `${currency} ${amount.toLocaleString("en-US")}` : amount.toLocaleString("en-US");

/** A short title naming what is asked: "12 ergonomic chairs for the Berlin office", "Leave, 3 days". */
function titleFor(text: string, type: RequestType, fields: ExtractedFields): string {
  const gist = gistOf(text);
  if (type === "LEAVE" && fields.days) {
    const days = `${fields.days.value} day${fields.days.value === 1 ? "" : "s"}`;
    return fields.startDate ? `Leave, ${days} from ${fields.startDate.value}` : `Leave, ${days}`;
  }
  if (type === "SUPPORT" && fields.severity) {
    return clip(`Severity ${fields.severity.value}: ${gist}`, 60);
  }
  return clip(capitalised(gist), 60);
}

/**
 * One or two sentences that add to the title what an approver decides on: the total and how it
 * was worked out, the days and dates, the severity and whether it was stated, and a date the text
 * names — never the text itself again.
 */
function summarise(
  text: string,
  type: RequestType,
  fields: ExtractedFields,
  facts: { dates: { start?: string; end?: string }; severityStated: boolean },
): string {
  // "Purchase of a new keyboard", not "of A new keyboard" (names and acronyms keep their capital).
  const gist = clip(gistOf(text), 120).replace(/^(A|An|The|Our|My|Some|New)\b/u, (word) =>
    word.toLowerCase(),
  );
  const parts: string[] = [];
  if (type === "PROCUREMENT") {
    if (fields.amount) {
      const total = money(fields.amount.value, fields.currency?.value);
      parts.push(
        `Purchase of ${gist}: ${total} in total${fields.amount.working ? ` (${fields.amount.working})` : ""}.`,
      );
    } else parts.push(`Purchase of ${gist}; no amount is stated.`);
  } else if (type === "LEAVE") {
    const days = fields.days
      ? `${fields.days.value} day${fields.days.value === 1 ? "" : "s"}`
      : null;
    const range =
      fields.startDate && fields.endDate
        ? `from ${fields.startDate.value} to ${fields.endDate.value}`
        : fields.startDate
          ? `from ${fields.startDate.value}`
          : null;
    parts.push(
      days
        ? `Leave of ${days}${range ? `, ${range}` : ""}.`
        : "Leave; the number of days is not stated.",
    );
  } else if (type === "SUPPORT") {
    parts.push(
      fields.severity
        ? `Support issue at severity ${fields.severity.value}${facts.severityStated ? "" : " (inferred from the wording)"}: ${gist}.`
        : `Support issue: ${gist}.`,
    );
  } else {
    parts.push(`Request: ${gist}.`);
  }
  if (type !== "LEAVE" && (facts.dates.end ?? facts.dates.start)) {
    parts.push(`Needed by ${facts.dates.end ?? facts.dates.start}.`);
  }
  return clip(parts.join(" "), 400);
}

/** An email to send, a task to create or a webhook to call once approved, when the text asks for one. */
function recommendAction(text: string): ProviderOutput["recommendedAction"] {
  const doc = docOf(text);
  const email = (doc.emails().json() as { text: string }[])[0]?.text;
  if (email && doc.match("(send|email|mail|write|notify)").found) {
    return {
      tool: "send_email",
      params: {
        to: email.replace(/[.,;]+$/u, ""),
        subject: summariseSubject(text),
        body: text.trim(),
      },
      rationale: `The request asks to contact ${email}.`,
    };
  }
  const url = (doc.urls().json() as { text: string }[])[0]?.text;
  if (url && /^https?:\/\//iu.test(url) && doc.match("(webhook|call|trigger|notify|post)").found) {
    return {
      tool: "webhook",
      params: { url: url.replace(/[.,;]+$/u, ""), payload: { text: text.trim() } },
      rationale: `The request asks to call ${url}.`,
    };
  }
  if (doc.match("(create|add|open|make) (a|an|the)? (task|todo|ticket|reminder)").found) {
    return {
      tool: "create_task",
      params: { title: summariseSubject(text) },
      rationale: "The request asks for a task to be created.",
    };
  }
  return null;
}

function summariseSubject(text: string): string {
  const first = text.trim().split(/(?<=[.!?])\s/u)[0] ?? text.trim();
  return first.length > 80 ? `${first.slice(0, 77)}…` : first;
}
