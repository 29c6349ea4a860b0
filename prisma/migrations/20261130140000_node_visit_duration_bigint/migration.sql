-- A node visit's duration in milliseconds. As a 32-bit integer it overflowed for any visit longer
-- than 24.8 days (2^31 ms): a step left waiting that long could then never be decided, escalated
-- or swept, because closing its visit failed the whole transition. bigint holds 292 million years.
-- Widening keeps every existing value; PostgreSQL rewrites the table under an exclusive lock (a
-- few seconds per million visits), so apply it in a quiet moment on a large installation.

-- AlterTable
ALTER TABLE "node_visits" ALTER COLUMN "duration_ms" SET DATA TYPE BIGINT;
