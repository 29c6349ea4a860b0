-- Mail notifications: each user's choice, and a record of every mail sent (a retried notification
-- job skips whoever already got its mail).

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "email_notifications" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "mail_deliveries" (
    "key" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "request_id" UUID,
    "kind" TEXT NOT NULL,
    "message_id" TEXT,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mail_deliveries_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "mail_deliveries_request_id_idx" ON "mail_deliveries"("request_id");
