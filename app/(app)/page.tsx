import type { Metadata, Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { When } from "@/components/when";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { describeFields, requestLabel } from "@/lib/format";
import { homeFor } from "@/lib/services/home";

export const metadata: Metadata = { title: "Home" };

const DECIDED: Record<string, string> = {
  APPROVE: "approved",
  REJECT: "rejected",
  REQUEST_CHANGES: "sent back",
  ESCALATE: "escalated",
};

export default async function HomePage() {
  const user = await requireUser();
  const now = new Date();
  const home = await homeFor(db(), user, now);
  const zone = user.timeZone;
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name.split(" ")[0]}`}
        description={
          <>
            {user.roles.map((role) => ROLE_LABELS[role]).join(", ")}
            {user.department ? ` · ${user.department.name}` : ""}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        {home.waiting ? (
          <Panel
            title="Waiting for you"
            count={home.waiting.count}
            note={
              home.waiting.overdue > 0 ? (
                <span className="font-medium text-red-800" data-testid="overdue-count">
                  {home.waiting.overdue} overdue
                </span>
              ) : (
                "none overdue"
              )
            }
            href="/inbox"
            more="Open the inbox"
            empty="Nothing waits for your decision."
          >
            {home.waiting.first.map((item) => (
              <Row
                key={item.id}
                href={`/requests/${item.id}` as Route}
                label={`${requestLabel(item.number)} ${item.title}`}
                detail={
                  <>
                    {describeFields(item.fields)[0] ?? item.requesterName} · due{" "}
                    <When at={item.stepDueAt} now={now} timeZone={zone} />
                  </>
                }
              />
            ))}
          </Panel>
        ) : null}
        {home.open ? (
          <Panel
            title="Your open requests"
            count={home.open.count}
            note="drafts, in review and sent back"
            href="/requests"
            more="All your requests"
            empty="Nothing under way. New request: describe what you need in plain words."
          >
            {home.open.items.map((item) => (
              <Row
                key={item.id}
                href={`/requests/${item.id}` as Route}
                label={`${requestLabel(item.number)} ${item.title}`}
                detail={
                  <>
                    <StatusBadge status={item.status} />{" "}
                    {item.stepRole ? `with ${ROLE_LABELS[item.stepRole]}` : ""}
                    {item.stepDueAt ? (
                      <>
                        {" "}
                        · due <When at={item.stepDueAt} now={now} timeZone={zone} />
                      </>
                    ) : null}
                  </>
                }
              />
            ))}
          </Panel>
        ) : null}
        <Panel
          title="Recent decisions"
          count={home.waiting ? home.decisions.lastWeek : null}
          note={home.waiting ? "by you in the last 7 days" : "on your requests"}
          empty="No decisions yet."
        >
          {home.decisions.recent.map((decision) => (
            <Row
              key={`${decision.requestId}-${decision.at.toISOString()}`}
              href={`/requests/${decision.requestId}` as Route}
              label={`${requestLabel(decision.number)} ${decision.title}`}
              detail={
                <>
                  {DECIDED[decision.kind]} by {decision.byYou ? "you" : decision.actorName}{" "}
                  <When at={decision.at} now={now} timeZone={zone} />
                </>
              }
            />
          ))}
        </Panel>
      </div>
    </>
  );
}

function Panel({
  title,
  count,
  note,
  href,
  more,
  empty,
  children,
}: {
  title: string;
  count: number | null;
  note: ReactNode;
  href?: Route;
  more?: string;
  empty: string;
  children: ReactNode[];
}) {
  const id = `home-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={id} className="flex items-baseline gap-2 text-base font-semibold">
        {title}
        {count !== null ? (
          <span className="text-2xl font-semibold text-slate-900" data-testid={`${id}-count`}>
            {count.toLocaleString("en")}
          </span>
        ) : null}
      </h2>
      <p className="text-xs text-slate-500">{note}</p>
      {children.length > 0 ? (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">{children}</ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{empty}</p>
      )}
      {href && more ? (
        <Link href={href} className="mt-auto pt-3 text-sm font-medium text-brand-700 underline">
          {more} →
        </Link>
      ) : null}
    </section>
  );
}

function Row({ href, label, detail }: { href: Route; label: string; detail: ReactNode }) {
  return (
    <li className="py-2">
      <Link href={href} className="block truncate font-medium text-slate-900 hover:underline">
        {label}
      </Link>
      <span className="block text-xs text-slate-600">{detail}</span>
    </li>
  );
}
