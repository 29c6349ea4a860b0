-- The audit explorer (issue 13): keyset paging over every event, newest first, by time alone, by
-- actor or by action (lib/db/audit-search.ts; npm run bench:audit measures them at 1,000,000
-- events). The indexes hold the time alone, not (time, stream, seq): a fraction of the size for every
-- writer; ties within one timestamp (a sweep batch shares its time) are sorted incrementally.
-- Every index here is written by every event, the SLA sweep's 100,000 included, so the actor
-- index leaves out the system's and the AI's events (no actor id), and the action index leaves
-- out the actions that make up most of the trail: a search for one of those walks the time index
-- and fills its page within a few hundred events (lib/db/audit-search.ts COMMON_ACTIONS).
CREATE INDEX "audit_events_time_idx" ON "audit_events" ("created_at");
CREATE INDEX "audit_events_actor_idx" ON "audit_events" ("actor_id", "created_at")
  WHERE "actor_id" IS NOT NULL;
CREATE INDEX "audit_events_action_idx" ON "audit_events" ("action", "created_at")
  WHERE "action" NOT IN ('CREATED', 'ENRICHED', 'UPDATED', 'SUBMITTED', 'STEP_STARTED', 'APPROVED',
                         'COMPLETED', 'SLA_ESCALATED', 'ACTION_QUEUED', 'ACTION_EXECUTED');

-- Text search over requests' title and description (ILIKE served by trigrams).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "requests_text_trgm_idx" ON "requests"
  USING gin (("title" || ' ' || "description") gin_trgm_ops);

-- Exports of the audit trail: who exported what (the filters), when, and the manifest that lets the
-- file be verified offline (npm run audit:verify): its SHA-256, its event count, the last event of
-- each chain in it, signed with the audit signing key when one is configured.
CREATE TABLE "audit_exports" (
    "id" UUID NOT NULL,
    "requested_by" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL,
    "event_count" BIGINT NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "manifest" JSONB,

    CONSTRAINT "audit_exports_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_exports_format_check" CHECK ("format" IN ('csv', 'jsonl')),
    CONSTRAINT "audit_exports_status_check" CHECK ("status" IN ('RUNNING', 'DONE', 'ABORTED')),
    CONSTRAINT "audit_exports_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE INDEX "audit_exports_started_at_idx" ON "audit_exports"("started_at" DESC);
