/**
 * Every amount, number of days and severity a text states or implies, whatever the suggested
 * fields say: what the routing check (lib/services/routing-check.ts) holds the confirmed fields
 * against, so a request confirmed at 800 whose text says EUR 80,000 is flagged for approvers.
 * Deterministic and offline whatever AI provider is configured.
 */
import type { Evidence } from "../schema";
import { findDuration } from "./duration";
import { findMoney } from "./money";
import { findSeverities } from "./severity";

export interface MentionedFigures {
  amounts: { value: number; currency: string; evidence: Evidence }[];
  days: { value: number; evidence: Evidence }[];
  severities: { value: number; evidence: Evidence; stated: boolean }[];
}

export function mentionedFigures(text: string, now: Date, timeZone = "UTC"): MentionedFigures {
  return {
    amounts: findMoney(text).map((m) => ({
      value: m.amount,
      currency: m.currency,
      evidence: m.evidence,
    })),
    days: findDuration(text, now, timeZone).mentioned,
    severities: findSeverities(text),
  };
}
