-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "enrichment" JSONB,
ADD COLUMN     "enrichment_error" TEXT;
