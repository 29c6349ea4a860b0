/**
 * The mails Flowgate sends, each as plain text and HTML built from the same parts: what happened,
 * the request's key facts (the AI summary, fields, due time) and a link to it. Every value from a
 * request is escaped in the HTML; the text part is what a plain mail client shows.
 */
import { describeFields, formatExact, formatStatus, requestLabel } from "@/lib/format";

export interface MailRequest {
  id: string;
  number: number;
  title: string;
  type: string;
  requesterName: string;
  summary: string | null;
  fields: Record<string, unknown>;
  routingWarnings: string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Text made safe to put in HTML (elements and attributes). */
export const escapeHtml = (value: string) =>
  value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

interface Part {
  heading: string;
  lines: string[];
  facts: [string, string][];
  warnings: string[];
  link: { label: string; url: string };
  /** Extra links (e.g. approve / reject), shown as buttons in HTML. */
  actions?: { label: string; url: string }[];
  footer: string;
}

function render(subject: string, part: Part): RenderedMail {
  const text = [
    part.heading,
    "",
    ...part.lines,
    "",
    ...part.facts.map(([name, value]) => `${name}: ${value}`),
    ...(part.warnings.length
      ? ["", "Check the figures:", ...part.warnings.map((w) => `- ${w}`)]
      : []),
    "",
    ...(part.actions ?? []).map((a) => `${a.label}: ${a.url}`),
    `${part.link.label}: ${part.link.url}`,
    "",
    "--",
    part.footer,
  ].join("\n");
  const html = `<!doctype html>
<html lang="en"><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5">
<h1 style="font-size:18px">${escapeHtml(part.heading)}</h1>
${part.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
<table style="border-collapse:collapse;font-size:14px">
${part.facts
  .map(
    ([name, value]) =>
      `<tr><th style="text-align:left;padding:2px 12px 2px 0;color:#475569">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
  )
  .join("\n")}
</table>
${
  part.warnings.length
    ? `<div style="border:1px solid #fca5a5;background:#fef2f2;color:#7f1d1d;padding:8px 12px;margin:12px 0"><strong>Check the figures</strong><ul>${part.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul></div>`
    : ""
}
<p>${(part.actions ?? [])
    .map(
      (a) =>
        `<a href="${escapeHtml(a.url)}" style="display:inline-block;margin-right:8px;padding:6px 12px;background:#0f766e;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(a.label)}</a>`,
    )
    .join("")}<a href="${escapeHtml(part.link.url)}">${escapeHtml(part.link.label)}</a></p>
<p style="font-size:12px;color:#64748b">${escapeHtml(part.footer)}</p>
</body></html>`;
  return { subject, text, html };
}

const FOOTER =
  "You receive this because of your role in Flowgate. Turn email off under Settings in the app.";

function facts(request: MailRequest, extra: [string, string][] = []): [string, string][] {
  return [
    ["Request", `${requestLabel(request.number)} · ${formatStatus(request.type)}`],
    ["Requester", request.requesterName],
    ...describeFields(request.fields).map((value): [string, string] => ["Details", value]),
    ...(request.summary ? [["AI summary", request.summary] as [string, string]] : []),
    ...extra,
  ];
}

export type StepMailKind = "started" | "escalated" | "reminder";

/** To an approver: a step waits for them (started, escalated to their role, or a reminder). */
export function stepMail(
  request: MailRequest,
  step: { roleLabel: string; dueAt: Date; kind: StepMailKind },
  links: { request: string; approve?: string; reject?: string },
  /** The recipient's time zone (Settings); UTC when they have none. */
  timeZone?: string | null,
): RenderedMail {
  const label = requestLabel(request.number);
  const due = formatExact(step.dueAt, timeZone);
  const subject =
    step.kind === "reminder"
      ? `Reminder: ${label} waits for your decision — ${request.title}`
      : step.kind === "escalated"
        ? `Escalated to ${step.roleLabel}: ${label} — ${request.title}`
        : `${label} waits for your approval — ${request.title}`;
  const heading =
    step.kind === "reminder"
      ? `${label} is still waiting for ${step.roleLabel}, due ${due}.`
      : step.kind === "escalated"
        ? `${label} was escalated to ${step.roleLabel}.`
        : `${label} waits for ${step.roleLabel}.`;
  return render(subject, {
    heading,
    lines: [request.title],
    facts: facts(request, [["Due", due]]),
    warnings: request.routingWarnings,
    actions: [
      ...(links.approve ? [{ label: "Approve…", url: links.approve }] : []),
      ...(links.reject ? [{ label: "Reject…", url: links.reject }] : []),
    ],
    link: { label: "Open the request", url: links.request },
    footer: FOOTER,
  });
}

export type RequesterMailKind = "approved" | "rejected" | "changes_requested";

/** To the requester: their request was decided, or sent back for changes. */
export function requesterMail(
  request: MailRequest,
  outcome: { kind: RequesterMailKind; by: string | null; note: string | null },
  link: string,
): RenderedMail {
  const label = requestLabel(request.number);
  const verb =
    outcome.kind === "approved"
      ? "was approved"
      : outcome.kind === "rejected"
        ? "was rejected"
        : "needs changes";
  return render(`${label} ${verb} — ${request.title}`, {
    heading: `Your request ${label} ${verb}${outcome.by ? ` by ${outcome.by}` : ""}.`,
    lines: [
      request.title,
      ...(outcome.note
        ? [`${outcome.kind === "changes_requested" ? "What to change" : "Reason"}: ${outcome.note}`]
        : []),
    ],
    facts: facts(request),
    warnings: [],
    link: { label: "Open the request", url: link },
    footer: FOOTER,
  });
}

/** To a person invited to Flowgate, or whose password an administrator reset: the link to set it. */
export function passwordLinkMail(
  person: { name: string; email: string },
  purpose: "invite" | "reset",
  link: string,
  expiresAt: Date,
  /** The person's time zone (Settings); UTC when they have none yet, as on an invitation. */
  timeZone?: string | null,
): RenderedMail {
  const invite = purpose === "invite";
  return render(invite ? "You are invited to Flowgate" : "Set a new Flowgate password", {
    heading: invite
      ? `Welcome to Flowgate, ${person.name}.`
      : `${person.name}, an administrator sent you a link to set a new password.`,
    lines: [
      invite
        ? "Set your password to sign in. The link works once."
        : "Your current password keeps working until you set a new one. The link works once.",
    ],
    facts: [
      ["Sign in as", person.email],
      ["Link valid until", formatExact(expiresAt, timeZone)],
    ],
    warnings: [],
    link: { label: "Set your password", url: link },
    footer: invite
      ? "You receive this because an administrator added you to Flowgate."
      : "If you did not expect this, tell your administrator.",
  });
}

/** To the people of a request: someone asked or commented on it. */
export function commentMail(
  request: MailRequest,
  comment: { by: string; body: string; toRequester: boolean },
  link: string,
): RenderedMail {
  const label = requestLabel(request.number);
  return render(`${label}: ${comment.by} commented — ${request.title}`, {
    heading: comment.toRequester
      ? `${comment.by} asks about your request ${label}.`
      : `${comment.by} answered on ${label}.`,
    lines: [request.title, "", comment.body],
    facts: facts(request),
    warnings: [],
    link: { label: comment.toRequester ? "Answer on the request" : "Open the request", url: link },
    footer: FOOTER,
  });
}
