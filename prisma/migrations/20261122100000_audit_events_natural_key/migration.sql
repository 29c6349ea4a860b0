-- Audit events are keyed by their natural key (stream, seq). The surrogate id cost every append a
-- second index entry and a sequence call, and its order (assignment, not commit) promised an
-- ordering it did not keep. The unique index on (stream, seq) becomes the primary key.

-- AlterTable
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "audit_events_pkey" PRIMARY KEY ("stream", "seq");

-- DropIndex
DROP INDEX "audit_events_stream_seq_key";
