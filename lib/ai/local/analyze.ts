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
    summary: summarise(text, type, fields),
    confidence,
    recommendedAction: recommendAction(text),
    warnings,
    model: LOCAL_MODEL,
  };
}

const LABEL: Record<RequestType, string> = {
  PROCUREMENT: "Purchase",
  LEAVE: "Leave",
  SUPPORT: "Support issue",
  GENERAL: "Request",
};

/** One or two sentences: what kind of request, the key figures, and the requester's first sentence. */
function summarise(text: string, type: RequestType, fields: ExtractedFields): string {
  const first =
    (docOf(text).sentences().json() as { text: string }[])[0]?.text.trim() ?? text.trim();
  const gist = first.length > 160 ? `${first.slice(0, 157).trimEnd()}…` : first;
  const figures: string[] = [];
  if (fields.amount && fields.currency)
    figures.push(`${fields.currency.value} ${fields.amount.value.toLocaleString("en-US")}`);
  if (fields.days) figures.push(`${fields.days.value} day${fields.days.value === 1 ? "" : "s"}`);
  if (fields.startDate && fields.endDate)
    figures.push(`${fields.startDate.value} to ${fields.endDate.value}`);
  if (fields.severity) figures.push(`severity ${fields.severity.value}`);
  return `${LABEL[type]}${figures.length ? ` (${figures.join(", ")})` : ""}: ${gist}`;
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
