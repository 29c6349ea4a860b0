-- The public API (issue 11): service accounts, API tokens (only the secret's SHA-256 is stored),
-- POST responses kept under their Idempotency-Key, and outbound webhooks with a delivery log.
ALTER TABLE "users" ADD COLUMN "service" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scopes" TEXT[],
    "secret_hash" BYTEA NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

CREATE TABLE "idempotency_keys" (
    "principal" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "headers" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("principal","key")
);

CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

CREATE TABLE "webhook_subscriptions" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_subscriptions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "last_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_deliveries_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "webhook_deliveries_subscription_id_event_id_key" ON "webhook_deliveries"("subscription_id", "event_id");
CREATE INDEX "webhook_deliveries_subscription_id_created_at_idx" ON "webhook_deliveries"("subscription_id", "created_at");

-- Outbound webhooks are enqueued by the database itself, in the statement that writes the events:
-- whichever writer appends a request's events (the transition writer, the SLA sweep, an action's
-- outcome), one fan-out job lists the events a webhook may be about, in the same transaction, so
-- a committed event always has its job and a rolled-back one none. Nothing is enqueued while no
-- subscription is active. The action list is lib/webhooks/events.ts WEBHOOK_ACTIONS (a test checks).
CREATE FUNCTION "enqueue_webhook_fanout"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  events json;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE active) THEN
    RETURN NULL;
  END IF;
  SELECT json_agg(json_build_object('stream', n.stream, 'seq', n.seq) ORDER BY n.stream, n.seq)
    INTO events
    FROM new_events n
   WHERE n.request_id IS NOT NULL
     AND n.action IN ('SUBMITTED', 'RESUBMITTED', 'STEP_STARTED', 'APPROVED', 'REJECTED',
                      'ESCALATED', 'SLA_ESCALATED', 'CHANGES_REQUESTED', 'COMPLETED', 'CANCELLED',
                      'ACTION_EXECUTED', 'ACTION_FAILED');
  IF events IS NOT NULL THEN
    PERFORM graphile_worker.add_job('webhooks:fanout', json_build_object('events', events),
                                    max_attempts := 10);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "audit_events_webhooks" AFTER INSERT ON "audit_events"
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION "enqueue_webhook_fanout"();
