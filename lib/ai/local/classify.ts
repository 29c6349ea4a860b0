/**
 * Request type from word roots (compromise: "purchased" → "purchase", "laptops" → "laptop") and
 * from what was found (money points to PROCUREMENT, a stated severity to SUPPORT, a number of
 * days to LEAVE). Scores become a confidence: the winner's lead, lowered when the runner-up is close or the evidence thin.
 */
import type { RequestType } from "@/lib/engine";
import { memo } from "./doc";

const LEXICON: Readonly<Record<Exclude<RequestType, "GENERAL">, readonly string[]>> = {
  PROCUREMENT: [
    "buy",
    "purchase",
    "order",
    "procure",
    "renewal",
    "renew",
    "subscription",
    "licence",
    "license",
    "quote",
    "invoice",
    "vendor",
    "booking",
    "book",
    "replace",
    "laptop",
    "server",
    "desk",
    "chair",
    "hardware",
    "software",
    "contract",
    "counsel",
    "booth",
    "equipment",
    "monitor",
  ],
  LEAVE: [
    "leave",
    "vacation",
    "holiday",
    "pto",
    "off",
    "sick",
    "paternity",
    "maternity",
    "parental",
    "sabbatical",
    "absence",
    "unpaid",
    "dentist",
  ],
  SUPPORT: [
    "outage",
    "down",
    "bug",
    "error",
    "broken",
    "fail",
    "crash",
    "timeout",
    "incident",
    "ticket",
    "severity",
    "sev",
    "customer",
    "login",
    "stale",
    "upload",
    "merchant",
    "widget",
    "api",
    "escalation",
    "suspicious",
    "flaky",
    "intermittent",
    "glitch",
    "issue",
    "problem",
    "slow",
    "vpn",
    "wifi",
    "network",
    "unavailable",
    "unreachable",
    "freeze",
    "urgent",
    "workaround",
  ],
};
const GENERAL_HINTS = [
  "email",
  "mail",
  "task",
  "webhook",
  "remind",
  "notify",
  "schedule",
  "send",
  "create",
];

export interface Signals {
  money: boolean;
  severityStated: boolean;
  days: boolean;
}

export function classify(
  text: string,
  signals: Signals,
): { type: RequestType; confidence: number } {
  const roots = memo(text, "roots", (doc) => {
    const terms = doc.compute("root").terms().json() as {
      terms: { root?: string; normal: string }[];
    }[];
    return new Set(terms.map((t) => (t.terms[0]?.root || t.terms[0]?.normal || "").toLowerCase()));
  });
  const score: Record<RequestType, number> = { PROCUREMENT: 0, LEAVE: 0, SUPPORT: 0, GENERAL: 0.6 };
  for (const [type, words] of Object.entries(LEXICON) as [
    Exclude<RequestType, "GENERAL">,
    readonly string[],
  ][]) {
    for (const word of words) if (roots.has(word)) score[type] += 1;
  }
  for (const word of GENERAL_HINTS) if (roots.has(word)) score.GENERAL += 0.5;
  if (signals.money) score.PROCUREMENT += 2.5;
  if (signals.severityStated) score.SUPPORT += 3;
  if (signals.days) score.LEAVE += 1.5;

  const ranked = (Object.entries(score) as [RequestType, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || !second) return { type: "GENERAL", confidence: 0.3 };
  // The winner's lead over the runner-up, scaled by how much evidence there is at all: a text with
  // no signal falls to GENERAL by default, and that is a guess, not a finding.
  const margin = (first[1] - second[1] + 0.5) / (first[1] + 0.5);
  const strength = Math.min(1, first[1] / 2);
  const confidence = Math.max(0.2, Math.min(0.98, margin * strength));
  return { type: first[0], confidence: Math.round(confidence * 100) / 100 };
}
