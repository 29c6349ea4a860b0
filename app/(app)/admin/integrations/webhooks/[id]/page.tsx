import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExactTime } from "@/components/exact-time";
import { PageHeader } from "@/components/page-header";
import { ButtonForm } from "@/components/webhook-forms";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { webhookWithDeliveries } from "@/lib/db/webhooks";
import { isUuid } from "@/lib/ids";
import { redeliverAction, setWebhookActiveAction } from "../../actions";

export const metadata: Metadata = { title: "Webhook" };

const STATUS_TONE: Record<string, string> = {
  DELIVERED: "text-emerald-700",
  PENDING: "text-amber-700",
  FAILED: "text-red-700",
};

export default async function WebhookPage({
  params,
}: PageProps<"/admin/integrations/webhooks/[id]">) {
  await requirePermission("integration:manage");
  const { id } = await params;
  const found = isUuid(id) ? await webhookWithDeliveries(db(), id) : null;
  if (!found) notFound();
  const { subscription, deliveries } = found;
  return (
    <>
      <PageHeader
        title={subscription.description || "Webhook"}
        description={subscription.url}
        actions={
          <ButtonForm
            action={setWebhookActiveAction}
            fields={{ id: subscription.id, active: subscription.active ? "false" : "true" }}
            label={subscription.active ? "Pause" : "Resume"}
            pendingLabel="Saving…"
          />
        }
      />
      <p className="mb-4 text-sm">
        <Link href="/admin/integrations" className="underline">
          All integrations
        </Link>
      </p>
      <dl className="mb-6 grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">Status</dt>
        <dd>{subscription.active ? "active" : "paused (nothing is sent)"}</dd>
        <dt className="text-slate-600">Events</dt>
        <dd className="font-mono text-xs">{subscription.events.join(", ")}</dd>
        <dt className="text-slate-600">Signing secret</dt>
        <dd>
          <details>
            <summary className="cursor-pointer">Show</summary>
            <code className="break-all text-xs" data-testid="webhook-secret">
              {subscription.secret}
            </code>
          </details>
        </dd>
      </dl>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm" data-testid="deliveries">
          <caption className="sr-only">Deliveries, newest first</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Event
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Attempts
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Last answer
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">Redeliver</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">
                  <div className="font-mono text-xs">{d.eventType}</div>
                  <div className="text-xs text-slate-500">
                    {d.eventId} · <ExactTime at={d.createdAt} />
                  </div>
                </td>
                <td className={`px-3 py-2 ${STATUS_TONE[d.status] ?? ""}`}>{d.status}</td>
                <td className="px-3 py-2">{d.attempts}</td>
                <td className="px-3 py-2">
                  {d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : ""}
                  {d.lastError ? <div className="text-xs text-red-700">{d.lastError}</div> : null}
                  {d.lastAttemptAt ? (
                    <div className="text-xs text-slate-500">
                      <ExactTime at={d.lastAttemptAt} />
                    </div>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  <ButtonForm
                    action={redeliverAction}
                    fields={{ deliveryId: d.id, subscriptionId: subscription.id }}
                    label="Redeliver"
                    pendingLabel="Queuing…"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {deliveries.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">Nothing delivered yet.</p>
        ) : null}
      </div>
    </>
  );
}
