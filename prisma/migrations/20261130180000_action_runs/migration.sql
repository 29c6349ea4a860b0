-- Approved actions run exactly once: their outbox, and the tasks create_task makes.

-- CreateTable
CREATE TABLE "action_runs" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "node_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "action_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "result" JSONB,
    "queued_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "action_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" UUID NOT NULL,
    "action_run_id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "assignee_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "action_runs_idempotency_key_key" ON "action_runs"("idempotency_key");

-- CreateIndex
CREATE INDEX "action_runs_request_id_idx" ON "action_runs"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "tasks_action_run_id_key" ON "tasks"("action_run_id");

-- CreateIndex
CREATE INDEX "tasks_assignee_id_created_at_idx" ON "tasks"("assignee_id", "created_at" DESC);

-- Each running worker's pool and when it last said so: jobs a dead worker held are unlocked.
-- CreateTable
CREATE TABLE "worker_heartbeats" (
    "pool_id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_heartbeats_pkey" PRIMARY KEY ("pool_id")
);
