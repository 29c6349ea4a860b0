-- Verifications of every audit chain (issue 13): run by an auditor or nightly, as a job, with
-- their progress and their findings kept.
CREATE TABLE "audit_verifications" (
    "id" UUID NOT NULL,
    "requested_by" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL,
    "total_chains" BIGINT NOT NULL DEFAULT 0,
    "chains_checked" BIGINT NOT NULL DEFAULT 0,
    "events_checked" BIGINT NOT NULL DEFAULT 0,
    "broken_count" BIGINT NOT NULL DEFAULT 0,
    "broken" JSONB NOT NULL DEFAULT '[]',
    "checkpoints" TEXT NOT NULL DEFAULT 'off',
    "error" TEXT,

    CONSTRAINT "audit_verifications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_verifications_status_check" CHECK ("status" IN ('RUNNING', 'DONE', 'FAILED')),
    CONSTRAINT "audit_verifications_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE INDEX "audit_verifications_started_at_idx" ON "audit_verifications"("started_at" DESC);
