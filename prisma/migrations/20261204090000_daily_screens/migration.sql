-- Issue 14 (the daily screens).
-- The time zone a person reads times in (an IANA name such as "Europe/Berlin"; the app checks it
-- against the runtime's list). Null until they choose one or their browser tells us.
ALTER TABLE "users" ADD COLUMN "time_zone" TEXT;

-- The home page: a person's recent decisions and how many they made this week.
CREATE INDEX "decisions_actor_id_created_at_idx" ON "decisions"("actor_id", "created_at" DESC);

-- Files on a request (quotes, invoices, screenshots), kept with it in PostgreSQL so the quick start
-- needs nothing else. A removal keeps the row (who, when; the audit trail names it) and drops the
-- bytes.
CREATE TABLE "request_attachments" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA,
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "removed_at" TIMESTAMPTZ(3),
    "removed_by_id" UUID,

    CONSTRAINT "request_attachments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "request_attachments_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "request_attachments_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE INDEX "request_attachments_request_id_created_at_idx" ON "request_attachments"("request_id", "created_at");
