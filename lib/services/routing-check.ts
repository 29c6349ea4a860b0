/**
 * No tier downgrade through the text. When a request is submitted, its confirmed fields decide the
 * route (the engine's rule); this check reads the request's own text (lib/ai/local/figures.ts,
 * deterministic, whatever AI provider is configured) and reports every amount, number of days or
 * severity there that would route the request through a longer chain than the confirmed fields
 * do: "50 laptops …, EUR 80,000 in total" confirmed as 800 skips FINANCE and DIRECTOR. The same
 * holds for the type: a text that reads as a purchase of EUR 80,000 submitted as GENERAL.
 *
 * It changes nothing: the route stays the confirmed one and the human approver decides, with the
 * warning in front of them (inbox row, request page) and in the audit trail.
 */
import type { mentionedFigures } from "@/lib/ai/local/figures";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { latestWorkflow } from "@/lib/db/workflows";
import {
  type RequestFields,
  type RequestType,
  type Role,
  routesHigher,
  type WorkflowDefinition,
} from "@/lib/engine";

export interface RoutingInput {
  type: RequestType;
  fields: RequestFields;
  text: string;
  /** The type the AI read the text as, when it differs from the confirmed one. */
  suggestedType: RequestType | null;
}

const chainText = (roles: Role[] | null) =>
  roles?.length ? roles.map((r) => ROLE_LABELS[r]).join(" → ") : "no approval step";

const money = (value: number, currency: string) =>
  `${currency} ${value.toLocaleString("en-US", { maximumFractionDigits: 2 })}`;

/** The warnings for approvers; empty when the text routes no higher than the fields. */
export async function routingWarnings(
  db: Db,
  input: RoutingInput,
  definition: WorkflowDefinition,
  now: Date,
): Promise<string[]> {
  // Loaded on first use with the rest of the local reading (lib/ai/local/index.ts).
  const { mentionedFigures } = await import("@/lib/ai/local/figures");
  const figures = mentionedFigures(input.text, now);
  const warnings = fieldWarnings(definition, input.type, input.fields, figures);
  if (input.suggestedType && input.suggestedType !== input.type) {
    const other = await latestWorkflow(db, input.suggestedType);
    if (other) {
      const warning = typeWarning(other.definition, input, definition, figures);
      if (warning) warnings.push(warning);
    }
  }
  return warnings;
}

type Figures = ReturnType<typeof mentionedFigures>;

/** The highest figure of each kind that routes higher than the confirmed fields, if any. */
export function fieldWarnings(
  definition: WorkflowDefinition,
  type: RequestType,
  fields: RequestFields,
  figures: Figures,
): string[] {
  const warnings: string[] = [];
  const check = <T extends { value: number }>(
    candidates: T[],
    key: "amount" | "days" | "severity",
    describe: (figure: T, confirmedRoles: string, candidateRoles: string) => string,
  ) => {
    const sorted = [...candidates].sort((a, b) => b.value - a.value);
    for (const figure of sorted) {
      if (fields[key] !== undefined && figure.value <= (fields[key] as number)) break;
      const result = routesHigher(definition, type, fields, { ...fields, [key]: figure.value });
      if (result.higher) {
        warnings.push(
          describe(figure, chainText(result.confirmedRoles), chainText(result.candidateRoles)),
        );
        return;
      }
    }
  };
  // The words the figure came from, when they say more than the figure ("50 × EUR 1,600").
  const quote = (f: { evidence: { text: string } }, figure: string) =>
    f.evidence.text.replace(/\s+/gu, " ") === figure ? "" : ` (“${f.evidence.text}”)`;
  check(
    figures.amounts,
    "amount",
    (f, current, atText) =>
      `The text mentions ${money(f.value, f.currency)}${quote(f, money(f.value, f.currency))}, but the confirmed amount is ${
        fields.amount === undefined
          ? "missing"
          : money(fields.amount, fields.currency ?? f.currency)
      }. At the text's figure it would need ${atText}, not ${current}.`,
  );
  check(
    figures.days,
    "days",
    (f, current, atText) =>
      `The text mentions ${f.value} days${quote(f, `${f.value} days`)}, but the confirmed leave is ${
        fields.days ?? "missing"
      } days. At the text's figure it would need ${atText}, not ${current}.`,
  );
  check(
    figures.severities,
    "severity",
    (f, current, atText) =>
      `The text ${f.stated ? "states" : "reads as"} severity ${f.value}${quote(f, `severity ${f.value}`)}, but the confirmed severity is ${
        fields.severity ?? "missing"
      }. At the text's figure it would need ${atText}, not ${current}.`,
  );
  return warnings;
}

/** A text that reads as another type, whose chain (with the text's figures) is longer. */
function typeWarning(
  other: WorkflowDefinition,
  input: RoutingInput,
  definition: WorkflowDefinition,
  figures: Figures,
): string | null {
  const suggested = input.suggestedType as RequestType;
  const highest = (list: { value: number }[]) =>
    list.reduce<number | undefined>(
      (max, f) => (max === undefined || f.value > max ? f.value : max),
      undefined,
    );
  const amount = figures.amounts.reduce<Figures["amounts"][number] | undefined>(
    (max, f) => (!max || f.value > max.value ? f : max),
    undefined,
  );
  const fields: RequestFields = {
    ...(amount ? { amount: amount.value, currency: amount.currency } : {}),
    ...(highest(figures.days) !== undefined ? { days: highest(figures.days) } : {}),
    ...(highest(figures.severities) !== undefined ? { severity: highest(figures.severities) } : {}),
  };
  const asSuggested = routesHigher(other, suggested, {}, fields).candidateRoles;
  const asConfirmed = routesHigher(definition, input.type, {}, input.fields).candidateRoles;
  if (!asSuggested || (asConfirmed && asSuggested.length <= asConfirmed.length)) return null;
  return `The text reads as a ${suggested.toLowerCase()} request${
    amount ? ` of ${money(amount.value, amount.currency)}` : ""
  }, which would need ${chainText(asSuggested)}; it was submitted as ${input.type.toLowerCase()}, which needs ${chainText(asConfirmed)}.`;
}
