-- Where an attachment's bytes are (lib/attachments/store.ts): in its row (postgres, the default)
-- or in an S3-compatible bucket under storage_key. A kept file has its bytes in one of the two.
ALTER TABLE "request_attachments"
    ADD COLUMN "storage" TEXT NOT NULL DEFAULT 'postgres',
    ADD COLUMN "storage_key" TEXT;

ALTER TABLE "request_attachments"
    ADD CONSTRAINT "request_attachments_storage_check" CHECK (
        ("storage" = 'postgres' AND "storage_key" IS NULL AND ("content" IS NOT NULL OR "removed_at" IS NOT NULL))
        OR ("storage" = 's3' AND "storage_key" IS NOT NULL AND "content" IS NULL)
    );
