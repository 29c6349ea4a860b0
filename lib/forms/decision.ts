/**
 * What an approver sends: approve (optional comment), reject (reason), request changes (comment),
 * escalate (reason). Shared by the inbox, the request page and the service. Client-safe.
 */
import "@/lib/zod-config"; // first: before any schema is built (CSP)
import { z } from "zod";
import type { ActionResult } from "./result";
import { cleanText } from "./text";

const note = (required: string) =>
  cleanText(
    z
      .string({ error: required })
      .trim()
      .min(3, `${required} (at least 3 characters).`)
      .max(2_000, "Keep it under 2,000 characters."),
  );

export const DecisionInputSchema = z.discriminatedUnion(
  "decision",
  [
    z
      .object({
        decision: z.literal("approve"),
        comment: cleanText(
          z.string().trim().max(2_000, "Keep it under 2,000 characters."),
        ).optional(),
        version: z.number().int().optional(),
        /** The hash of the action the approver was shown (lib/engine actionHash). */
        actionHash: z
          .string()
          .regex(/^[0-9a-f]{64}$/, "Not an action hash.")
          .optional(),
      })
      .strict(),
    z
      .object({
        decision: z.literal("reject"),
        reason: note("A reason is required"),
        version: z.number().int().optional(),
      })
      .strict(),
    z
      .object({
        decision: z.literal("request_changes"),
        comment: note("Say what should change"),
        version: z.number().int().optional(),
      })
      .strict(),
    z
      .object({
        decision: z.literal("escalate"),
        reason: note("A reason for the escalation is required"),
        version: z.number().int().optional(),
      })
      .strict(),
  ],
  { error: "Choose approve, reject, request changes or escalate." },
);
export type DecisionInput = z.infer<typeof DecisionInputSchema>;
export type DecisionKind = DecisionInput["decision"];

/** What a decision answers: the request's status and version after it. */
export interface Decided {
  status: string;
  version: number;
  /** The request's number (FG-15). */
  number: number;
  /** Who it waits for now ("Finance", "Finance (Engineering)"), or null when no step waits. */
  waitingFor: string | null;
  /** The next item in the decider's inbox, for "Next in inbox →", or null when it is empty. */
  next: { id: string; number: number; title: string } | null;
}

/** The server action that decides, as components receive it. */
export type DecideFn = (requestId: string, input: DecisionInput) => Promise<ActionResult<Decided>>;

export const DECISION_LABELS: Readonly<Record<DecisionKind, string>> = {
  approve: "Approve",
  reject: "Reject",
  request_changes: "Request changes",
  escalate: "Escalate",
};

/** Which of the actions permittedActions offers are decisions on the waiting step. */
export function isDecision(action: string): action is DecisionKind {
  return Object.hasOwn(DECISION_LABELS, action);
}

/** The text field each decision needs, if any. */
export const DECISION_NOTE: Readonly<Record<DecisionKind, "comment" | "reason">> = {
  approve: "comment",
  reject: "reason",
  request_changes: "comment",
  escalate: "reason",
};
