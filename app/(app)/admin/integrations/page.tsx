import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokenSection } from "@/components/api-token-forms";
import { PageHeader } from "@/components/page-header";
import { ServiceAccountForm } from "@/components/people-forms";
import { WebhookForm } from "@/components/webhook-forms";
import { grantableScopes } from "@/lib/api/scopes";
import { tokenRows } from "@/lib/api/token-rows";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { listTokens } from "@/lib/db/api-tokens";
import { db } from "@/lib/db/client";
import { webhookSubscriptions } from "@/lib/db/webhooks";
import { createTokenAction, revokeTokenAction } from "../../settings/token-actions";
import { createServiceAccountAction, createWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const user = await requirePermission("integration:manage");
  const manageAccounts = can(user, "user:manage");
  const [subscriptions, accounts, tokens, departments] = await Promise.all([
    webhookSubscriptions(db()),
    manageAccounts
      ? db().user.findMany({
          where: { service: true },
          orderBy: { name: "asc" },
          select: { id: true, name: true, email: true, roles: true, active: true },
        })
      : [],
    manageAccounts ? listTokens(db(), { service: true }) : [],
    db().department.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Other systems that work with Flowgate: service accounts with API tokens, and webhooks that tell them what happens."
      />
      <p className="mb-4 text-sm">
        <a href="/api/docs" className="underline">
          API reference
        </a>{" "}
        ·{" "}
        <a href="/api/v1/openapi.json" className="underline">
          OpenAPI document
        </a>
      </p>

      <section aria-labelledby="webhooks-heading" className="space-y-4">
        <h2 id="webhooks-heading" className="text-lg font-semibold">
          Webhooks
        </h2>
        {subscriptions.length ? (
          <ul className="space-y-2" data-testid="webhooks">
            {subscriptions.map((s) => (
              <li
                key={s.id}
                className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
              >
                <Link
                  href={`/admin/integrations/webhooks/${s.id}`}
                  className="font-medium underline"
                >
                  {s.description || s.url}
                </Link>
                {s.active ? null : <span className="ml-2 text-amber-700">paused</span>}
                <div className="break-all text-slate-600">{s.url}</div>
                <div className="text-slate-600">
                  {s.events.join(", ")} · {s.delivered} delivered, {s.pending} pending, {s.failed}{" "}
                  failed
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">No webhooks yet.</p>
        )}
        <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <summary className="cursor-pointer font-medium">Add a webhook</summary>
          <p className="mt-2 mb-3 text-sm text-slate-600">
            Each delivery is a signed POST (Standard Webhooks: webhook-id, webhook-timestamp,
            webhook-signature), retried for about six hours until the receiver answers 2xx.
          </p>
          <WebhookForm action={createWebhookAction} />
        </details>
      </section>

      {manageAccounts ? (
        <section aria-labelledby="accounts-heading" className="mt-8 space-y-4">
          <h2 id="accounts-heading" className="text-lg font-semibold">
            Service accounts
          </h2>
          <p className="text-sm text-slate-600">
            An integration's own identity: roles and a department like a person's (the workflow
            decides what it may do), no password, only API tokens.
          </p>
          {accounts.map((account) => (
            <ApiTokenSection
              key={account.id}
              userId={account.id}
              title={`${account.name}${account.active ? "" : " (deactivated)"}`}
              description={`${account.roles.map((r) => ROLE_LABELS[r]).join(", ")} · ${account.email}`}
              tokens={tokenRows(tokens.filter((t) => t.owner.id === account.id))}
              scopes={grantableScopes(account)}
              create={createTokenAction}
              revoke={revokeTokenAction}
              allowNoExpiry
            />
          ))}
          <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <summary className="cursor-pointer font-medium">Add a service account</summary>
            <div className="mt-3">
              <ServiceAccountForm action={createServiceAccountAction} departments={departments} />
            </div>
          </details>
        </section>
      ) : null}
    </>
  );
}
