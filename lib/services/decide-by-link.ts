/**
 * A decision from a mail's signed link (lib/mail/decision-links.ts). `previewLink` reads what the
 * confirmation page shows (a GET decides nothing); `decideByLink` makes the decision when the
 * approver confirms, as the link's approver, through the same engine checks as any decision, and
 * records it "via email link". The link must still match the request: same step visit, same
 * version; otherwise it is stale and decides nothing.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { loadRequest } from "@/lib/db/requests";
import { AppError, zodIssues } from "@/lib/errors";
import { cleanText } from "@/lib/forms/text";
import { type LinkClaims, verifyDecisionLink } from "@/lib/mail/decision-links";
import { type ActionView, actionView } from "./action-view";
import type { ServiceActor } from "./actor";
import { decideStep } from "./decide-step";

export interface LinkPreview {
  claims: LinkClaims;
  approverName: string;
  request: {
    id: string;
    number: number;
    title: string;
    summary: string | null;
    fields: Record<string, unknown>;
  };
  action: ActionView | null;
}

async function linkedActor(db: Db, claims: LinkClaims): Promise<ServiceActor & { name: string }> {
  const user = await db.user.findUnique({
    where: { id: claims.sub },
    select: {
      id: true,
      name: true,
      roles: true,
      active: true,
      department: { select: { id: true } },
    },
  });
  if (!user?.active) throw new AppError("LINK_INVALID", "This link is not valid.");
  return { id: user.id, name: user.name, roles: user.roles, department: user.department };
}

/** Checks the link against the request as it is now. */
async function current(db: Db, claims: LinkClaims) {
  const loaded = await loadRequest(db, claims.rid);
  if (!loaded || loaded.version !== claims.ver || loaded.state.step?.visitId !== claims.vid) {
    throw new AppError(
      "LINK_STALE",
      "This request changed since the mail was sent (or the link was used already). Open it in Flowgate to see where it stands.",
    );
  }
  return loaded;
}

export async function previewLink(db: Db, token: string, now = new Date()): Promise<LinkPreview> {
  const claims = await verifyDecisionLink(token, now);
  const approver = await linkedActor(db, claims);
  const loaded = await current(db, claims);
  const row = await db.request.findUniqueOrThrow({
    where: { id: claims.rid },
    select: { number: true, title: true, enrichment: true },
  });
  const summary = (row.enrichment as { summary?: unknown } | null)?.summary;
  return {
    claims,
    approverName: approver.name,
    request: {
      id: claims.rid,
      number: row.number,
      title: row.title,
      summary: typeof summary === "string" ? summary : null,
      fields: loaded.state.fields as Record<string, unknown>,
    },
    action: actionView(loaded.state.action),
  };
}

const ConfirmSchema = z
  .object({
    token: z.string().min(1).max(2_000),
    reason: cleanText(z.string().trim().max(2_000)).optional(),
  })
  .strict();

export async function decideByLink(db: Db, input: unknown, now = new Date()) {
  const parsed = ConfirmSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The confirmation is invalid.",
      zodIssues(parsed.error),
    );
  }
  const claims = await verifyDecisionLink(parsed.data.token, now);
  const approver = await linkedActor(db, claims);
  const loaded = await current(db, claims);
  const decision =
    claims.dec === "approve"
      ? {
          decision: "approve" as const,
          version: claims.ver,
          ...(loaded.state.action ? { actionHash: actionView(loaded.state.action)?.hash } : {}),
        }
      : { decision: "reject" as const, version: claims.ver, reason: parsed.data.reason ?? "" };
  return decideStep(db, approver, claims.rid, decision, now, { via: "email_link" });
}
