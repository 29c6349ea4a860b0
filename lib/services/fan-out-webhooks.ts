/**
 * The `webhooks:fanout` job: the database enqueued it with the events a webhook may be about (the
 * audit_events trigger). Each event becomes one delivery per active subscription to its type,
 * with its payload fixed now (a redelivery sends the same body), and one `webhooks:deliver` job
 * each, in one transaction. A delivery's key is (subscription, event id): running the fan-out
 * again adds nothing twice.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/people-audit";
import { requestLabel } from "@/lib/format";
import { JOB_ATTEMPTS } from "@/lib/jobs/catalog";
import { appUrl } from "@/lib/mail/settings";
import { webhookTypeOf } from "@/lib/webhooks/events";

interface EventRow {
  stream: string;
  seq: number;
  action: string;
  actor_type: string;
  actor_id: string | null;
  on_behalf_of_id: string | null;
  from_status: string | null;
  to_status: string | null;
  data: unknown;
  created_at: Date;
  request_id: string;
  number: number;
  title: string;
  type: string;
}

export async function fanOutWebhooks(
  db: Db,
  events: readonly { stream: string; seq: number }[],
): Promise<number> {
  if (events.length === 0) return 0;
  return inTransaction(db, async (client) => {
    const subscriptions = (
      await client.query<{ id: string; events: string[] }>(
        "SELECT id::text, events FROM webhook_subscriptions WHERE active",
      )
    ).rows;
    const { rows } = await client.query<EventRow>(
      `SELECT a.stream, a.seq, a.action, a.actor_type::text, a.actor_id::text, a.on_behalf_of_id::text,
              a.from_status::text, a.to_status::text, a.data, a.created_at,
              r.id::text AS request_id, r.number, r.title, r.type::text
         FROM unnest($1::text[], $2::int[]) AS e(stream, seq)
         JOIN audit_events a ON a.stream = e.stream AND a.seq = e.seq
         JOIN requests r ON r.id = a.request_id
        ORDER BY a.stream, a.seq`,
      [events.map((e) => e.stream), events.map((e) => e.seq)],
    );
    let queued = 0;
    const base = appUrl();
    for (const row of rows) {
      const type = webhookTypeOf(row.action, row.to_status);
      if (!type) continue;
      const eventId = `msg_${row.request_id.replaceAll("-", "")}_${row.seq}`;
      const payload = {
        type,
        timestamp: row.created_at.toISOString(),
        data: {
          request: {
            id: row.request_id,
            reference: requestLabel(row.number),
            number: row.number,
            title: row.title,
            type: row.type,
            status: row.to_status,
            url: `${base}/requests/${row.request_id}`,
            api: `${base}/api/v1/requests/${row.request_id}`,
          },
          event: {
            seq: row.seq,
            action: row.action,
            actor: { type: row.actor_type, id: row.actor_id, onBehalfOf: row.on_behalf_of_id },
            fromStatus: row.from_status,
            toStatus: row.to_status,
            data: row.data,
          },
        },
      };
      for (const subscription of subscriptions) {
        if (!subscription.events.includes(type)) continue;
        const id = randomUUID();
        const inserted = await client.query(
          `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, payload, status, created_at)
           VALUES ($1::uuid, $2::uuid, $3, $4, $5::jsonb, 'PENDING', now())
           ON CONFLICT (subscription_id, event_id) DO NOTHING`,
          [id, subscription.id, eventId, type, JSON.stringify(payload)],
        );
        if (!inserted.rowCount) continue;
        await client.query(
          `SELECT graphile_worker.add_job('webhooks:deliver', json_build_object('deliveryId', $1::text),
                                          max_attempts := $2, job_key := $3)`,
          [id, JOB_ATTEMPTS["webhooks:deliver"], `webhook:${id}`],
        );
        queued++;
      }
    }
    return queued;
  });
}
