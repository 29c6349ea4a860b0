-- What admins did to jobs that failed for good: retried them, or abandoned them with a reason.

-- CreateTable
CREATE TABLE "job_actions" (
    "id" UUID NOT NULL,
    "job_id" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "admin_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_actions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_actions_created_at_idx" ON "job_actions"("created_at" DESC);
